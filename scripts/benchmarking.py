"""What the benchmark scripts share: the repository on the import path, Django on a throwaway SQLite file,
timings summed up as percentiles, and a page's size raw and gzipped."""

import gzip
import os
import statistics
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def use_repository():
    """Make the apps importable when a script runs as `python scripts/<name>.py` (its folder is on the path,
    the repository is not), and keep WhiteNoise quiet about the static files nobody collected."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", message="No directory at")


def use_sqlite(database_path, *, log_level="WARNING"):
    """Set Django up on the test settings and a throwaway SQLite file (no Redis: jobs in-process)."""
    use_repository()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings_test",
            "DATABASE_URL": f"sqlite:///{database_path}",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-not-secret",  # noqa: S105 (a throwaway process)
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": log_level,
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def percentile(values, fraction):
    """The nearest-rank percentile of `values` (0.95: the value 95 % of them stay at or under)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timings(milliseconds):
    """Median, mean, 95th percentile, minimum and count of a list of times in milliseconds."""
    return {
        "median": statistics.median(milliseconds),
        "mean": statistics.fmean(milliseconds),
        "p95": percentile(milliseconds, 0.95),
        "min": min(milliseconds),
        "n": len(milliseconds),
    }


def sizes_kb(body):
    """(raw, gzipped) size of a response body, in KB."""
    return len(body) / 1024, len(gzip.compress(body)) / 1024
