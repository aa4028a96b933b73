"""Every job of the apps is on a transaction-aware base, checks its arguments and keeps the delivery
settings (acks_late, reject on worker lost, time limits) from CELERY_TASK_* in portal/settings.py."""

import pytest
from django.conf import settings

from portal.celery import NetworkTask, TransactionAwareTask
from portal.celery import app as celery_app

APPS = ("members.", "network.", "projects.")


def _app_tasks():
    celery_app.loader.import_default_modules()
    return sorted((name, task) for name, task in celery_app.tasks.items() if name.startswith(APPS))


def test_the_apps_have_jobs_and_the_network_jobs_are_tenant_jobs():
    names = {name: task for name, task in _app_tasks()}
    assert isinstance(names["members.tasks.send_colleague_invitation"], TransactionAwareTask)
    assert not isinstance(names["members.tasks.send_colleague_invitation"], NetworkTask)
    for name in ("notify_join_request", "notify_membership_decision", "send_invitation", "notify_agreement_expiry"):
        assert isinstance(names[f"network.tasks.{name}"], NetworkTask)


@pytest.mark.parametrize("name,task", _app_tasks(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_job_waits_for_commit_checks_its_arguments_and_keeps_the_delivery_settings(name, task):
    assert isinstance(task, TransactionAwareTask)
    assert task.typing is True
    assert task.acks_late is settings.CELERY_TASK_ACKS_LATE is True
    assert task.reject_on_worker_lost is settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert (task.time_limit, task.soft_time_limit) == (
        settings.CELERY_TASK_TIME_LIMIT,
        settings.CELERY_TASK_SOFT_TIME_LIMIT,
    )
    assert not getattr(task, "autoretry_for", ())  # retries are decided by portal.mail.is_transient in the base
