"""The Celery app and the two task bases: every job waits for its caller's commit and retries transient
failures; a tenant-owned job also runs inside its network's scope.

Services just call `task.delay(...)` inside their `transaction.atomic()`: the base holds the message
back until the transaction commits, so a worker never looks for a row that is not committed yet, and a
rolled-back write queues nothing. Outside a transaction the message goes at once.
"""

import os
from functools import partial

from celery import Celery, Task
from celery.exceptions import Ignore, Reject, Retry
from celery.utils import uuid
from celery.utils.time import get_exponential_backoff_interval

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class TransactionAwareTask(Task):
    """Sent after the surrounding transaction commits; transient errors (portal.mail.is_transient) retried.

    acks_late, reject-on-worker-lost and the time limits come from the CELERY_TASK_* settings.
    """

    abstract = True
    max_retries = 5
    # Exponential backoff with full jitter: about 30 s, 1, 2, 4, 8 min (capped at 10), so a mail server
    # that is down for a quarter of an hour still gets the message.
    retry_backoff = 30
    retry_backoff_max = 600
    retry_jitter = True

    def apply_async(self, args=None, kwargs=None, task_id=None, **options):
        from django.db import transaction

        # Check the call now, while the caller's stack is still there to blame; after the commit
        # a wrong call would fail far from the line that made it.
        self.check_call(args or (), kwargs or {})
        if not transaction.get_connection().in_atomic_block:
            return super().apply_async(args, kwargs, task_id=task_id, **options)
        task_id = task_id or uuid()
        transaction.on_commit(partial(super().apply_async, args, kwargs, task_id=task_id, **options))
        return self.AsyncResult(task_id)

    def check_call(self, args, kwargs):
        """Celery's argument check against the body's signature (raises TypeError)."""
        header = getattr(self, "__header__", None)
        if self.typing and header is not None:
            header(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        from portal import mail

        try:
            return super().__call__(*args, **kwargs)
        except (Retry, Ignore, Reject):
            raise
        except Exception as error:
            if not mail.is_transient(error):
                raise
            countdown = get_exponential_backoff_interval(
                factor=self.retry_backoff,
                retries=self.request.retries,
                maximum=self.retry_backoff_max,
                full_jitter=self.retry_jitter,
            )
            raise self.retry(exc=error, countdown=countdown) from error


class NetworkTask(TransactionAwareTask):
    """A job that belongs to one network, run inside that network's scope.

    The convention: the body takes the network as a keyword argument named like the scope dimension,
    `def notify_join_request(*, network, membership_id)`, and callers pass the network's *id* under
    that name, `notify_join_request.delay(network=membership.network_id, membership_id=membership.pk)`.
    The body receives the loaded network. Jobs get ids, never objects, so a job queued before a change
    sees the data as it is when it runs; Celery's argument check compares the call with the body.
    """

    abstract = True

    def check_call(self, args, kwargs):
        from django.db.models import Model

        from portal import tenancy

        super().check_call(args, kwargs)
        name = tenancy.tenant().scope_name
        if name not in kwargs or isinstance(kwargs[name], Model):
            raise TypeError(f"{self.name}: pass the network's id as {name}=<id> (a keyword, not an object)")

    def __call__(self, *args, **kwargs):
        from django_scopes import scope

        from portal import tenancy

        tenant = tenancy.tenant()
        name = tenant.scope_name
        if name not in kwargs:
            raise TypeError(f"{self.name}() needs {name}=<id>")
        network = tenant.model.objects.get(pk=kwargs[name])
        with scope(**{name: network}):
            return super().__call__(*args, **{**kwargs, name: network})
