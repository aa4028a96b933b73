"""scripts/run-demo gives e-mailed links the address it serves (issue 8: SITE_URL follows the port), run
against a stand-in for the virtualenv whose python only reports what runserver would have been given."""

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAKE_VENV_SH = """VENV="$ROOT/.venv"
log() { printf '==> %s\\n' "$*" >&2; }
ensure_venv() { :; }
ensure_libmagic() { :; }
warn_missing_pdf_libs() { :; }
"""
FAKE_PYTHON = """#!/bin/sh
[ "$2" = runserver ] && echo "SITE_URL=$SITE_URL"
exit 0
"""


def _run_demo(tmp_path, *args, env=None):
    (tmp_path / "scripts" / "lib").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "run-demo", tmp_path / "scripts" / "run-demo")
    (tmp_path / "scripts" / "lib" / "venv.sh").write_text(FAKE_VENV_SH)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    result = subprocess.run(
        ["bash", str(tmp_path / "scripts" / "run-demo"), *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), **(env or {})},
        check=True,
    )
    return [line for line in result.stdout.splitlines() if line.startswith("SITE_URL=")]


@pytest.mark.parametrize(
    ("args", "site_url"),
    [
        ((), "http://127.0.0.1:8000"),
        (("8123",), "http://127.0.0.1:8123"),
        (("127.0.0.1:9001",), "http://127.0.0.1:9001"),
        (("0.0.0.0:8080",), "http://127.0.0.1:8080"),
    ],
)
def test_site_url_is_the_address_served(tmp_path, args, site_url):
    assert _run_demo(tmp_path, *args) == [f"SITE_URL={site_url}"]


def test_a_site_url_set_by_hand_is_kept(tmp_path):
    assert _run_demo(tmp_path, "8123", env={"SITE_URL": "https://demo.example.org"}) == [
        "SITE_URL=https://demo.example.org"
    ]
