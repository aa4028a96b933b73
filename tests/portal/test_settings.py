"""The production profile of portal/settings.py: passes `check --deploy` cleanly, refuses to start unsafe.

Each case runs manage.py in a fresh interpreter, because settings are read once per process.
"""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
# No "$": django-environ reads a value starting with it as a reference to another variable.
KEY_ALPHABET = string.ascii_letters + string.digits + "!@#%^*-_=+"
# Variables portal/settings.py reads; dropped from the inherited environment so each case is exact.
SETTINGS_VARIABLES = (
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SITE_URL", "DATABASE_URL", "REDIS_URL",
    "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CELERY_TASK_ALWAYS_EAGER", "CELERY_QUEUE", "EMAIL_URL",
    "EMAIL_BACKEND", "EMAIL_FILE_PATH", "DEFAULT_FROM_EMAIL", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "MEDIA_ROOT", "CONN_MAX_AGE", "LOG_LEVEL", "INVITATION_VALID_DAYS",
)  # fmt: skip


def _production_env(tmp_path, **overrides):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set for this test process (tests/conftest.py), never in production.
    dropped = (*SETTINGS_VARIABLES, "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DEBUG="false",
        SECRET_KEY="".join(secrets.choice(KEY_ALPHABET) for _ in range(60)),
        ALLOWED_HOSTS="partnera.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}",
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_profile_passes_check_deploy_without_warnings(tmp_path):
    result = _manage(_production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output and "?: (security." not in output, output


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _manage(_production_env(tmp_path, SECRET_KEY=None), "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("key", ["dev-only-insecure-key-change-me", "short"])
def test_check_deploy_rejects_a_weak_secret_key(tmp_path, key):
    env = _production_env(tmp_path, SECRET_KEY=key)
    result = _manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr
