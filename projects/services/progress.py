"""A planned activity's progress that people decide: marking it done, and reopening it.

"Not started" and "in progress" follow from the approved entries (projects.selectors.activity_progress);
"done" is a coordinator's word, because no number of entries tells that the work is finished.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, permissions
from projects.models import Activity

_AUDITED = ("done_at", "done_by")


def _locked(activity):
    """The activity's row as stored, locked, so two coordinators pressing the button at once decide once."""
    return Activity.objects.select_for_update().get(network_id=activity.network_id, pk=activity.pk)


@transaction.atomic
def activity_mark_done(*, activity, acting_user):
    """Mark a planned activity done (the project's coordinators: rule edit_project)."""
    permissions.require("edit_project", acting_user, activity.project)
    stored = _locked(activity)
    if stored.done_at is not None:
        raise ValidationError({"done_at": _("Activity %(code)s is already marked done.") % {"code": stored.code}})
    before = audit.snapshot(stored, _AUDITED)
    stored.done_at, stored.done_by = timezone.now(), acting_user
    stored.save(update_fields=["done_at", "done_by"])
    audit.record(
        network=stored.project.network, acting_user=acting_user, action="logframe.activity.done", obj=stored,
        **audit.changes(before, stored),
    )  # fmt: skip
    activity.done_at, activity.done_by = stored.done_at, stored.done_by
    return activity


@transaction.atomic
def activity_reopen(*, activity, acting_user):
    """Take back "done": the activity is in progress (or not started) again, as its entries say."""
    permissions.require("edit_project", acting_user, activity.project)
    stored = _locked(activity)
    if stored.done_at is None:
        raise ValidationError({"done_at": _("Activity %(code)s is not marked done.") % {"code": stored.code}})
    before = audit.snapshot(stored, _AUDITED)
    stored.done_at, stored.done_by = None, None
    stored.save(update_fields=["done_at", "done_by"])
    audit.record(
        network=stored.project.network, acting_user=acting_user, action="logframe.activity.reopened", obj=stored,
        **audit.changes(before, stored),
    )  # fmt: skip
    activity.done_at, activity.done_by = None, None
    return activity
