"""The activity log: logging what partners did, and the workflow draft → submitted → approved or returned.

Every step checks its rule (projects.permissions), runs in one transaction, locks the entry for a
transition, refuses an entry of a locked reporting period (projects.services.periods; before and after
the change), and records the audit log; the approval and the return are e-mailed to the submitter after
commit (projects.tasks.notify_entry_decision).

What the rules read of the network (the project named, its activities, sites, target groups and partners,
the active period locks) comes from a `Lookups`: entry_create and entry_update ask the database
question by question for their one entry; `entries_create` (an import of thousands of rows) checks
every row by the same rules against a `PreloadedLookups`, which reads all the file names in a handful of
queries, and writes the whole file at once.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Membership, Role
from network.permissions import has_role
from portal import audit, pagecache, permissions
from portal.inputs import accept
from projects import figures, tasks
from projects.models import Activity, ActivityEntry, Project, ProjectPartner, Site, TargetGroup
from projects.search import refresh_document
from projects.services.periods import OpenPeriods, require_open

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


# References the service resolves itself (a Lookups): full_clean would check each ForeignKey once more,
# one query per field and entry.
_RESOLVED = (
    "network", "organisation", "created_by", "project", "activity", "site", "submitted_by", "approved_by",
    "returned_by", "partners", "target_groups",
)  # fmt: skip


def _snapshot(entry, related=None):
    """The entry as the log records it; `related`: its partners and target groups when known (a new entry
    written in bulk), else read."""
    values = audit.snapshot(entry, _SCALAR)
    for name in _RELATED:
        if related is not None:
            values[name] = sorted(_pk(value) for value in related.get(name, ()))
        else:
            values[name] = sorted(getattr(entry, name).values_list("pk", flat=True)) if entry.pk else []
    return values


def _pk(value):
    return getattr(value, "pk", value)


_MAX_ID = 2**63 - 1  # a bigint: a larger number names no row (and would not fit the query's parameter)


def _id(value):
    """The id `value` names (a row, an int or a string of digits), or None."""
    value = _pk(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_ID:
        return value
    return None


def _one(find, value, field, message):
    """The row `find(id)` gives for `value` (a row or its id), or a ValidationError on `field` saying
    `message` (lazy: translated only when it is said, not for each of an import's rows)."""
    if value in (None, ""):
        return None
    pk = _id(value)
    row = find(pk) if pk is not None else None
    if row is None:
        raise ValidationError({field: str(message)})
    return row


class Lookups:
    """What the entry rules read of the network, asked of the database question by question: for the one
    entry of a form or an API call. PreloadedLookups answers the same questions for a whole import."""

    def __init__(self, network):
        self.network = network

    def project(self, pk):
        return Project.objects.filter(network=self.network, pk=pk).first()

    def activity(self, pk, project):
        return Activity.objects.filter(network=self.network, pk=pk, project=project).first()

    def site(self, pk, project):
        return Site.objects.filter(network=self.network, pk=pk, project=project).first()

    def target_groups(self, project, ids):
        """The project's target groups among `ids`."""
        return list(TargetGroup.objects.filter(network=self.network, project=project, pk__in=ids))

    def allowed_partners(self, project, ids):
        """Those of the organisations `ids` that may be an entry's partners: the network's active members,
        and the project's partners (any role)."""
        network = self.network
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
        return allowed

    def names(self, ids):
        return sorted(str(o) for o in Organisation.objects.filter(pk__in=ids))

    def is_partner(self, project, organisation_id):
        return ProjectPartner.objects.filter(
            network=self.network, project=project, organisation_id=organisation_id
        ).exists()

    def require_open(self, entry, field=None):
        _require_open(entry, field)


class PreloadedLookups(Lookups):
    """Lookups for many new entries of one network (an import): everything `rows` (entry_create's data)
    name is read at once, a query per kind of reference, and each question answered in memory. Built
    inside the import's transaction: the period locks are read after taking the shared advisory lock, held
    until the transaction ends (projects.services.periods.OpenPeriods)."""

    def __init__(self, network, organisation, rows):
        super().__init__(network)
        named = {key: set() for key in ("project", "activity", "site", *_RELATED)}
        for data in rows:
            for key in ("project", "activity", "site"):
                if data.get(key) not in (None, "") and (pk := _id(data[key])) is not None:
                    named[key].add(pk)
            for key in _RELATED:
                named[key].update(pk for value in data.get(key) or () if (pk := _id(value)) is not None)
        self._projects = {}  # first: _load hands the other rows their project from it
        self._projects = self._load(Project, named["project"])
        self._activities = self._load(Activity, named["activity"])
        self._sites = self._load(Site, named["site"])
        self._groups = self._load(TargetGroup, named["target_groups"])
        organisations = named["partners"]
        self._members = set(
            Membership.objects.filter(
                network=network, status=Membership.Status.ACTIVE, organisation_id__in=organisations
            ).values_list("organisation_id", flat=True)
        ) if organisations else set()  # fmt: skip
        self._partners = {}  # project id → its partner organisations among those named and the importer's
        if self._projects:
            for project_id, organisation_id in ProjectPartner.objects.filter(
                network=network,
                project_id__in=list(self._projects),
                organisation_id__in=[*organisations, organisation.pk],
            ).values_list("project_id", "organisation_id"):
                self._partners.setdefault(project_id, set()).add(organisation_id)
        self._names = {o.pk: str(o) for o in Organisation.objects.filter(pk__in=organisations)} if organisations else {}
        self._periods = OpenPeriods(network)

    def _load(self, model, ids):
        rows = {row.pk: row for row in model.objects.filter(network=self.network, pk__in=list(ids))} if ids else {}
        for row in rows.values():
            row.network = self.network  # the rules read row.network; no query per row for it
        if model is not Project:
            for row in rows.values():
                if row.project_id in self._projects:
                    row.project = self._projects[row.project_id]
        return rows

    def project(self, pk):
        return self._projects.get(pk)

    def _of(self, rows, pk, project):
        row = rows.get(pk)
        return row if row is not None and row.project_id == (project.pk if project else None) else None

    def activity(self, pk, project):
        return self._of(self._activities, pk, project)

    def site(self, pk, project):
        return self._of(self._sites, pk, project)

    def target_groups(self, project, ids):
        return [row for pk in set(ids) if (row := self._of(self._groups, _id(pk), project)) is not None]

    def allowed_partners(self, project, ids):
        partners = self._partners.get(project.pk, set()) if project is not None else set()
        return {pk for pk in ids if pk in self._members or pk in partners}

    def names(self, ids):
        return sorted(self._names[pk] for pk in ids if pk in self._names)

    def is_partner(self, project, organisation_id):
        return organisation_id in self._partners.get(project.pk, set())

    def require_open(self, entry, field=None):
        self._periods.require(project_id=entry.project_id, day=entry.start_date, field=field)


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


def _apply(entry, data, what, lookups):
    """Set `data` on `entry` (unsaved changes), checking every reference belongs to the network and the
    project (asking `lookups`); returns the partners and target groups to set after saving. Raises
    ValidationError."""
    values = {key: _clean(value) for key, value in accept(data, ENTRY_FIELDS, what=what).items()}
    related = {key: values.pop(key) for key in _RELATED if key in values}
    errors = {}
    if "links" in values:
        values["links"] = _links(values["links"], errors)
    for key in ("start_date", "end_date"):
        if values.get(key) == "":
            values[key] = None
    if "project" in values:
        values["project"] = _one(lookups.project, values["project"], "project",
                                 gettext_lazy("Choose one of this network's projects."))  # fmt: skip
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
                activity = _one(lambda pk: lookups.activity(pk, project), activity, "activity",
                                gettext_lazy("Choose a planned activity of the chosen project."))  # fmt: skip
            except ValidationError as error:
                errors.update(error.message_dict)
                activity = None
        entry.activity = activity
    if "site" in values or "project" in values:
        site = values.get("site", entry.site_id)
        try:
            site = _one(lambda pk: lookups.site(pk, project), site, "site",
                        gettext_lazy("Choose one of the chosen project's sites."))  # fmt: skip
        except ValidationError as error:
            errors.update(error.message_dict)
            site = None
        entry.site = site
    if "target_groups" in related or ("project" in values and entry.pk):
        chosen = related.get("target_groups", list(entry.target_groups.all()) if entry.pk else [])
        related["target_groups"] = _target_groups(lookups, project, chosen or [], errors)
    if "partners" in related or ("project" in values and entry.pk):
        chosen = related.get("partners", list(entry.partners.all()) if entry.pk else [])
        related["partners"] = _partners(lookups, project, chosen or [], errors)
    try:
        entry.full_clean(exclude=_RESOLVED)
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)  # a reference already refused keeps its own message
    if errors:
        raise ValidationError(errors)
    return related


def _target_groups(lookups, project, chosen, errors):
    ids = [_id(value) for value in chosen]
    rows = lookups.target_groups(project, [pk for pk in ids if pk is not None]) if project else []
    if len(rows) != len(set(ids)):
        errors["target_groups"] = _("Choose target groups of the chosen project only.")
    return rows


def _partners(lookups, project, chosen, errors):
    """Partner organisations: the project's partners, or the network's active members."""
    ids = {_id(value) for value in chosen}
    allowed = lookups.allowed_partners(project, {pk for pk in ids if pk is not None}) if ids else set()
    refused = ids - allowed
    if refused:
        names = ", ".join(lookups.names({pk for pk in refused if pk is not None})) or _("unknown")
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


def _require_open(entry, field=None):
    """Refused while an active reporting-period lock closes the entry's period (projects.services.periods)."""
    require_open(network=entry.network, project_id=entry.project_id, day=entry.start_date, field=field)


def _require_partner_organisation(entry, acting_user, lookups):
    """A member logs for a project in the name of one of its partners: a person who works for a partner
    and for another member organisation may not file the other's work under the project."""
    if entry.project is None or has_role(acting_user, entry.network, Role.COORDINATOR):
        return
    if not lookups.is_partner(entry.project, entry.organisation_id):
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


def _require_may_log(network, acting_user, organisation):
    permissions.require("log_entry", acting_user, network)
    if organisation is None or organisation.pk not in organisation_ids(acting_user):
        raise ValidationError({"organisation": _("Log in the name of an organisation you work for.")})


def _new_entry(*, network, acting_user, organisation, data, lookups):
    """An unsaved draft from `data` and its partners and target groups to set, checked by every rule of
    logging one: ValidationError by field, or PermissionDenied (a project the user may not log for)."""
    entry = ActivityEntry(network=network, organisation=organisation, created_by=acting_user)
    related = _apply(entry, data, "entry_create", lookups)
    if entry.project is not None:
        permissions.require("log_entry", acting_user, entry.project)
    _require_partner_organisation(entry, acting_user, lookups)
    refresh_document(entry)
    lookups.require_open(entry, "start_date")
    return entry, related


@transaction.atomic
def entry_create(*, network, acting_user, organisation, data):
    """Log an activity as a draft, for `organisation` (one the acting user works for)."""
    _require_may_log(network, acting_user, organisation)
    entry, related = _new_entry(
        network=network, acting_user=acting_user, organisation=organisation, data=data, lookups=Lookups(network)
    )
    entry.save()
    _set_related(entry, related)
    _record(entry, acting_user, "created", after=_snapshot(entry))
    return entry


@dataclass
class Checked:
    """One row of entries_create: the entry (saved, or as it would be saved), or why it is refused."""

    entry: object = None
    error: Exception = None  # a ValidationError (by field), or PermissionDenied (the project)
    related: dict = field(default_factory=dict)  # the entry's partners and target groups


# Rows an INSERT carries at most (PostgreSQL takes 65,535 parameters a statement; an entry has ~35 columns).
_BATCH = 1000


@transaction.atomic
def entries_create(*, network, acting_user, organisation, rows, save):
    """Log many activities as drafts at once (an import), for `organisation`: each of `rows` (entry_create's
    `data`) is checked by entry_create's own rules, against lookups read once for all of them. Only when
    `save` is true and every row passes is anything written, all rows at once (the entries, their partners
    and target groups, their history and one audit entry "entry.created" each, as entry_create writes);
    otherwise nothing is. Returns a Checked for each row, in order."""
    _require_may_log(network, acting_user, organisation)
    lookups = PreloadedLookups(network, organisation, rows)
    checked = []
    for data in rows:
        try:
            entry, related = _new_entry(
                network=network, acting_user=acting_user, organisation=organisation, data=data, lookups=lookups
            )
        except (ValidationError, PermissionDenied) as error:
            checked.append(Checked(error=error))
        else:
            checked.append(Checked(entry=entry, related=related))
    if save and checked and all(row.error is None for row in checked):
        _write(network, acting_user, checked)
    return checked


def _write(network, acting_user, checked):
    """Insert checked new entries in bulk: the rows (with their history), the two relations, the log."""
    bulk_create_with_history(
        [row.entry for row in checked], ActivityEntry, batch_size=_BATCH, default_user=acting_user
    )  # sets each entry's id (PostgreSQL, SQLite ≥ 3.35: RETURNING)
    columns = {"partners": "organisation_id", "target_groups": "targetgroup_id"}
    for name in _RELATED:
        through = getattr(ActivityEntry, name).through
        through.objects.bulk_create(
            [through(activityentry_id=row.entry.pk, **{columns[name]: _pk(value)})
             for row in checked for value in row.related.get(name, ())],
            batch_size=_BATCH * 5,
        )  # fmt: skip
    audit.record_many(
        network=network,
        acting_user=acting_user,
        action="entry.created",
        changes=[(row.entry, None, _snapshot(row.entry, row.related)) for row in checked],
        batch_size=_BATCH,
    )
    # bulk writes send no post_save, which is what tells the page cache and the log's kept figures
    pagecache.bump_for(network.pk)
    figures.log_changed([network.pk])


@transaction.atomic
def entry_update(*, entry, acting_user, data):
    entry = _lock(entry)
    permissions.require("edit_entry", acting_user, entry)
    _require_open(entry)  # as it is: an entry of a locked period stays as it was reported
    before, start_date = _snapshot(entry), entry.start_date
    lookups = Lookups(entry.network)
    related = _apply(entry, data, "entry_update", lookups)
    if entry.project is not None and entry.project_id != before["project"]:
        permissions.require("log_entry", acting_user, entry.project)
        _require_partner_organisation(entry, acting_user, lookups)
    refresh_document(entry)
    # and as it would be: moving an entry into a locked period would change what was reported too
    _require_open(entry, "start_date" if entry.start_date != start_date else "project")
    entry.save()
    _set_related(entry, related)
    _record(entry, acting_user, "updated", **audit.diff(before, _snapshot(entry)))
    return entry


@transaction.atomic
def entry_submit(*, entry, acting_user):
    """Send a draft (or a returned entry, after changes) to the coordinators for approval."""
    entry = _lock(entry)
    permissions.require("edit_entry", acting_user, entry)
    _require_open(entry)
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
    _require_open(entry)
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
    _require_open(current)
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
    _require_open(current)
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
    _require_open(entry)
    entry.deleted_at = timezone.now()
    entry.save()
    _record(entry, acting_user, "deleted", before={"deleted": False}, after={"deleted": True})
    return entry


@transaction.atomic
def entry_restore(*, entry, acting_user):
    entry = _lock(entry)
    permissions.require("restore_entry", acting_user, entry)
    _require_open(entry)
    entry.deleted_at = None
    entry.save()
    _record(entry, acting_user, "restored", before={"deleted": True}, after={"deleted": False})
    return entry


# --- approving from the queue -----------------------------------------------------------------------


@dataclass
class BulkApproval:
    """What entry_bulk_approve did: the entries approved, and those skipped with the reason for each."""

    approved: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (entry, reason)


BULK_APPROVE_LIMIT = 100


def entry_bulk_approve(*, network, acting_user, seen):
    """Approve the entries the reviewer chose in the queue, each as they saw it (`seen`: {entry id: its
    `updated_at` on the queue page}), through entry_approve.

    A choice that is no entry of the network (a forged or foreign id), or too many at once, refuses the
    whole batch: nothing is approved. An entry that changed since the reviewer saw it (withdrawn, edited,
    returned, approved or deleted by someone else) is skipped and named with the reason, and the others
    are approved: each is a decision on its own entry, and refusing them all would make the reviewer
    choose again for no gain. The batch runs in one transaction, so an unexpected error approves nothing.
    """
    permissions.require("review_entries", acting_user, network)
    if not seen:
        raise ValidationError(_("Choose the entries to approve."))
    if len(seen) > BULK_APPROVE_LIMIT:
        raise ValidationError(
            _("Approve at most %(limit)s entries at once; nothing was approved.") % {"limit": BULK_APPROVE_LIMIT}
        )
    entries = {entry.pk: entry for entry in ActivityEntry.objects.filter(network=network, pk__in=list(seen))}
    if len(entries) != len(seen):
        raise ValidationError(_("Some of the chosen entries are not in this network's log; nothing was approved."))
    outcome = BulkApproval()
    with transaction.atomic():
        for pk in sorted(entries):  # one order for every batch, so two batches never wait on each other
            entry = entries[pk]
            deleted = entry.is_deleted
            entry.updated_at, entry.status = seen[pk], ActivityEntry.Status.SUBMITTED  # as the queue showed it
            try:
                if deleted:
                    raise ValidationError(_("This entry was deleted."))
                outcome.approved.append(entry_approve(entry=entry, acting_user=acting_user))
            except PermissionDenied:  # review_entry refuses a deleted entry: deleted since it was read above
                outcome.skipped.append((entry, _("This entry was deleted.")))
            except ValidationError as error:
                outcome.skipped.append((entry, " ".join(error.messages)))
    return outcome
