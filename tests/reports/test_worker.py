"""The report engine with real worker processes and a real Redis of this module's own.

The machine's Redis is shared with other test runs, so these tests start a redis-server of their own on a
free port (append-only file, fsync on every write: a broker that keeps its messages over a restart, as
production's must) and point this process's Celery app and the workers at it; only the broker moves, the
workers keep the test database, the run's MEDIA_ROOT and REDIS_URL for the rest. The workers run with
tests/reports/worker_settings.py, which installs the test-only report kind (tests/reports/engine_kinds):
a real small PDF whose `steps` and `delay` make the render slow enough to kill in the middle.
"""

import datetime
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.celery import app as celery_app
from reports import services
from reports.models import ReportJob
from reports.services import report_request
from tests.conftest import IN_CI, start_celery_worker
from tests.reports.conftest import KIND

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

WORKER_SETTINGS = "tests.reports.worker_settings"
# Later than the sweeper's thresholds: a job waiting or running since now looks stuck then.
PAST_EVERY_THRESHOLD = datetime.timedelta(
    seconds=max(
        settings.REPORT_QUEUED_STUCK_SECONDS, settings.CELERY_TASK_TIME_LIMIT + settings.REPORT_RUNNING_MARGIN_SECONDS
    )
    + 1
)


def _unavailable(reason):
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


class OwnRedis:
    """A redis-server this module may stop and start again, keeping its data (AOF, fsync always)."""

    def __init__(self, directory):
        self.directory = Path(directory)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = None

    def start(self):
        command = [
            "redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no",
        ]  # fmt: skip
        with open(self.directory / "redis.log", "ab") as log:
            self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 10
        while True:
            try:
                if self.client().ping():
                    return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    pytest.fail(f"redis-server on port {self.port} did not start", pytrace=False)
                time.sleep(0.05)

    def stop(self):
        """SIGTERM: Redis shuts down as it would for a restart (every write is in the AOF already)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def client(self):
        return redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=2)


@pytest.fixture(scope="module")
def own_redis(tmp_path_factory):
    if not os.environ.get("REDIS_URL"):
        _unavailable("REDIS_URL is not set: the real-worker tests need Redis")
    if not shutil.which("redis-server"):
        _unavailable("redis-server is not installed: the report worker tests start one of their own")
    server = OwnRedis(tmp_path_factory.mktemp("own-redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def queue(own_redis):
    """This process sends its jobs to the module's Redis (instead of running them here), on a queue of the
    test's own. Celery keeps its connection pools on the app: they are dropped so the next send opens one
    to the new broker, and again when the test is over."""
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager, conf.task_default_queue
    name = f"reports-test-{os.getpid()}-{time.monotonic_ns()}"

    def drop_pools():
        # Dropped, not closed: kombu keeps its pools per broker (kombu.pools) and hands the same one out
        # again for the same URL, to the next test.
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    drop_pools()
    conf.broker_url, conf.task_always_eager, conf.task_default_queue = own_redis.url, False, name
    yield name
    drop_pools()
    conf.broker_url, conf.task_always_eager, conf.task_default_queue = saved


@pytest.fixture
def workers(own_redis, queue, media_root, tmp_path):
    """Start workers on the module's Redis and the test's queue (`workers.start()`); all stopped at the end."""
    started = []

    class Workers:
        def start(self):
            worker = start_celery_worker(
                base=tmp_path, broker_url=own_redis.url, settings_module=WORKER_SETTINGS, queue=queue
            )
            started.append(worker)
            return worker

    yield Workers()
    for worker in started:  # killed: they finished what the test waited for, and a warm stop takes seconds
        if worker.proc.poll() is None:
            worker.kill()


def ask(project, user, **parameters):
    """A request as the page makes it: committed, so its message goes to the broker at once."""
    with scope(network=project.network):
        return report_request(kind=KIND, subject=project, parameters=parameters, language="en", acting_user=user)


def sweep(**kwargs):
    """The sweeper as its periodic task runs it: over every network."""
    with scopes_disabled():
        return services.report_sweep(**kwargs)


def fresh(job):
    with scopes_disabled():
        return ReportJob.objects.get(pk=job.pk)


def wait_for(condition, *, timeout, workers=(), what="the jobs"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    logs = "\n".join(f"--- {w.nodename} ---\n{w.log_tail()}" for w in workers)
    pytest.fail(f"{what} did not get there within {timeout:.0f} s\n{logs}", pytrace=False)


def stored_files():
    try:
        return default_storage.listdir("reports")[1]
    except FileNotFoundError:
        return []


def test_a_worker_killed_in_the_middle_of_a_render_leaves_a_job_the_next_worker_finishes(project, people, workers):
    first = workers.start()
    job = ask(project, people.member, steps=20, delay=0.25)  # five seconds of rendering
    wait_for(lambda: fresh(job).progress > 0, timeout=20, workers=[first], what="the render's progress")
    assert fresh(job).status == ReportJob.Status.RUNNING

    first.kill()  # SIGKILL, main process and pool together: nothing acknowledged, nothing cleaned up
    second = workers.start()
    # The killed worker's message is still unacknowledged in Redis, which gives it back only after the
    # transport's visibility timeout (an hour); the sweeper sends the job again once it has run longer
    # than the hard time limit allows (here: asked as if that time had passed).
    assert sweep(now=timezone.now() + PAST_EVERY_THRESHOLD) == {"requeued": 1, "failed": 0}
    wait_for(lambda: fresh(job).status == ReportJob.Status.DONE, timeout=30, workers=[second])

    job = fresh(job)
    assert job.attempts == 2 and job.progress == 100 and job.file.name == job.file_name
    assert stored_files() == [Path(job.file_name).name]  # exactly one file for the job
    with default_storage.open(job.file.name) as file:
        assert file.read().startswith(b"%PDF-")
    message = second.wait_for_mail(lambda m: people.member.email in m["To"], timeout=10)
    assert job.key in message.get_body(preferencelist=("plain",)).get_content()


def test_jobs_queued_when_redis_stops_all_complete_once_it_is_back(project, people, workers, own_redis):
    worker = workers.start()
    queued = [ask(project, people.member, steps=4, delay=0.25, marker=str(n)) for n in range(3)]
    own_redis.stop()
    # Asked while the broker is down: the request still succeeds (the row is committed, queued); its
    # message could not be sent, so the sweeper sends it once the broker is back.
    during = ask(project, people.member, marker="during the outage")
    assert fresh(during).status == ReportJob.Status.QUEUED
    time.sleep(1)
    own_redis.start()

    wait_for(lambda: all(fresh(job).status == ReportJob.Status.DONE for job in queued), timeout=40, workers=[worker])
    assert fresh(during).status == ReportJob.Status.QUEUED
    assert sweep(now=timezone.now() + PAST_EVERY_THRESHOLD) == {"requeued": 1, "failed": 0}
    wait_for(lambda: fresh(during).status == ReportJob.Status.DONE, timeout=20, workers=[worker])

    jobs = [fresh(job) for job in [*queued, during]]
    assert sorted(stored_files()) == sorted(Path(job.file_name).name for job in jobs)  # one file each
    assert all(job.file.name == job.file_name and job.error == "" for job in jobs)


def test_a_job_asked_in_a_transaction_that_rolls_back_is_never_sent(project, people, queue, own_redis):
    broker = own_redis.client()

    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        ask(project, people.member, marker="rolled back")
        raise RolledBack

    with scopes_disabled():
        assert not ReportJob.objects.exists()  # no row
    assert broker.llen(queue) == 0  # and no message
    ask(project, people.member, marker="committed")  # the same request, committed: one message waits
    assert broker.llen(queue) == 1


def test_the_sweeper_sends_again_a_job_whose_message_was_lost(project, people, workers):
    worker = workers.start()
    long_ago = timezone.now() - PAST_EVERY_THRESHOLD
    with scope(network=project.network):
        # Rows as the request writes them, whose messages never reached a worker (lost by the broker).
        lost = ReportJob.objects.create(
            network=project.network, kind=KIND, subject_id=project.pk, language="en", requested_by=people.member,
            enqueued_at=long_ago, parameters={"marker": "lost"},
        )  # fmt: skip
        recent = ReportJob.objects.create(
            network=project.network, kind=KIND, subject_id=project.pk, language="en", requested_by=people.member,
            enqueued_at=timezone.now(), parameters={"marker": "recent"},
        )  # fmt: skip

    assert sweep() == {"requeued": 1, "failed": 0}  # the old one only
    wait_for(lambda: fresh(lost).status == ReportJob.Status.DONE, timeout=20, workers=[worker])
    assert fresh(recent).status == ReportJob.Status.QUEUED and fresh(recent).attempts == 0
    assert sweep() == {"requeued": 0, "failed": 0}  # sent again at most once per period
