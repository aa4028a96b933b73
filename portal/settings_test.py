"""Test settings: the real settings with fast hashing, captured mail and plain static files.

DATABASE_URL and REDIS_URL still come from the environment, so CI runs on PostgreSQL and Redis.
Jobs run eagerly inside the test process; tests/portal/test_worker.py talks to a real worker.
"""

from .settings import *  # noqa: F403
from .settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The cross-tenant probe and permission tables send hundreds of API requests in one minute.
from .settings import REST_FRAMEWORK  # noqa: E402

REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
