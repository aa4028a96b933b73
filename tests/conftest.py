"""Root conftest.

Sections (keep them separate; add new fixtures in a section of their own):
  1. Environment set at import time
  2. CI guard: under CI=true the suite runs on PostgreSQL + Redis, or fails
  3. Playwright wiring for Debian's Chromium (tests marked `e2e` or living in tests/e2e/)
  4. A real Celery worker process for tests that need one (`celery_worker_process`; more with
     `start_celery_worker`)
  5. Jobs and e-mail in-process: a mail server failing on cue (`smtp`), what is handed to Celery
     (`published`), eager retries (`retries_run_here`)
  6. API callers: a session or a token client (`client_kind`; helpers in tests/clients.py)
  7. Tenant scope for tests that call services directly (`in_scope`)
  8. Each test starts in the default language
  9. The demo data, loaded once per module (`demo`)
 10. Uploaded files go to a temporary MEDIA_ROOT (`media_root` for an empty one of the test's own)
 11. S3-compatible object storage: a moto server on 127.0.0.1 (`s3_server`), this process storing there
     (`s3_storage`), and a Celery worker storing there with no shared local disk (`s3_worker`)
"""

import email
import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.policy import default as default_policy
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.clients import CLIENT_KINDS

# ==================================================================================================
# 1. Environment set at import time
# ==================================================================================================

# Playwright's sync API runs an event loop in the test thread; Django's ORM then refuses to run
# (SynchronousOnlyOperation) unless this is set. Needed for live_server + page tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = Path("/usr/bin/chromium")
E2E_DIR = Path(__file__).resolve().parent / "e2e"


# ==================================================================================================
# 2. CI guard: never let CI pass on SQLite or without Redis
# ==================================================================================================


@pytest.fixture(scope="session", autouse=True)
def _ci_requires_real_services():
    """With CI=true the suite must run on PostgreSQL and a live Redis: fail loudly, never skip."""
    if not IN_CI:
        return
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        pytest.fail(
            f"CI=true but the database engine is {engine!r}: set DATABASE_URL=postgres://… (.ci/run exports it)",
            pytrace=False,
        )
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        pytest.fail("CI=true but REDIS_URL is not set (.ci/run exports it)", pytrace=False)
    import redis

    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=5, socket_timeout=5).ping()
    except redis.RedisError as exc:
        pytest.fail(f"CI=true but Redis at {redis_url} does not answer PING: {exc}", pytrace=False)


# ==================================================================================================
# 3. Playwright wiring: Debian's Chromium, never a downloaded browser
# ==================================================================================================

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_CHROMIUM = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run browser tests"


def _needs_browser(item):
    path = Path(str(item.fspath)).resolve()
    return (
        item.get_closest_marker("e2e") is not None
        or E2E_DIR in path.parents
        or "page" in getattr(item, "fixturenames", ())
    )


def pytest_collection_modifyitems(config, items):
    """Mark browser tests `e2e`; skip them up front when Chromium is absent (outside CI only)."""
    skip = pytest.mark.skip(reason=NO_CHROMIUM)
    for item in items:
        if not _needs_browser(item):
            continue
        if item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)
        if not CHROMIUM.exists() and not IN_CI:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright has no option for the browser binary: point it at /usr/bin/chromium."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"CI=true and {NO_CHROMIUM} (.ci/run installs it)", pytrace=False)
        pytest.skip(NO_CHROMIUM)
    args = list(CHROMIUM_ARGS)
    if browser_type_launch_args.get("headless") is False:  # `pytest --headed` for debugging
        args.remove("--headless")
    extra = [a for a in browser_type_launch_args.get("args", []) if a not in args]
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": args + extra}


# ==================================================================================================
# 4. A real Celery worker process (`celery_worker_process`)
# ==================================================================================================


@dataclass
class CeleryWorker:
    """What a test gets from `celery_worker_process` (or `s3_worker`)."""

    nodename: str
    queue: str  # the worker's own queue: no other worker on the shared Redis takes these jobs
    mail_dir: Path  # the worker's EMAIL_FILE_PATH (file-based e-mail backend)
    log_path: Path  # the worker's stdout and stderr
    media_root: Path  # the worker's MEDIA_ROOT
    env: dict = field(default_factory=dict, repr=False)  # the variables the worker was started with
    proc: subprocess.Popen | None = field(default=None, repr=False)

    @contextmanager
    def taking_jobs(self):
        """Within the block, jobs go to this worker through Redis instead of running in this process (test
        settings run them eagerly): services call `.delay()` without a queue, so the default is switched."""
        from portal.celery import app as celery_app

        conf = celery_app.conf
        previous = conf.task_always_eager, conf.task_default_queue
        conf.task_always_eager, conf.task_default_queue = False, self.queue
        try:
            yield self
        finally:
            conf.task_always_eager, conf.task_default_queue = previous

    def kill(self):
        """SIGKILL the worker and its pool processes at once (no warm shutdown, nothing acknowledged)."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def messages(self):
        """Every e-mail the worker has sent so far, as `email.message.EmailMessage` objects."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log")):
            # The file backend appends each message followed by a line of 79 dashes.
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    found.append(email.message_from_bytes(chunk.lstrip(b"\n"), policy=default_policy))
        return found

    def wait_for_mail(self, predicate, timeout=30.0):
        """Poll the mail dir until a message satisfies `predicate(message)`; fail with the worker's log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.messages():
                if predicate(message):
                    return message
            time.sleep(0.2)
        pytest.fail(
            f"no matching e-mail from the worker within {timeout:.0f}s "
            f"({len(self.messages())} other message(s)).\n--- worker log (tail) ---\n{self.log_tail()}",
            pytrace=False,
        )

    def log_tail(self, lines=60):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def _database_url(db):
    """A django-environ URL for the (test) database Django is connected to right now."""
    engine, name = db["ENGINE"], db["NAME"]
    if "sqlite" in engine:
        if not name or ":memory:" in str(name) or "mode=memory" in str(name):
            return None  # an in-memory test database cannot be shared with another process
        return f"sqlite:///{Path(name).resolve()}"
    scheme = {"postgresql": "postgres", "mysql": "mysql"}.get(engine.rsplit(".", 1)[-1])
    if scheme is None:
        raise RuntimeError(f"celery_worker_process: no URL scheme known for {engine}")
    auth = ""
    if db.get("USER"):
        auth = quote(db["USER"], safe="")
        if db.get("PASSWORD"):
            auth += ":" + quote(db["PASSWORD"], safe="")
        auth += "@"
    host = db.get("HOST") or ""
    if host.startswith("/"):  # a Unix socket directory
        return f"{scheme}://{auth}/{quote(name, safe='')}?host={quote(host, safe='')}"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"{scheme}://{auth}{host}{port}/{quote(name, safe='')}"


def _unavailable(reason):
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def _celery_worker(tmp_path_factory, *, media_root, env=None):
    """A worker from `start_celery_worker` with its files under a fresh temporary folder, stopped at the end."""
    worker = start_celery_worker(base=tmp_path_factory.mktemp("celery-worker"), media_root=media_root, env=env)
    try:
        yield worker
    finally:
        _stop(worker.proc)


def start_celery_worker(
    *, base, media_root=None, env=None, broker_url=None, settings_module="portal.settings", queue=None
):
    """Start a real `celery -A portal worker` on REDIS_URL and the test database, with its files under `base`;
    returns its CeleryWorker once it answers ping (the caller stops it: `_stop(worker.proc)` or `worker.kill()`).

    `media_root`: the worker's MEDIA_ROOT (default: the test run's); `env`: variables on top of the test
    run's (s3_worker's bucket); `broker_url`: another broker than the settings' (a Redis of the test's own
    that it may stop); `settings_module`: the worker's settings (tests/reports/worker_settings.py adds a
    test-only report kind); `queue`: the queue it listens on (a fresh one of its own by default), so a second
    worker can take over the first one's queue.
    """
    from django.conf import settings

    from portal.celery import app as celery_app

    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        _unavailable("REDIS_URL is not set: the real-worker tests need Redis")
    database_url = _database_url(settings.DATABASES["default"])
    if database_url is None:
        _unavailable("the test database is SQLite in memory; set DATABASE_URL to PostgreSQL for worker tests")

    base = Path(base)
    mail_dir = base / "mail"
    mail_dir.mkdir(exist_ok=True)
    name = f"partnera-test-{os.getpid()}-{secrets.token_hex(3)}"
    log_path = base / f"{name}.log"
    nodename = f"{name}@{os.uname().nodename}"
    # A queue of its own: another worker on the same Redis (a developer's, another test run's) listening
    # on the default queue would take the job and run it against its own database.
    queue = queue or name

    media_root = Path(media_root or settings.MEDIA_ROOT)
    extra = {"MEDIA_ROOT": str(media_root), **(env or {})}
    worker_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DEBUG": "true",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        **({"CELERY_BROKER_URL": broker_url} if broker_url else {}),
        "EMAIL_URL": "",  # a developer's .env must not turn the file backend into SMTP
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_QUEUE": queue,
        # Local disk unless the caller names a bucket: a developer's .env must not send the files elsewhere.
        "S3_BUCKET": "",
        **extra,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.BASE_DIR), os.environ.get("PYTHONPATH")])),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "portal", "worker",
        "--concurrency=1", "--loglevel=INFO", "-Q", queue, "-n", nodename,
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=worker_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = CeleryWorker(
        nodename=nodename,
        queue=queue,
        mail_dir=mail_dir,
        log_path=log_path,
        media_root=media_root,
        env=extra,
        proc=proc,
    )
    try:
        with celery_app.connection_for_write(broker_url) as connection:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    pytest.fail(
                        f"the Celery worker exited with {proc.returncode} while starting:\n{worker.log_tail()}",
                        pytrace=False,
                    )
                if celery_app.control.ping(destination=[nodename], timeout=1.0, connection=connection):
                    break
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"the Celery worker did not answer ping within 60 s:\n{worker.log_tail()}", pytrace=False
                    )
                time.sleep(0.5)
            replies = celery_app.control.ping(timeout=1.0, connection=connection)
        # This run's other workers (celery_worker_process beside s3_worker) have queues of their own too.
        ours = f"partnera-test-{os.getpid()}-"
        others = [name for reply in replies for name in reply if not name.startswith(ours)]
        if others:
            broker = broker_url or celery_app.conf.broker_url
            warnings.warn(
                f"other Celery workers listen on {broker} ({', '.join(others)}); they may take the test "
                "jobs and run them against another database",
                stacklevel=1,
            )
    except BaseException:
        _stop(proc)
        raise
    return worker


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, tmp_path_factory):
    """A real `celery -A portal worker` on REDIS_URL, reading and writing the *test* database.

    Tests using it must be `django_db(transaction=True)` (the worker only sees committed rows) and,
    while they enqueue, switch `portal.celery.app.conf.task_always_eager` off and send to `.queue`
    (the worker listens on that queue only; `with worker.taking_jobs():` does both). Mail the worker sends
    lands as files in `.mail_dir`. Skips without REDIS_URL (fails under CI=true).
    """
    from django.conf import settings

    # The run's temporary MEDIA_ROOT (section 10), so the worker reads and writes the files the tests do
    # (thumbnails, exports). `s3_worker` (section 11) shares no disk instead.
    with _celery_worker(tmp_path_factory, media_root=settings.MEDIA_ROOT) as worker:
        yield worker


def _stop(proc):
    """Warm shutdown (SIGTERM), then SIGKILL the whole process group if it hangs."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


# ==================================================================================================
# 5. Jobs and e-mail in-process
# ===========================================================================================


@pytest.fixture
def smtp(settings, mailoutbox):
    """The mail server: queue errors in `.errors` (one per batch); `.attempts`, `.connections` count."""
    from tests.mail_backends import FlakyBackend

    FlakyBackend.errors, FlakyBackend.attempts, FlakyBackend.connections = [], 0, 0
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    return FlakyBackend


@pytest.fixture
def retries_run_here():
    """Let eager runs retry as a worker would: with errors propagating (the test settings), Celery raises
    the Retry out of `.apply()` instead of running the retry; without, `.apply()` runs it inline."""
    from portal.celery import app as celery_app

    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = previous


@pytest.fixture
def published(monkeypatch):
    """Every job handed to Celery (the eager run still happens), as (task name, kwargs)."""
    from celery.app.task import Task

    sent = []
    original = Task.apply_async

    def record(self, args=None, kwargs=None, **options):
        sent.append((self.name, kwargs))
        return original(self, args, kwargs, **options)

    monkeypatch.setattr(Task, "apply_async", record)
    return sent


# ==================================================================================================
# 6. API callers: the same test as a session caller and as a token caller
# ==================================================================================================


@pytest.fixture(params=CLIENT_KINDS)
def client_kind(request):
    """Any test asking for it runs twice: signed in by session, and by `Authorization: Token <key>`."""
    return request.param


# ==================================================================================================
# 7. Tenant scope: services never enter one, their callers do, so tests calling them directly do too
# ==================================================================================================


@pytest.fixture
def in_scope(network):
    """Run the test inside `network`'s scope (the module's or conftest's `network` fixture), as the scope
    middleware, NetworkTask and the demo loader run the services."""
    from django_scopes import scope

    with scope(network=network):
        yield network


# ==================================================================================================
# 8. Each test starts in the default language
# ==================================================================================================


@pytest.fixture(autouse=True)
def _default_language():
    """LocaleMiddleware leaves the last request's language active in the thread: a test client call
    with Accept-Language: pl would turn the next test's messages Polish."""
    yield
    from django.utils import translation

    translation.deactivate()


# ==================================================================================================
# 9. The demo data, loaded once per module (`demo`)
# ==================================================================================================


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """load_demo once for the module, inside a transaction rolled back when the module ends, so the
    next module starts from an empty database. Loading takes ~0.7 s: once per module, not per test."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", force=True, quiet=True)  # forced: tests run with DEBUG off
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_for_module, db):
    """The five seed networks. A test may write: `db` runs it in a savepoint rolled back after it.
    A module using it sees the demo in every database test after the first that asks for it, so
    tests that need an empty database live in modules of their own."""


# ==================================================================================================
# 10. Uploaded files go to a temporary MEDIA_ROOT, never the checkout's media/
# ==================================================================================================


@pytest.fixture(scope="session", autouse=True)
def _session_media_root(tmp_path_factory):
    """One directory for the whole run, so files the module-wide demo stores are there for every test."""
    from django.test import override_settings

    override = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    override.enable()
    yield
    override.disable()


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT for this test: what it stores (or refuses to) can be listed exactly."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def rendered(settings):
    """Every page rendered, none served from the page cache (portal/pagecache.py), for visitors and signed-in
    people alike: for tests that measure what rendering a page costs, or read its context
    (tests/portal/test_pagecache.py tests the cache)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _no_pages_kept_by_other_tests():
    """Each test starts with an empty cache: a test's rows are rolled back or flushed, which bumps none of
    the page cache's counters, so a page another test kept would still look current (the home page and
    the directory need no row of the test's own to be served)."""
    from django.core.cache import cache

    cache.clear()


# ==================================================================================================
# 11. S3-compatible object storage: a moto server on 127.0.0.1 (`s3_server`), this test process storing
#     there (`s3_storage`), a Celery worker storing there with a local disk of its own (`s3_worker`)
# ==================================================================================================


@dataclass
class S3Server:
    """What a test gets from `s3_server`: a moto server on 127.0.0.1 with one empty bucket of the run's."""

    endpoint_url: str
    bucket: str
    env: dict  # the S3_* variables portal/settings.py reads, pointing at this server and bucket
    storage: dict  # STORAGES["default"] as portal/settings.py makes it of `env`
    log_path: Path

    def client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.endpoint_url, region_name=self.env["S3_REGION"],
            aws_access_key_id=self.env["S3_ACCESS_KEY_ID"], aws_secret_access_key=self.env["S3_SECRET_ACCESS_KEY"],
        )  # fmt: skip

    def keys(self):
        """Every object's key in the bucket, sorted."""
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, key):
        return self.client().get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def empty(self):
        client = self.client()
        for key in self.keys():
            client.delete_object(Bucket=self.bucket, Key=key)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# What portal/settings.py makes of the S3_* variables, read in a fresh interpreter (settings are read once
# per process): the test process then stores exactly as a web process so configured would.
PROBE_STORAGE = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES['default']))"


def _settings_storage(s3_env):
    from django.conf import settings

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "true", **s3_env}
    result = subprocess.run(
        [sys.executable, "-c", PROBE_STORAGE], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    if result.returncode:
        pytest.fail(f"portal/settings.py refused the S3 variables:\n{result.stderr}", pytrace=False)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's S3 server (`python -m moto.server`, a process of its own) on a free port of 127.0.0.1, with an
    empty bucket for this run. Skips without moto (requirements-dev.txt), fails under CI=true."""
    missing = [name for name in ("moto", "storages", "boto3") if importlib.util.find_spec(name) is None]
    if missing:
        _unavailable(f"{', '.join(missing)} not installed: pip install --require-hashes -r requirements-dev.txt")

    port = _free_port()
    log_path = tmp_path_factory.mktemp("s3-server") / "moto.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"moto's server exited with {proc.returncode}:\n{log_path.read_text()}", pytrace=False)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"moto's server did not listen within 30 s:\n{log_path.read_text()}", pytrace=False)
                time.sleep(0.2)
        endpoint_url = f"http://127.0.0.1:{port}"
        s3_env = {
            "S3_BUCKET": f"partnera-test-{secrets.token_hex(4)}",
            "S3_ENDPOINT_URL": endpoint_url,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "partnera-test",
            "S3_SECRET_ACCESS_KEY": "partnera-test-secret",
            "S3_ADDRESSING_STYLE": "path",
            "S3_DEFAULT_ACL": "private",
        }
        server = S3Server(
            endpoint_url=endpoint_url, bucket=s3_env["S3_BUCKET"], env=s3_env, storage=_settings_storage(s3_env),
            log_path=log_path,
        )  # fmt: skip
        server.client().create_bucket(Bucket=server.bucket)
        yield server
    finally:
        _stop(proc)


@pytest.fixture
def s3_storage(s3_server, settings):
    """This test process stores and reads every file in the S3 server's bucket (STORAGES["default"] as
    portal/settings.py configures it from `s3_server.env`), starting with an empty bucket, so `.keys()` is
    what this test stored. Returns the S3Server."""
    s3_server.empty()
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage}
    return s3_server


@pytest.fixture(scope="session")
def s3_worker(s3_server, django_db_setup, tmp_path_factory):
    """A real Celery worker (as `celery_worker_process`) configured by the S3 variables of `s3_server`, with
    an empty MEDIA_ROOT of its own (`.media_root`): nothing it does can rely on a disk shared with the test
    process. Send it jobs with `with s3_worker.taking_jobs():`."""
    media_root = tmp_path_factory.mktemp("s3-worker-media")
    with _celery_worker(tmp_path_factory, media_root=media_root, env=s3_server.env) as worker:
        yield worker
