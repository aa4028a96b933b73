"""The Celery app, and the one base class every tenant-owned job uses."""

import os

from celery import Celery, Task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class NetworkTask(Task):
    """A job that belongs to one network: called with `network_id=`, its body runs inside that scope.

    Tasks get ids, never objects, so a job queued before a change sees the data as it is when it runs.
    The body receives the loaded network as its first argument.
    """

    abstract = True
    # Callers pass `network_id=`, which the body never sees (it gets the network): Celery's call-time
    # argument check compares against the body's signature and would refuse every call.
    typing = False
    autoretry_for = (ConnectionError, TimeoutError)
    retry_backoff = True
    retry_backoff_max = 600
    max_retries = 5

    def __call__(self, *args, network_id, **kwargs):
        from django_scopes import scope

        from portal import tenancy

        tenant = tenancy.tenant()
        network = tenant.model.objects.get(pk=network_id)
        with scope(**{tenant.scope_name: network}):
            return super().__call__(network, *args, **kwargs)
