"""Partnera settings: every knob is an environment variable, read here and nowhere else.

Development defaults (no variables set) give SQLite, in-process jobs and e-mail on the console.
Production is `DEBUG=false` plus SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL; that profile
passes `manage.py check --deploy` without warnings (tests/portal/test_settings.py proves it).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
# The development key is only accepted while DEBUG is on; production must set its own.
_DEV_SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105 (refused when DEBUG is off)
SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else environ.Env.NOTSET)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "django_scopes",
    "django_countries",
    "django_htmx",
    "simple_history",
    "csp",
    "portal",
    "members",
    "network",
    "projects",
    "advocacy",
    "reports",
    # The composition root: root URLs, the home page, load_demo; the only package that imports every app.
    "config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages must stay under 100 KB on rural connections; big logframes compress ~25x. (BREACH: Django
    # masks the CSRF token per response, and no other secret is echoed into pages.)
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The person's language (profile, session, cookie, then Accept-Language): after the user is known.
    "portal.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.middleware.NetworkScopeMiddleware",
    "portal.middleware.LoginRequiredMiddleware",
    "portal.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
            # urls: {% url %} remembering each address (the same answers as Django's, ~15× cheaper per row).
            "builtins": ["portal.templatetags.permissions", "portal.templatetags.urls"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A new PostgreSQL connection costs 6-20 ms per request (TCP, auth, backend start); in production each
# gunicorn worker keeps its connection for a minute, and the health check replaces one that died (a
# database restart) instead of failing the request. Development and SQLite open one per request.
_POSTGRES = DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis"))
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60 if _POSTGRES and not DEBUG else 0))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", env.bool("CONN_HEALTH_CHECKS", default=True))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite locks the whole file, and Python starts a transaction DEFERRED: two requests both read,
    # then the one that writes second fails with "database is locked" (a 500) instead of waiting, after
    # having counted rows the first one is changing. IMMEDIATE takes the write lock at BEGIN, so writers
    # queue up (for up to `timeout` seconds) and each reads what the previous one committed; the
    # services' select_for_update() locks (a no-op on SQLite) rely on that. Past the timeout,
    # portal.middleware.DatabaseBusyMiddleware answers with a page asking to try again.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # One process (runserver) shares this cache, so allauth's rate limits still count.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds a page is kept, for visitors and for each signed-in person apart (portal/pagecache.py; every
# change to what it shows makes a new one at once). 0 turns it off; off by default with DEBUG, so edited templates show.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 600)

AUTH_USER_MODEL = "members.User"
# The tenant model, named the way AUTH_USER_MODEL names the user: the floor's audit log points at it
# without importing the app that defines it (import-linter's layers forbid that).
PARTNERA_TENANT_MODEL = "network.Network"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# allauth: e-mail is the login, verified before first use; enumeration and brute force are refused.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
# The link in a confirmation mail opens a page whose one button confirms (and logs in, in the browser that
# signed up). Confirming on GET would be one click less, but mail scanners open links: a confirmed address
# is what invitations and the verified mark of organisations trust, so a person has to press it.
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
# One address per account: adding one is a change, and the new address replaces the old once its mail is
# confirmed. Invitations go to addresses; see members/accounts.py for why the address alone accepts none.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_ADAPTER = "members.accounts.AccountAdapter"
# allauth's forms in the portal's words (labels, no placeholders): members/account_forms.py.
ACCOUNT_FORMS = {
    name: f"members.account_forms.{form}"
    for name, form in {
        "login": "LoginForm", "signup": "SignupForm", "add_email": "AddEmailForm",
        "change_password": "ChangePasswordForm", "set_password": "SetPasswordForm",
        "reset_password": "ResetPasswordForm", "reset_password_from_key": "ResetPasswordKeyForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}  # fmt: skip
# A form sent back with an error (passwords that differ, an address taken) keeps the passwords typed.
ACCOUNT_PASSWORD_INPUT_RENDER_VALUE = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Partnera] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, kept explicit so nobody switches them off by accident.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# The client address the limits above count per. Behind a reverse proxy REMOTE_ADDR is the proxy's for
# every visitor, so ten failed logins would lock everyone out: then read X-Forwarded-For, taking the entry
# the TRUSTED_PROXY_COUNT-th proxy from gunicorn appended (entries left of it are the client's word).
# 0 (no proxy) ignores X-Forwarded-For, which a direct client can forge. A proxy that sends the address
# in a header of its own (X-Real-IP, CF-Connecting-IP) is named by TRUSTED_CLIENT_IP_HEADER instead.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default="") or None

GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user row; grants go to real users only

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("hy", _("Armenian")),
    ("sl", _("Slovenian")),
    ("pl", _("Polish")),
    ("sq", _("Albanian")),
    ("az", _("Azerbaijani")),
]
# Ours first, then allauth's missing languages (scripts/translations.py), before the apps' own catalogs.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "allauth"]
FORMAT_MODULE_PATH = ["portal.formats"]  # templates name Django's formats; portal/formats adjusts a few
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Kosovo is not in ISO 3166-1; IATI and the EU use the user-assigned code XK.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads (portal/uploads.py) are stored through STORAGES["default"] (under MEDIA_ROOT, or in S3_BUCKET below)
# and served only by views that check permission: nothing serves MEDIA_ROOT as it is, in development neither.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
UPLOAD_LOGO_MAX_BYTES = env.int("UPLOAD_LOGO_MAX_BYTES", default=1024 * 1024)  # 1 MB
# An activity log entry's attachments and photos: the largest file, and how many files an entry may hold
# (attachments and photos together).
UPLOAD_ENTRY_FILE_MAX_BYTES = env.int("UPLOAD_ENTRY_FILE_MAX_BYTES", default=10 * 1024 * 1024)  # 10 MB
UPLOAD_ENTRY_MAX_FILES = env.int("UPLOAD_ENTRY_MAX_FILES", default=20)
# The activity log's spreadsheets (projects/exports.py, projects/services/entry_imports.py): an XLSX export
# of more rows than this runs as a background job; an import file may hold this many rows and bytes.
ENTRY_EXPORT_INLINE_ROWS = env.int("ENTRY_EXPORT_INLINE_ROWS", default=2000)
ENTRY_IMPORT_MAX_ROWS = env.int("ENTRY_IMPORT_MAX_ROWS", default=5000)
ENTRY_IMPORT_MAX_BYTES = env.int("ENTRY_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)  # 20 MB
# Object storage: with S3_BUCKET set, every stored file (logos, activity log files and thumbnails, exports,
# import dry runs, reports) lives in an S3-compatible bucket (AWS S3, MinIO…) through django-storages, so web
# and worker processes on several machines see the same files; unset, the local disk under MEDIA_ROOT.
# Either way files are reached only through the storage API and served only by the views that check
# permission: the bucket stays private and its URLs are never handed out (so querystring_auth, which
# signs them, changes nothing).
S3_BUCKET = env("S3_BUCKET", default="")
if S3_BUCKET:
    _S3_ADDRESSING_STYLES = ("", "auto", "path", "virtual")
    if env("S3_ADDRESSING_STYLE", default="") not in _S3_ADDRESSING_STYLES:
        raise ImproperlyConfigured(f"S3_ADDRESSING_STYLE must be one of {', '.join(_S3_ADDRESSING_STYLES[1:])}")
    _DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            # Empty: AWS S3 itself. MinIO and the like: their URL (http://minio:9000).
            "endpoint_url": env("S3_ENDPOINT_URL", default="") or None,
            "region_name": env("S3_REGION", default="") or None,
            # "path" (bucket in the URL's path) for MinIO and most S3-compatible servers; empty: boto3 decides.
            "addressing_style": env("S3_ADDRESSING_STYLE", default="") or None,
            # Empty: boto3's own chain (AWS_ACCESS_KEY_ID…, an instance role).
            "access_key": env("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("S3_SECRET_ACCESS_KEY", default="") or None,
            # Empty sends no ACL, for an AWS bucket whose ACLs are disabled (the bucket's policy decides).
            "default_acl": env("S3_DEFAULT_ACL", default="private") or None,
            # A random name is never reused: a name taken gets another, never the old file overwritten.
            "file_overwrite": False,
            "querystring_auth": True,
            # A file read from the bucket is spooled to a temporary file past this size, not kept in memory.
            "max_memory_size": 2_621_440,  # 2.5 MB, Django's FILE_UPLOAD_MAX_MEMORY_SIZE
        },
    }
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# E-mail: console in development, SMTP (EMAIL_URL, e.g. smtp+tls://user:pass@host:587) in production.
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Partnera <noreply@partnera.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with REDIS_URL a separate worker runs the jobs; without it they run in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://localhost/")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default="partnera")
# Periodic jobs, run by `celery -A portal beat` (times in UTC, Celery's default timezone).
CELERY_BEAT_SCHEDULE = {
    "agreement-expiry-reminders": {
        "task": "network.tasks.agreement_expiry_sweep",
        "schedule": crontab(hour=6, minute=0),
    },
    # Report jobs whose message was lost or whose worker died are sent again (reports.services.report_sweep).
    "report-job-sweeper": {
        "task": "reports.tasks.sweep_report_jobs",
        "schedule": 300.0,
    },
}
# Report jobs (reports/): a job still waiting this long after its message was sent is sent again; one
# running longer than the hard time limit plus the margin lost its worker; after this many runs that
# never finished it fails instead of being sent again.
REPORT_QUEUED_STUCK_SECONDS = env.int("REPORT_QUEUED_STUCK_SECONDS", default=600)
REPORT_RUNNING_MARGIN_SECONDS = env.int("REPORT_RUNNING_MARGIN_SECONDS", default=60)
REPORT_MAX_ATTEMPTS = env.int("REPORT_MAX_ATTEMPTS", default=3)
# An evidence pack (reports/documents/evidence_pack.py) is built in the worker's memory and stored as one
# file: the attachments it copies in may add up to at most this many bytes, else the job fails saying so.
REPORT_EVIDENCE_MAX_BYTES = env.int("REPORT_EVIDENCE_MAX_BYTES", default=100 * 1024 * 1024)  # 100 MB

REST_FRAMEWORK = {
    # Token first: DRF answers an unauthenticated caller 401 only if the first authenticator names a
    # scheme for WWW-Authenticate (SessionAuthentication has none, so it was 403). A caller without an
    # Authorization header still falls through to the session, which keeps enforcing CSRF on writes.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": "120/minute", "user": "600/minute"},
    # The anonymous throttle counts per client address too; DRF's default (None) would trust all of XFF.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partnera API",
    "DESCRIPTION": "Networks, memberships and (in later versions) projects of education partnership networks.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Organisations and entries both have a kind, memberships and entries a status.
    "ENUM_NAME_OVERRIDES": {
        "EntryKindEnum": "projects.models.ActivityEntry.Kind",
        "EntryStatusEnum": "projects.models.ActivityEntry.Status",
        "MembershipStatusEnum": "network.models.Membership.Status",
    },
    # The default enum hook stays first; ours documents the 400/401/403/404 answers of every operation.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api_schema.add_error_responses",
    ],
}

# Content Security Policy: nothing from other origins, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Django's own logging config gives the "django" logger a console handler (DEBUG only) and lets it
# propagate to root as well, so every line printed twice. Here "django" keeps only mail_admins and
# leaves the console to root. Configuring "django" resets its child loggers, so "django.server"
# (runserver's request lines, with their timestamp) is declared again exactly as Django has it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"level": "INFO", "class": "logging.StreamHandler", "formatter": "django.server"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # WeasyPrint logs every step of every render (and of its own stylesheet, when imported) at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Invitations to a network or an organisation stay valid this long.
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# Limits on what one account can make the portal send, counted in the database (exact across processes).
# Every invitation mail goes out from the portal's own address, so without them a fresh account could
# found networks and mail anyone (see README, "Limits on invitations").
INVITATIONS_PER_USER_PER_HOUR = env.int("INVITATIONS_PER_USER_PER_HOUR", default=20)
INVITATIONS_PER_NETWORK_PER_DAY = env.int("INVITATIONS_PER_NETWORK_PER_DAY", default=100)
NETWORKS_PER_USER_PER_DAY = env.int("NETWORKS_PER_USER_PER_DAY", default=3)
# An invitation's personal message reaches the invitee (mail and invitation page) only when the
# inviting account is at least this many days old: a fresh account cannot put its own words in our mail.
INVITATION_MESSAGE_TRUST_DAYS = env.int("INVITATION_MESSAGE_TRUST_DAYS", default=7)
