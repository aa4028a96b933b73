#!/usr/bin/env python
"""Page weight per page type and role: HTML + CSS + JS, gzipped, cold cache. Exits 1 over the limit.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python scripts/page_weight.py [--limit-kb 60]

Each page type of config/demo/pages.py is fetched in-process with Django's test client, as each role
(anonymous, member, coordinator of the demo's PEP network), asking for gzip as a browser does: the HTML
counts as the server sends it (GZipMiddleware). Every stylesheet and script the page links
(`<link rel=stylesheet href>`, `<script src>`) is read from the static files and gzipped at level 9
(as WhiteNoise serves it), each counted once per page: a first visit with an empty cache.

The database must be migrated; the demo is loaded if it is missing. Everything the script writes (the
demo, config.demo.pages.prepare()'s agreement, news post and invitations) is rolled back at the end.
It runs with the test settings (portal.settings_test) and DEBUG off, so 404 and 403 are the pages
visitors get. tests/config/test_page_weight.py runs it on every test run.
"""

import argparse
import gzip
import logging
import os
import sys
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_KB = 60


@dataclass(frozen=True)
class Weight:
    role: str
    page: str
    url: str
    html: int  # bytes on the wire, gzipped
    css: int
    js: int
    problem: str = ""  # a wrong status, a file that is not ours

    @property
    def total(self):
        return self.html + self.css + self.js


class _Assets(HTMLParser):
    """The stylesheets and scripts a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.css, self.js = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])


def _gzipped_asset(url, cache, client):
    """Gzipped size of one of our static files, or of a stylesheet or script the portal itself serves on
    its own origin (a network's colour stylesheet), by its URL; None if it is neither."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    if url not in cache:
        prefix = "/" + settings.STATIC_URL.lstrip("/")
        if url.startswith(prefix):
            path = finders.find(url.split("?")[0].removeprefix(prefix))
            cache[url] = None if path is None else len(gzip.compress(Path(path).read_bytes(), compresslevel=9))
        elif url.startswith("/") and not url.startswith("//"):
            response = client.get(url)
            ok = response.status_code == 200
            cache[url] = len(gzip.compress(response.content, compresslevel=9)) if ok else None
        else:
            cache[url] = None
    return cache[url]


def measure():
    """A Weight for every page type of every role. Needs the demo and config.demo.pages.prepare()."""
    from django.test import Client, override_settings

    from config.demo import pages

    rows, static_sizes = [], {}
    quiet = logging.getLogger("django.request")  # every 403 and 404 would print a warning
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    with override_settings(DEBUG=False):
        for role in pages.ROLES:
            client = Client()
            if (account := pages.user(role)) is not None:
                client.force_login(account)
            for page in pages.page_types(role):
                response = client.get(page.url, HTTP_ACCEPT_ENCODING="gzip")
                body = response.content
                raw = gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body
                problems = []
                if response.status_code != page.status:
                    problems.append(f"answered {response.status_code}, expected {page.status}")
                parser = _Assets()
                parser.feed(raw.decode("utf-8", "replace"))
                sizes = {}
                for kind, urls in (("css", parser.css), ("js", parser.js)):
                    sizes[kind] = 0
                    for url in dict.fromkeys(urls):  # each file once: the browser fetches it once
                        size = _gzipped_asset(url, static_sizes, client)
                        if size is None:
                            problems.append(f"{url} is not one of our files")
                        else:
                            sizes[kind] += size
                problem = "; ".join(problems)
                rows.append(Weight(role, page.name, page.url, len(body), sizes["css"], sizes["js"], problem))
    quiet.setLevel(level)
    return rows


def report(rows, limit_kb=LIMIT_KB):
    """(the table as text, whether every page is within the limit and answered as expected)."""
    limit = limit_kb * 1024
    lines = [f"{'role':<12} {'page type':<26} {'HTML':>8} {'CSS':>8} {'JS':>8} {'total':>8}  (KB, gzip)"]
    ok = True
    for row in rows:
        over = row.total > limit
        ok = ok and not over and not row.problem
        note = "  OVER THE LIMIT" if over else ""
        note += f"  {row.problem}" if row.problem else ""
        lines.append(
            f"{row.role:<12} {row.page:<26} {row.html / 1024:>8.1f} {row.css / 1024:>8.1f} {row.js / 1024:>8.1f} "
            f"{row.total / 1024:>8.1f}{note}"
        )
    heaviest = max(rows, key=lambda r: r.total)
    lines.append(
        f"{len(rows)} pages; heaviest {heaviest.total / 1024:.1f} KB ({heaviest.role}, {heaviest.page}); "
        f"limit {limit_kb} KB: {'ok' if ok else 'FAILED'}"
    )
    return "\n".join(lines), ok


def run(limit_kb=LIMIT_KB, out=sys.stdout):
    """Load what is missing, measure, print the table; everything written is rolled back. Returns 0 or 1."""
    from django.core.management import call_command
    from django.db import transaction

    from config.demo import pages
    from members.models import User

    with transaction.atomic():
        if not User.objects.filter(email=pages.ROLES["coordinator"]).exists():
            call_command("load_demo", force=True, quiet=True)
        pages.prepare()
        text, ok = report(measure(), limit_kb)
        transaction.set_rollback(True)
    print(text, file=out)
    return 0 if ok else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit-kb", type=float, default=LIMIT_KB, help="the most a page may weigh (default 60)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")
    import django

    # WhiteNoise looks for collected files (STATIC_ROOT); the script reads the sources instead.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    django.setup()
    return run(args.limit_kb)


if __name__ == "__main__":
    sys.exit(main())
