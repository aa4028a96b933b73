"""The rows of a project: partners, funding chain, objectives, components, activities, results,
indicators, their values, needs, target groups, sites.

They share four services: project_item_add, project_item_update, project_item_remove and
project_item_move, driven by the ITEMS table below. They differ only in fields, in what they belong to
and in how they are ordered, so one tested code path keeps their positions contiguous and their
activity codes right, instead of eleven copies of it.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, Max, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from members.models import Organisation
from members.services import ORGANISATION_FIELDS, organisation_register
from portal import audit, permissions
from portal.inputs import accept
from projects.models import (
    Activity,
    Component,
    FundingLink,
    Indicator,
    IndicatorValue,
    Need,
    Objective,
    ProjectPartner,
    Result,
    Site,
    TargetGroup,
)
from projects.selectors import network_organisations
from projects.services.projects import _clean_value, _lock


@dataclass(frozen=True)
class ItemKind:
    """How one kind of project row is written."""

    model: type
    fields: tuple  # what `data` sets directly on the row; the kind's form shows these
    parent: str | None = None  # the row it belongs to (an activity's component), if any
    group_by: tuple = ()  # fields that start a separate numbering (partners are numbered per role)
    ordered: bool = True  # False: the model orders itself (indicator values by period)
    prepare: Callable | None = None  # resolves what `data` names indirectly (organisations by name)
    logframe: bool = False  # renumber activity codes after every change
    # A unique constraint left to the database (no query before saving): its name, and the field and
    # message the refusal becomes. A kind with one has no other constraint for full_clean to check.
    unique: tuple | None = None
    # What `prepare` reads from `data` besides `fields` (a partner's organisation), and what it reads
    # only when the row is added (an activity's typed-in number: an edited one keeps its place's code).
    inputs: tuple = ()
    new_inputs: tuple = ()
    # Fields of `fields` that are many-to-many: set after the row is saved (an indicator's activities).
    related: tuple = ()

    def accepts(self, *, new):
        """Every key `data` may hold; an update may also name the parent, to move the row there."""
        if new:
            return (*self.fields, *self.inputs, *self.new_inputs)
        return (*self.fields, *self.inputs, *((self.parent,) if self.parent else ()))


# What a new partner organisation may be described by (its name is the partner's organisation_name).
ORGANISATION_DETAILS = tuple(field for field in ORGANISATION_FIELDS if field != "name")


def _organisation_named(name, network):
    """The organisation of this name (case-insensitive), else of this acronym if only one has it, among
    those the network already deals with (projects.selectors.network_organisations). Never one that
    only another network knows: a name alone does not say two networks mean the same organisation."""
    own = network_organisations(network=network)
    match = own.filter(name__iexact=name).order_by("pk").first()
    if match is None:
        by_acronym = list(own.filter(acronym__iexact=name)[:2])
        if len(by_acronym) == 1:
            match = by_acronym[0]
    return match


def _organisation_for_partner(name, details, network):
    """The network's organisation called `name`, or a new record of this network's own.

    A new partner organisation gets no admin (organisation_register). organisation_create would make the
    coordinator its admin, and a coordinator who lists the European Union as funder must not be able to
    edit the EU's profile or join networks in its name. The record stays the network's own until the
    organisation's admins claim it (projects.services.organisations.organisation_merge).
    """
    organisation = _organisation_named(name, network)
    if organisation is not None:
        return organisation
    details = accept(details or {}, ORGANISATION_DETAILS, what="a partner's organisation_details")
    values = {key: _clean_value(value) for key, value in details.items()}
    try:
        return organisation_register(data={**values, "name": name}, network_id=network.pk)
    except ValidationError as error:
        raise ValidationError(
            {
                f"organisation_{field}" if field in ("kind", "country") else "organisation_name": messages
                for field, messages in error.message_dict.items()
            }
        ) from error


def _prepare_partner(item, data, is_new):
    organisation = data.get("organisation")
    name = _clean_value(data.get("organisation_name", ""))
    if isinstance(organisation, Organisation):
        item.organisation = organisation
    elif is_new or (name and name != item.organisation.name):
        if not name:
            raise ValidationError({"organisation_name": _("Name the organisation.")})
        item.organisation = _organisation_for_partner(name, data.get("organisation_details"), item.project.network)
    same = ProjectPartner.objects.filter(project=item.project, organisation=item.organisation, role=item.role)
    if same.exclude(pk=item.pk).exists():
        raise ValidationError(
            {"organisation_name": _("%(org)s is already in this project as %(role)s.")
             % {"org": item.organisation, "role": item.get_role_display()}}
        )  # fmt: skip


def _link_organisation(item, data, is_new):
    """Funding links and sites name an organisation in words; link it when the network knows that name."""
    item.organisation = _organisation_named(item.name, item.project.network) if item.name else None


def _prepare_activity(item, data, is_new):
    """The code is the component's number and the activity's position. A code typed in (from the
    project's own documents) must be the one the activity gets, so a transcription slip shows at once."""
    expected = f"{item.component.position}.{item.position}"
    typed = _clean_value(data.get("code") or "")
    if is_new and typed and typed != expected:
        if Activity.objects.filter(project=item.project, code=typed).exists():
            message = _(
                "Activity %(code)s already exists in this project. Leave the number empty to add this one as "
                "%(next)s, or move it into place after saving."
            )
        elif not typed.startswith(f"{item.component.position}."):
            message = _("Activities of %(component)s are numbered %(prefix)s1, %(prefix)s2… The next is %(next)s.")
        else:
            message = _("The next number in %(component)s is %(next)s; numbers have no gaps.")
        raise ValidationError(
            {"code": message % {
                "code": typed, "next": expected, "prefix": f"{item.component.position}.",
                "component": f"{item.component.get_kind_display()} {item.component.position}",
            }}
        )  # fmt: skip
    item.code = expected


def _prepare_indicator(item, data, is_new):
    """A computed indicator counts entries of its own project's activities only. One typed in, or computed
    from a registered source (projects.indicator_sources), keeps no rule for the log: switching away from
    the log clears what was counted, so no stale rule lies dormant."""
    if not item.is_from_log:
        item.measure, item.entry_kind, item.breakdown = "", "", Indicator.Breakdown.ALL
        data["activities"] = []
        return
    if "activities" not in data:
        return
    ids = {_pk(value) for value in data["activities"] or ()}
    found = list(Activity.objects.filter(network_id=item.network_id, project_id=item.project_id, pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError({"activities": _("Choose planned activities of this project.")})
    data["activities"] = found


def _pk(value):
    pk = getattr(value, "pk", value)
    return int(pk) if isinstance(pk, str) and pk.isdigit() else pk


ITEMS = {
    "partner": ItemKind(
        ProjectPartner,
        ("role", "note"),
        group_by=("role",),
        prepare=_prepare_partner,
        inputs=("organisation", "organisation_name", "organisation_details"),
    ),
    "funding": ItemKind(FundingLink, ("kind", "name"), prepare=_link_organisation),
    "objective": ItemKind(Objective, ("kind", "text"), group_by=("kind",)),
    "component": ItemKind(Component, ("kind", "title", "description"), logframe=True),
    "activity": ItemKind(
        Activity,
        ("title", "description"),
        parent="component",
        prepare=_prepare_activity,
        logframe=True,
        new_inputs=("code",),
    ),
    "result": ItemKind(Result, ("level", "title", "description")),
    "indicator": ItemKind(
        Indicator,
        ("name", "unit", "baseline", "target", "source", "measure", "entry_kind", "breakdown", "activities"),
        parent="result",
        prepare=_prepare_indicator,
        related=("activities",),
    ),
    "value": ItemKind(
        IndicatorValue,
        ("period_start", "period_end", "value", "note"),
        parent="indicator",
        ordered=False,
        unique=("indicator_value_unique_period", "period_start", _lazy("There is already a value for this period.")),
    ),
    "need": ItemKind(Need, ("text",)),
    "target_group": ItemKind(TargetGroup, ("name",)),
    "site": ItemKind(Site, ("name", "city", "country"), prepare=_link_organisation),
}


KIND_OF_MODEL = {spec.model: kind for kind, spec in ITEMS.items()}


def item_kind(item):
    """The ITEMS key of a row ("activity" for an Activity)."""
    return KIND_OF_MODEL[type(item)]


def _siblings(spec, item):
    """The rows numbered together with `item`: same project, same parent, same group."""
    filters = {"project_id": item.project_id}
    if spec.parent:
        filters[f"{spec.parent}_id"] = getattr(item, f"{spec.parent}_id")
    for field in spec.group_by:
        filters[field] = getattr(item, field)
    return spec.model.objects.filter(**filters)


def _group_key(spec, item):
    return (getattr(item, f"{spec.parent}_id") if spec.parent else None,) + tuple(
        getattr(item, f) for f in spec.group_by
    )


def _next_position(spec, item):
    return (_siblings(spec, item).exclude(pk=item.pk).aggregate(m=Max("position"))["m"] or 0) + 1


def _compact(spec, rows):
    """Positions 1, 2, 3… without gaps, in their current order."""
    rows = list(rows.order_by("position", "pk"))
    changed = []
    for position, row in enumerate(rows, 1):
        if row.position != position:
            row.position = position
            changed.append(row)
    if changed:
        spec.model.objects.bulk_update(changed, ["position"])


def _renumber_logframe(project):
    """Components numbered 1…n and every activity coded "<component>.<position>", in one transaction.

    Codes can swap places (1.2 ↔ 1.3) and the unique constraint on (project, code) is checked row by row,
    so the rows that change first get a temporary code no real one can have ("~<id>").
    """
    components = list(Component.objects.filter(project=project).order_by("position", "pk"))
    changed = []
    for number, component in enumerate(components, 1):
        if component.position != number:
            component.position = number
            changed.append(component)
    if changed:
        Component.objects.bulk_update(changed, ["position"])
    numbers = {c.pk: c.position for c in components}
    by_component = defaultdict(list)
    for activity in Activity.objects.filter(project=project).order_by("position", "pk"):
        by_component[activity.component_id].append(activity)
    moved = []
    for component_id, activities in by_component.items():
        for position, activity in enumerate(activities, 1):
            code = f"{numbers[component_id]}.{position}"
            if (activity.position, activity.code) != (position, code):
                activity.position, activity.code = position, code
                moved.append(activity)
    if moved:
        Activity.objects.filter(pk__in=[a.pk for a in moved]).update(
            code=Concat(Value("~"), Cast("id", output_field=CharField()))
        )
        Activity.objects.bulk_update(moved, ["position", "code"])


def _fill(spec, item, data):
    for field in spec.fields:
        if field in data and field not in spec.related:
            setattr(item, field, _clean_value(data[field]))


def _fill_related(spec, item, data):
    for field in spec.related:
        if field in data:
            getattr(item, field).set(data[field])


def _save(spec, item):
    """full_clean and save. A constraint the kind leaves to the database is not asked beforehand: the
    save runs in a savepoint, and the database's refusal becomes the field's message (nothing is kept)."""
    item.full_clean(validate_constraints=spec.unique is None)
    if spec.unique is None:
        item.save()
        return
    name, field, message = spec.unique
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        constraint = next(c for c in item._meta.constraints if c.name == name)
        try:
            constraint.validate(type(item), item)
        except ValidationError:
            raise ValidationError({field: message}, code="unique") from None
        raise  # another integrity error: a bug, not bad input


def _set_parent(spec, item, parent):
    if parent.project_id != item.project_id:  # views look parents up inside the project; this is a bug
        raise ValueError(f"{parent!r} belongs to another project")
    setattr(item, spec.parent, parent)


@transaction.atomic
def project_item_add(*, project, kind, data, acting_user, parent=None):
    """Add a row of `kind` (a key of ITEMS) at the end of its list; nested kinds name their `parent`
    (an activity its component, an indicator its result, a value its indicator)."""
    spec = ITEMS[kind]
    data = accept(data, spec.accepts(new=True), what=f"project_item_add({kind!r})")
    permissions.require("edit_project", acting_user, project)
    _lock(project)
    item = spec.model(project=project, network_id=project.network_id)
    if spec.parent:
        if parent is None:
            raise ValueError(f"a {kind} needs its {spec.parent}")
        _set_parent(spec, item, parent)
    _fill(spec, item, data)
    if spec.ordered:
        item.position = _next_position(spec, item)
    if spec.prepare:
        spec.prepare(item, data, True)
    _save(spec, item)
    _fill_related(spec, item, data)
    if spec.logframe:
        _renumber_logframe(project)
    _audit(project, acting_user, kind, "added", item, after=_snapshot(spec, item))
    return item


@transaction.atomic
def project_item_update(*, item, data, acting_user):
    """Change a row. An activity may move to another component (data["component"]); a row whose group
    changes (a partner's role) goes to the end of its new list, and the old list closes the gap."""
    spec = ITEMS[item_kind(item)]
    data = accept(data, spec.accepts(new=False), what=f"project_item_update({item_kind(item)!r})")
    project = item.project
    permissions.require("edit_project", acting_user, project)
    _lock(project)
    # Where the row was, from the database: a ModelForm may already have changed the instance in memory.
    stored = spec.model.objects.get(network_id=project.network_id, pk=item.pk)
    audited = _snapshot(spec, stored)
    before = _group_key(spec, stored)
    old_siblings = _siblings(spec, stored)
    _fill(spec, item, data)
    if spec.parent and data.get(spec.parent) is not None:
        _set_parent(spec, item, data[spec.parent])
    moved = _group_key(spec, item) != before
    if spec.ordered and moved:
        item.position = _next_position(spec, item)
    if spec.prepare:
        spec.prepare(item, data, False)
    if spec.logframe and moved:
        # Until the renumbering below, a code no other activity can have (the constraint is per row).
        item.code = f"~{item.pk}"
    _save(spec, item)
    _fill_related(spec, item, data)
    if spec.ordered and moved:
        _compact(spec, old_siblings.exclude(pk=item.pk))
    if spec.logframe:
        _renumber_logframe(project)
        # The renumbering wrote the place (and an activity's code) in the database, not on `item`.
        item.refresh_from_db(fields=[f for f in ("position", "code") if f in audited])
    _audit(project, acting_user, item_kind(item), "updated", item, **audit.diff(audited, _snapshot(spec, item)))
    return item


@transaction.atomic
def project_item_remove(*, item, acting_user):
    """Delete a row (and what hangs from it: a component's activities, a result's indicators)."""
    spec = ITEMS[item_kind(item)]
    project = item.project
    permissions.require("edit_project", acting_user, project)
    _lock(project)
    siblings = _siblings(spec, item).exclude(pk=item.pk)
    _audit(project, acting_user, item_kind(item), "removed", item, before=_snapshot(spec, item))
    item.delete()
    if spec.ordered:
        _compact(spec, siblings)
    if spec.logframe:
        _renumber_logframe(project)


@transaction.atomic
def project_item_move(*, item, direction, acting_user):
    """Move a row one place "up" or "down" among its siblings; activity codes follow."""
    spec = ITEMS[item_kind(item)]
    project = item.project
    permissions.require("edit_project", acting_user, project)
    if direction not in ("up", "down") or not spec.ordered:
        raise ValidationError(_("This row cannot be moved that way."))
    _lock(project)
    rows = list(_siblings(spec, item).order_by("position", "pk"))
    index = next(i for i, row in enumerate(rows) if row.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
        changed = []
        for position, row in enumerate(rows, 1):
            if row.position != position:
                row.position = position
                changed.append(row)
        spec.model.objects.bulk_update(changed, ["position"])
        _audit(project, acting_user, item_kind(item), "moved", item, **_moved(rows, index, other))
    if spec.logframe:
        _renumber_logframe(project)


# --- the audit log --------------------------------------------------------------------------------


def _audited(spec):
    """The fields the log compares: what `data` sets, the parent, and the place (an activity's code)."""
    fields = (*spec.fields, *((spec.parent,) if spec.parent else ()), *(("position",) if spec.ordered else ()))
    return (*fields, "code") if spec.model is Activity else fields


def _snapshot(spec, item):
    """The audited fields of `item` as plain values; a many-to-many field as the sorted ids it holds."""
    fields = _audited(spec)
    values = audit.snapshot(item, [f for f in fields if f not in spec.related])
    for field in spec.related:
        values[field] = sorted(getattr(item, field).values_list("pk", flat=True)) if item.pk else []
    return values


def _moved(rows, was, now):
    """A move as before → after of the row's position; `rows` are already in their new order."""
    return {"before": {"position": rows[was].position}, "after": {"position": rows[now].position}}


def _audit(project, acting_user, kind, verb, item, **changes):
    audit.record(
        network=project.network, acting_user=acting_user, action=f"logframe.{kind}.{verb}", obj=item, **changes
    )
