"""Test settings: the real settings with a fixed development profile, fast hashing, captured mail.

Whatever the environment or `.env` holds, the tests run with the values in TEST_PROFILE: `.env` is where
a deployment keeps DEBUG=false, its host names, HTTPS redirect and SMTP server (see .env.example), and
none of that may steer the tests. Only the services come from outside: DATABASE_URL and REDIS_URL
(and CELERY_BROKER_URL / CELERY_RESULT_BACKEND, CONN_MAX_AGE), so CI runs on PostgreSQL and Redis.
Jobs run eagerly inside the test process; tests/portal/test_worker.py talks to a real worker.
"""

import os
from pathlib import Path

# portal/settings.py reads .env with django-environ, which never overrides a variable that is already
# set; so these are set while the settings are read, then the environment is put back as it was.
TEST_PROFILE = {
    "DEBUG": "true",
    "SECRET_KEY": "test-only-insecure-key",
    "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    "CSRF_TRUSTED_ORIGINS": "",
    "SITE_URL": "http://127.0.0.1:8000",
    "EMAIL_URL": "",
    "DEFAULT_FROM_EMAIL": "Partnera <noreply@partnera.localhost>",
    "MEDIA_ROOT": str(Path(__file__).resolve().parent.parent / "media"),  # tests/conftest.py: a tmp dir each
    # Files on the local disk: a deployment's bucket is never the tests' (tests/conftest.py `s3_storage`).
    "S3_BUCKET": "",
    "UPLOAD_LOGO_MAX_BYTES": "1048576",
    "UPLOAD_ENTRY_FILE_MAX_BYTES": "10485760",
    "UPLOAD_ENTRY_MAX_FILES": "20",
    "INVITATION_VALID_DAYS": "14",
    "INVITATIONS_PER_USER_PER_HOUR": "20",
    "INVITATIONS_PER_NETWORK_PER_DAY": "100",
    "NETWORKS_PER_USER_PER_DAY": "3",
    "INVITATION_MESSAGE_TRUST_DAYS": "7",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    # The test client is a direct client; tests/members/test_login_rate_limit.py sets the proxy case.
    "TRUSTED_PROXY_COUNT": "0",
    "TRUSTED_CLIENT_IP_HEADER": "",
    # On, as in production (DEBUG turns it off by default): every test that looks at a page as a visitor
    # after a change also checks that the change reached the kept page.
    "PAGE_CACHE_SECONDS": "600",
    "REPORT_QUEUED_STUCK_SECONDS": "600",
    "REPORT_RUNNING_MARGIN_SECONDS": "60",
    "REPORT_MAX_ATTEMPTS": "3",
}
_saved = {name: os.environ.get(name) for name in TEST_PROFILE}
os.environ.update(TEST_PROFILE)
try:
    from .settings import *  # noqa: E402, F403
    from .settings import INSTALLED_APPS, REST_FRAMEWORK, STORAGES  # noqa: E402
finally:
    for _name, _value in _saved.items():
        if _value is None:
            os.environ.pop(_name, None)
        else:
            os.environ[_name] = _value

# A report kind for the report engine's tests only (tests/reports/engine_kinds); the worker processes those
# tests start install it too (tests/reports/worker_settings.py).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.reports.engine_kinds"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The cross-tenant probe and permission tables send hundreds of API requests in one minute.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
