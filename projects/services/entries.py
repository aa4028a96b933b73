"""The activity log: logging what partners did, and the workflow draft → submitted → approved or returned.

Every step checks its rule (projects.permissions), runs in one transaction, locks the entry for a
transition, and records the audit log; the approval and the return are e-mailed to the submitter after
commit (projects.tasks.notify_entry_decision).
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Membership, Role
from network.permissions import has_role
from portal import audit, permissions
from portal.inputs import accept
from projects import tasks
from projects.models import Activity, ActivityEntry, Project, ProjectPartner, Site, TargetGroup

# What entry_create and entry_update write (the form's fields, later the import's columns).
ENTRY_FIELDS = (
    "project", "activity", "kind", "language", "title", "description", "outcomes", "start_date", "end_date",
    "site", "place", "country", "participants_total", *ActivityEntry.SEX_FIELDS, *ActivityEntry.AGE_FIELDS,
    "with_disabilities", "partners", "target_groups", "links",
)  # fmt: skip
_RELATED = ("partners", "target_groups")
_SCALAR = tuple(name for name in ENTRY_FIELDS if name not in _RELATED)
# What the log records about a transition.
_WORKFLOW = ("status", "returned_reason")

_validate_url = URLValidator(schemes=["http", "https"])


def _snapshot(entry):
    values = audit.snapshot(entry, _SCALAR)
    values["partners"] = sorted(entry.partners.values_list("pk", flat=True)) if entry.pk else []
    values["target_groups"] = sorted(entry.target_groups.values_list("pk", flat=True)) if entry.pk else []
    return values


def _pk(value):
    return getattr(value, "pk", value)


def _one(model, network, value, field, message, **filters):
    """The network's row named by `value` (a row or its id), or a ValidationError on `field`."""
    if value in (None, ""):
        return None
    row = model.objects.filter(network=network, pk=_pk(value), **filters).first() if str(_pk(value)).isdigit() else None
    if row is None:
        raise ValidationError({field: message})
    return row


def _clean(value):
    return value.strip() if isinstance(value, str) else value


def _links(value, errors):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = value.split()
    links = []
    for link in value:
        link = str(link).strip()
        if not link:
            continue
        try:
            _validate_url(link)
        except ValidationError:
            errors.setdefault("links", []).append(_("“%(link)s” is not a web address (https://…).") % {"link": link})
        links.append(link)
    return links


def _apply(entry, network, data, what):
    """Set `data` on `entry` (unsaved changes), checking every reference belongs to the network and the
    project; returns the partners and target groups to set after saving. Raises ValidationError."""
    values = {key: _clean(value) for key, value in accept(data, ENTRY_FIELDS, what=what).items()}
    related = {key: values.pop(key) for key in _RELATED if key in values}
    errors = {}
    if "links" in values:
        values["links"] = _links(values["links"], errors)
    for key in ("start_date", "end_date"):
        if values.get(key) == "":
            values[key] = None
    if "project" in values:
        values["project"] = _one(Project, network, values["project"], "project",
                                 _("Choose one of this network's projects."))  # fmt: skip
    for key, value in values.items():
        if key not in ("activity", "site"):
            setattr(entry, key, value)
    project = entry.project
    # A planned activity and a site only with their own project.
    if "activity" in values or "project" in values:
        activity = values.get("activity", entry.activity_id)
        if activity not in (None, "") and project is None:
            errors["activity"] = _("Choose the project first: a planned activity belongs to one project.")
            activity = None
        else:
            try:
                activity = _one(Activity, network, activity, "activity",
                                _("Choose a planned activity of the chosen project."), project=project)  # fmt: skip
            except ValidationError as error:
                errors.update(error.message_dict)
                activity = None
        entry.activity = activity
    if "site" in values or "project" in values:
        site = values.get("site", entry.site_id)
        try:
            site = _one(Site, network, site, "site", _("Choose one of the chosen project's sites."), project=project)
        except ValidationError as error:
            errors.update(error.message_dict)
            site = None
        entry.site = site
    if "target_groups" in related or ("project" in values and entry.pk):
        chosen = related.get("target_groups", list(entry.target_groups.all()) if entry.pk else [])
        related["target_groups"] = _target_groups(network, project, chosen or [], errors)
    if "partners" in related or ("project" in values and entry.pk):
        chosen = related.get("partners", list(entry.partners.all()) if entry.pk else [])
        related["partners"] = _partners(network, project, chosen or [], errors)
    try:
        entry.full_clean(exclude=["network", "organisation", "partners", "target_groups"])
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)  # a reference already refused keeps its own message
    if errors:
        raise ValidationError(errors)
    return related


def _target_groups(network, project, chosen, errors):
    ids = [_pk(value) for value in chosen]
    rows = list(TargetGroup.objects.filter(network=network, project=project, pk__in=ids)) if project else []
    if len(rows) != len(set(ids)):
        errors["target_groups"] = _("Choose target groups of the chosen project only.")
    return rows


def _partners(network, project, chosen, errors):
    """Partner organisations: the project's partners, or the network's active members."""
    ids = {_pk(value) for value in chosen}
    allowed = set(
        Membership.objects.filter(
            network=network, status=Membership.Status.ACTIVE, organisation_id__in=ids
        ).values_list("organisation_id", flat=True)
    )
    if project is not None:
        allowed |= set(
            ProjectPartner.objects.filter(network=network, project=project, organisation_id__in=ids).values_list(
                "organisation_id", flat=True
            )
        )
    refused = ids - allowed
    if refused:
        names = ", ".join(sorted(str(o) for o in Organisation.objects.filter(pk__in=refused))) or _("unknown")
        errors["partners"] = _("%(names)s: neither a partner of the project nor a member of the network.") % {
            "names": names
        }
    return [pk for pk in ids if pk in allowed]


def _set_related(entry, related):
    if "partners" in related:
        entry.partners.set(related["partners"])
    if "target_groups" in related:
        entry.target_groups.set(related["target_groups"])


def _lock(entry):
    return ActivityEntry.objects.select_for_update().get(network_id=entry.network_id, pk=entry.pk)


def _require_unchanged(seen, current):
    """The reviewer decides on the entry as they saw it: one edited or withdrawn since is looked at again."""
    if seen.updated_at != current.updated_at or seen.status != current.status:
        raise ValidationError(
            _("This entry changed since you opened it (it is now “%(status)s”). Look at it again first.")
            % {"status": current.get_status_display()}
        )


def _require_status(entry, *expected):
    if entry.is_deleted:
        raise ValidationError(_("This entry was deleted."))
    if entry.status not in expected:
        messages = {
            ActivityEntry.Status.DRAFT: _("This entry is a draft: it has not been submitted."),
            ActivityEntry.Status.SUBMITTED: _("This entry has already been submitted."),
            ActivityEntry.Status.APPROVED: _("This entry has already been approved."),
            ActivityEntry.Status.RETURNED: _("This entry has been returned to its organisation."),
        }
        raise ValidationError(messages[entry.status])


def _require_partner_organisation(entry, acting_user):
    """A member logs for a project in the name of one of its partners: a person who works for a partner
    and for another member organisation may not file the other's work under the project."""
    if entry.project is None or has_role(acting_user, entry.network, Role.COORDINATOR):
        return
    partner = ProjectPartner.objects.filter(
        network=entry.network, project=entry.project, organisation=entry.organisation
    ).exists()
    if not partner:
        raise ValidationError(
            {
                "organisation": _(
                    "%(organisation)s is not a partner of %(project)s: log in the name of one of its partners."
                )
                % {"organisation": entry.organisation, "project": entry.project}
            }
        )


def _record(entry, acting_user, action, **kwargs):
    audit.record(network=entry.network, acting_user=acting_user, action=f"entry.{action}", obj=entry, **kwargs)


@transaction.atomic
def entry_create(*, network, acting_user, organisation, data):
    """Log an activity as a draft, for `organisation` (one the acting user works for)."""
    permissions.require("log_entry", acting_user, network)
    if organisation is None or organisation.pk not in organisation_ids(acting_user):
        raise ValidationError({"organisation": _("Log in the name of an organisation you work for.")})
    entry = ActivityEntry(network=network, organisation=organisation, created_by=acting_user)
    related = _apply(entry, network, data, "entry_create")
    if entry.project is not None:
        permissions.require("log_entry", acting_user, entry.project)
    _require_partner_organisation(entry, acting_user)
    entry.save()
    _set_related(entry, related)
    _record(entry, acting_user, "created", after=_snapshot(entry))
    return entry


@transaction.atomic
def entry_update(*, entry, acting_user, data):
    entry = _lock(entry)
    permissions.require("edit_entry", acting_user, entry)
    before = _snapshot(entry)
    related = _apply(entry, entry.network, data, "entry_update")
    if entry.project is not None and entry.project_id != before["project"]:
        permissions.require("log_entry", acting_user, entry.project)
        _require_partner_organisation(entry, acting_user)
    entry.save()
    _set_related(entry, related)
    _record(entry, acting_user, "updated", **audit.diff(before, _snapshot(entry)))
    return entry


@transaction.atomic
def entry_submit(*, entry, acting_user):
    """Send a draft (or a returned entry, after changes) to the coordinators for approval."""
    entry = _lock(entry)
    permissions.require("edit_entry", acting_user, entry)
    _require_status(entry, *ActivityEntry.EDITABLE_STATUSES)
    before = audit.snapshot(entry, _WORKFLOW)
    entry.status = ActivityEntry.Status.SUBMITTED
    entry.submitted_at, entry.submitted_by = timezone.now(), acting_user
    entry.returned_notified_at = None  # a second return is worth a second e-mail
    entry.save()
    _record(entry, acting_user, "submitted", **audit.changes(before, entry))
    return entry


@transaction.atomic
def entry_withdraw(*, entry, acting_user):
    """Take a submitted entry back to draft, before a coordinator decides."""
    entry = _lock(entry)
    permissions.require("withdraw_entry", acting_user, entry)
    _require_status(entry, ActivityEntry.Status.SUBMITTED)
    before = audit.snapshot(entry, _WORKFLOW)
    entry.status = ActivityEntry.Status.DRAFT
    entry.save()
    _record(entry, acting_user, "withdrawn", **audit.changes(before, entry))
    return entry


@transaction.atomic
def entry_approve(*, entry, acting_user):
    """Approve `entry` as the reviewer saw it; refused if it changed or was withdrawn since."""
    current = _lock(entry)
    permissions.require("review_entry", acting_user, current)
    _require_status(current, ActivityEntry.Status.SUBMITTED)
    _require_unchanged(entry, current)
    before = audit.snapshot(current, _WORKFLOW)
    current.status = ActivityEntry.Status.APPROVED
    current.approved_at, current.approved_by = timezone.now(), acting_user
    current.save()
    _record(current, acting_user, "approved", **audit.changes(before, current))
    tasks.notify_entry_decision.delay(network=current.network_id, entry_id=current.pk)
    return current


@transaction.atomic
def entry_return(*, entry, acting_user, reason):
    """Send `entry` back to its organisation with the reason, which they see and the log keeps."""
    current = _lock(entry)
    permissions.require("review_entry", acting_user, current)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say what to change, so the organisation can fix it.")})
    _require_status(current, ActivityEntry.Status.SUBMITTED)
    _require_unchanged(entry, current)
    before = audit.snapshot(current, _WORKFLOW)
    current.status, current.returned_reason = ActivityEntry.Status.RETURNED, reason
    current.returned_at, current.returned_by = timezone.now(), acting_user
    current.save()
    _record(current, acting_user, "returned", **audit.changes(before, current))
    tasks.notify_entry_decision.delay(network=current.network_id, entry_id=current.pk)
    return current


@transaction.atomic
def entry_delete(*, entry, acting_user):
    entry = _lock(entry)
    permissions.require("delete_entry", acting_user, entry)
    entry.deleted_at = timezone.now()
    entry.save()
    _record(entry, acting_user, "deleted", before={"deleted": False}, after={"deleted": True})
    return entry


@transaction.atomic
def entry_restore(*, entry, acting_user):
    entry = _lock(entry)
    permissions.require("restore_entry", acting_user, entry)
    entry.deleted_at = None
    entry.save()
    _record(entry, acting_user, "restored", before={"deleted": True}, after={"deleted": False})
    return entry
