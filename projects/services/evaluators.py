"""Evaluators: one named person a coordinator lets read one project until a day (inclusive).

An evaluator, an auditor or a donor's consultant is usually no member of the network: the coordinator
names them by the e-mail of their Partnera account, with the last day they may read the project. From the
next day on (or from the next request after removal) the project answers them 404 again
(projects.permissions.has_project_grant). Each change is in the network's audit log.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from members.models import User
from network.permissions import network_role
from portal import audit, permissions
from projects.models import ProjectEvaluator


def _until(until):
    """The end date, refused when it is already past (today is the shortest grant: it ends tonight)."""
    today = timezone.localdate()
    if until is None:
        raise ValidationError({"until": _("Give the last day they may read the project.")})
    if until < today:
        raise ValidationError(
            {
                "until": _("The end date %(date)s is in the past; give today or a later day.")
                % {"date": formats.date_format(until, "DATE_FORMAT")}
            }
        )
    return until


def _person(email):
    email = (email or "").strip()
    user = User.objects.filter(email__iexact=email, is_active=True).first() if email else None
    if user is None:
        raise ValidationError(
            {
                "email": _(
                    "No Partnera account uses %(email)s. Ask the person to sign up with that address first, "
                    "then add them here."
                )
                % {"email": email}
            }
        )
    return user


@transaction.atomic
def evaluator_add(*, project, email, until, acting_user):
    """Let the person with the Partnera account `email` read `project` until `until` (inclusive)."""
    permissions.require("manage_project_access", acting_user, project)
    until = _until(until)
    user = _person(email)
    if network_role(user, project.network) is not None:
        raise ValidationError(
            {
                "email": _(
                    "%(person)s works for a member of %(network)s and sees its projects already; they need no grant."
                )
                % {"person": user.email, "network": project.network.name}
            }
        )
    if ProjectEvaluator.objects.filter(network=project.network, project=project, user=user).exists():
        raise ValidationError(
            {"email": _("%(person)s is already an evaluator of this project; change their end date below.")
                      % {"person": user.email}}
        )  # fmt: skip
    evaluator = ProjectEvaluator(
        network=project.network, project=project, user=user, until=until, granted_by=acting_user
    )
    try:
        with transaction.atomic():  # a savepoint: the same person added twice at once
            evaluator.save()
    except IntegrityError:
        raise ValidationError(
            {"email": _("%(person)s is already an evaluator of this project.") % {"person": user.email}}
        ) from None
    audit.record(
        network=project.network, acting_user=acting_user, action="evaluator.added", obj=evaluator,
        after={"person": user.email, "until": until},
    )  # fmt: skip
    return evaluator


@transaction.atomic
def evaluator_change(*, evaluator, until, acting_user):
    """Move an evaluator's last day (sooner or later; not into the past)."""
    evaluator = ProjectEvaluator.objects.select_for_update().get(network_id=evaluator.network_id, pk=evaluator.pk)
    permissions.require("manage_project_access", acting_user, evaluator.project)
    before = audit.snapshot(evaluator, ("until",))
    evaluator.until = _until(until)
    evaluator.save(update_fields=["until"])
    audit.record(
        network=evaluator.network, acting_user=acting_user, action="evaluator.changed", obj=evaluator,
        **audit.changes(before, evaluator),
    )  # fmt: skip
    return evaluator


@transaction.atomic
def evaluator_remove(*, evaluator, acting_user):
    """Take an evaluator's access back at once (the audit log keeps who it was and until when)."""
    evaluator = ProjectEvaluator.objects.select_for_update().get(network_id=evaluator.network_id, pk=evaluator.pk)
    permissions.require("manage_project_access", acting_user, evaluator.project)
    audit.record(
        network=evaluator.network, acting_user=acting_user, action="evaluator.removed", obj=evaluator,
        before={"person": evaluator.user.email, "until": evaluator.until},
    )  # fmt: skip
    evaluator.delete()
