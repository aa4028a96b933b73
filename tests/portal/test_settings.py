"""The profiles of portal/settings.py: production passes `check --deploy` cleanly and refuses to start
unsafe; the test profile (portal/settings_test.py) ignores production values in the environment or .env;
log lines print once.

Each case runs in a fresh interpreter, because settings are read once per process.
"""

import json
import os
import re
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
    "MEDIA_ROOT", "CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "LOG_LEVEL", "INVITATION_VALID_DAYS", "TRUSTED_PROXY_COUNT",
    "TRUSTED_CLIENT_IP_HEADER", "INVITATIONS_PER_USER_PER_HOUR", "INVITATIONS_PER_NETWORK_PER_DAY",
    "NETWORKS_PER_USER_PER_DAY", "INVITATION_MESSAGE_TRUST_DAYS", "UPLOAD_LOGO_MAX_BYTES",
    "S3_BUCKET", "S3_ENDPOINT_URL", "S3_REGION", "S3_ADDRESSING_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY",
    "S3_DEFAULT_ACL",
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


# The production cases set every variable themselves, so a developer's .env must not fill in the rest
# (its SECRET_KEY would hide a missing one): the child runs manage.py with .env reading switched off.
NO_DOTENV_MANAGE = (
    "import runpy, sys, environ; environ.Env.read_env = classmethod(lambda cls, *a, **k: None); "
    "sys.argv = ['manage.py', *sys.argv[1:]]; runpy.run_path('manage.py', run_name='__main__')"
)


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "-c", NO_DOTENV_MANAGE, *args],
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


# Prints what the test profile ended up with, and what a request through the test client answers.
PROBE_TEST_PROFILE = """
import json, os
import django
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()
response = Client().get("/no-such-page/")
print(json.dumps({
    "DEBUG_IN_ENVIRON": os.environ.get("DEBUG"),
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "SITE_URL": settings.SITE_URL,
    "SECURE_SSL_REDIRECT": getattr(settings, "SECURE_SSL_REDIRECT", False),
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "ACCOUNT_DEFAULT_HTTP_PROTOCOL": settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL,
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "DEFAULT_FROM_EMAIL": settings.DEFAULT_FROM_EMAIL,
    "ALLAUTH_TRUSTED_PROXY_COUNT": settings.ALLAUTH_TRUSTED_PROXY_COUNT,
    "DEFAULT_STORAGE": settings.STORAGES["default"]["BACKEND"],
    "status": response.status_code,
}))
"""


def _env_example_values():
    text = (BASE_DIR / ".env.example").read_text()
    return dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", text, re.M))


def test_the_test_profile_ignores_the_production_values_of_env_example(tmp_path):
    # Set in the environment, which wins over .env: the harder case for the test profile to beat.
    production = _env_example_values()
    assert production["DEBUG"] == "false" and production["SITE_URL"].startswith("https://")
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(production, DJANGO_SETTINGS_MODULE="portal.settings_test", S3_BUCKET="partnera-production")
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-c", PROBE_TEST_PROFILE], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["status"] == 404, seen  # not 301 to https://, not 400 for the host
    assert "testserver" in seen["ALLOWED_HOSTS"] and "127.0.0.1" in seen["ALLOWED_HOSTS"]
    assert seen["SITE_URL"] == "http://127.0.0.1:8000"
    assert seen["SECURE_SSL_REDIRECT"] is False and seen["SESSION_COOKIE_SECURE"] is False
    assert seen["ACCOUNT_DEFAULT_HTTP_PROTOCOL"] == "http"
    assert seen["EMAIL_BACKEND"] == "django.core.mail.backends.locmem.EmailBackend"
    assert seen["DEFAULT_FROM_EMAIL"] == "Partnera <noreply@partnera.localhost>"
    assert production["TRUSTED_PROXY_COUNT"] == "1" and seen["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    assert seen["DEFAULT_STORAGE"] == "django.core.files.storage.FileSystemStorage"  # never a deployment's bucket
    assert seen["DEBUG_IN_ENVIRON"] == "false"  # the environment is put back after the settings are read


# .env reading off, as in NO_DOTENV_MANAGE: a developer's CONN_MAX_AGE must not decide the case.
PROBE_DATABASE = (
    "import json, django, environ; environ.Env.read_env = classmethod(lambda cls, *a, **k: None); "
    "from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; print(json.dumps([db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS']]))"
)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        # Production on PostgreSQL keeps each worker's connection a minute, checked before reuse.
        ({"DATABASE_URL": "postgres://partnera:pw@db:5432/partnera"}, [60, True]),
        ({"DATABASE_URL": "postgres://partnera:pw@db:5432/partnera", "CONN_MAX_AGE": "5"}, [5, True]),
        # Development, and SQLite, open a connection per request.
        ({"DATABASE_URL": "postgres://partnera:pw@db:5432/partnera", "DEBUG": "true"}, [0, True]),
        ({}, [0, True]),
    ],
)
def test_production_on_postgresql_keeps_database_connections(tmp_path, overrides, expected):
    env = _production_env(tmp_path, **overrides)
    result = subprocess.run(
        [sys.executable, "-c", PROBE_DATABASE], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


PROBE_STORAGE = (
    "import json, environ; environ.Env.read_env = classmethod(lambda cls, *a, **k: None); "
    "from django.conf import settings; print(json.dumps(settings.STORAGES['default']))"
)


def _default_storage(env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE_STORAGE], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    return result, json.loads(result.stdout.strip().splitlines()[-1]) if result.returncode == 0 else None


def test_files_are_on_the_local_disk_unless_a_bucket_is_named(tmp_path):
    result, storage = _default_storage(_production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert storage == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_puts_every_file_in_s3_compatible_storage(tmp_path):
    env = _production_env(
        tmp_path, S3_BUCKET="partnera", S3_ENDPOINT_URL="http://minio:9000", S3_REGION="eu-central-1",
        S3_ADDRESSING_STYLE="path", S3_ACCESS_KEY_ID="partnera", S3_SECRET_ACCESS_KEY="minio-secret",
    )  # fmt: skip
    result, storage = _default_storage(env)
    assert result.returncode == 0, result.stderr
    assert storage == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "partnera", "endpoint_url": "http://minio:9000", "region_name": "eu-central-1",
            "addressing_style": "path", "access_key": "partnera", "secret_key": "minio-secret",
            "default_acl": "private", "file_overwrite": False, "querystring_auth": True,
            "max_memory_size": 2_621_440,
        },
    }  # fmt: skip


def test_on_aws_the_defaults_leave_the_endpoint_and_the_credentials_to_boto3(tmp_path):
    result, storage = _default_storage(_production_env(tmp_path, S3_BUCKET="partnera", S3_DEFAULT_ACL=""))
    assert result.returncode == 0, result.stderr
    options = storage["OPTIONS"]
    assert [options[k] for k in ("endpoint_url", "region_name", "addressing_style", "access_key", "secret_key")] == [
        None
    ] * 5
    assert options["default_acl"] is None  # a bucket with ACLs disabled refuses any ACL sent


def test_an_unknown_addressing_style_refuses_to_start(tmp_path):
    result, _storage = _default_storage(_production_env(tmp_path, S3_BUCKET="partnera", S3_ADDRESSING_STYLE="dns"))
    assert result.returncode != 0
    assert "S3_ADDRESSING_STYLE must be one of auto, path, virtual" in result.stderr


@pytest.mark.parametrize("debug", ["true", "false"])
def test_each_django_log_line_prints_once(tmp_path, debug):
    env = _production_env(tmp_path, DEBUG=debug)
    code = (
        "import logging, django; django.setup(); "
        "logging.getLogger('django.request').warning('probe-line'); "
        "logging.getLogger('django.server').info('probe-request')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("probe-line") == 1, result.stderr
    # runserver's request lines keep Django's own format: "[date] message".
    assert re.search(r"^\[[^]]+\] probe-request$", result.stderr, re.M), result.stderr
