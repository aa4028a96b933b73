"""A real Celery worker runs a tenant-owned job: proves NetworkTask loads its data inside the scope.

The test process enqueues through Redis exactly as production does (the service calls .delay(), the task
base sends the message when the transaction commits), on a queue only this test's worker listens to;
the worker is a separate process on the test database and sends the e-mail with the file backend.
"""

import pytest
from django.core import mail
from django_scopes import scope

from members.models import User
from members.services import organisation_create
from network.services.memberships import membership_request
from network.services.networks import network_create
from portal.celery import app as celery_app

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tasks_to_broker(celery_worker_process):
    """Send jobs to Redis instead of running them in this process (test settings run them eagerly), on
    the test worker's own queue: services call `.delay()` without a queue, so the default is switched."""
    conf = celery_app.conf
    previous = conf.task_always_eager, conf.task_default_queue
    conf.task_always_eager, conf.task_default_queue = False, celery_worker_process.queue
    yield
    conf.task_always_eager, conf.task_default_queue = previous


def test_join_request_mail_is_sent_by_the_worker(celery_worker_process, tasks_to_broker):
    coordinator = User.objects.create_user(email="coordinator@example.org", password="x-Pass-123456")
    coordinating_org = organisation_create(
        data={"name": "Centre for Civic Education", "acronym": "CCE"}, acting_user=coordinator
    )
    network = network_create(
        data={"name": "VET Partnership Western Balkans", "acronym": "VETWB"},
        organisation=coordinating_org,
        acting_user=coordinator,
    )

    applicant = User.objects.create_user(email="director@youth-forum.example.org", password="x-Pass-123456")
    applicant_org = organisation_create(data={"name": "Youth Forum Gjakova"}, acting_user=applicant)
    with scope(network=network):
        membership = membership_request(
            network=network, organisation=applicant_org, acting_user=applicant, message="We run 3 VET pilots."
        )

    def is_join_request(message):
        text = message.get_body(preferencelist=("plain",)).get_content()
        return "coordinator@example.org" in message["To"] and "Youth Forum Gjakova" in (text + str(message["Subject"]))

    message = celery_worker_process.wait_for_mail(is_join_request, timeout=30)
    assert message["To"] == "coordinator@example.org"
    assert membership.pk
    with scope(network=network):
        membership.refresh_from_db()
    assert membership.request_notified_at is not None  # the worker claimed the marker before it sent
    # Nothing ran in this process: the mail came from the worker, through Redis.
    assert mail.outbox == []
