"""Reads for projects. Each names the network or project it reads and fetches what its page shows in a
fixed number of queries, however many partners, activities or indicators there are."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, IntegerField, Prefetch, Q, TextField, Value, When
from django.db.models.functions import Cast

from members.models import Organisation
from network.models import Membership
from portal import audit
from portal.models import AuditEntry
from projects.models import (
    PARTNER_ROLE_ORDER,
    Activity,
    ActivityEntry,
    FundingLink,
    Indicator,
    IndicatorValue,
    Objective,
    PartnerRole,
    Project,
    ProjectPartner,
    Site,
    TargetGroup,
)
from projects.permissions import visible_entries, visible_projects

_STATUS_ORDER = Case(
    When(status=Project.Status.ACTIVE, then=Value(0)),
    When(status=Project.Status.PLANNED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def projects_for_network(*, network, user):
    """The network's projects this user may see: public ones for everybody, private ones for the
    network's members and staff, and those granted to the user (donors). Active first, then planned,
    then closed; newest first within each."""
    projects = visible_projects(user, network)
    return projects.order_by(
        _STATUS_ORDER, "-start_date", "slug", "pk"
    )  # a title is in several languages; pk: stable across pages


def project_in_network(*, network, slug):
    """The project with this address in this network, or None."""
    return Project.objects.select_related("network").filter(network=network, slug=slug).first()


@dataclass
class PartnerGroup:
    role: str
    label: str
    partners: list

    @property
    def iati_label(self):
        return PartnerRole(self.role).iati_role.label


@dataclass
class ProjectPage:
    """Everything the project page and the editing pages show, loaded in fixed number of queries."""

    project: Project
    funding_chain: list
    partners: list
    objectives: list
    components: list  # each with .activities.all() loaded
    results: list  # each with .indicators.all() loaded, each of those with .values.all()
    needs: list
    target_groups: list
    sites: list
    partner_groups: list = field(init=False)

    def __post_init__(self):
        by_role = {role: [] for role in PARTNER_ROLE_ORDER}
        for partner in self.partners:
            by_role[partner.role].append(partner)
        self.partner_groups = [PartnerGroup(role.value, role.label, rows) for role, rows in by_role.items() if rows]

    @property
    def overall_objectives(self):
        return [o for o in self.objectives if o.kind == Objective.Kind.OVERALL]

    @property
    def specific_objectives(self):
        return [o for o in self.objectives if o.kind == Objective.Kind.SPECIFIC]

    @property
    def leads(self):
        return [p for p in self.partners if p.role == PartnerRole.LEAD]

    @property
    def activity_count(self):
        return sum(len(c.activities.all()) for c in self.components)

    @property
    def indicator_count(self):
        return sum(len(r.indicators.all()) for r in self.results)


def project_page(*, project):
    """The project's partners, funding chain and whole logframe: eleven queries, whatever the sizes."""
    values = Prefetch("values", queryset=IndicatorValue.objects.order_by("period_start", "pk"))
    indicators = Prefetch("indicators", queryset=Indicator.objects.prefetch_related(values))
    return ProjectPage(
        project=project,
        funding_chain=list(project.funding_links.select_related("organisation")),
        partners=list(project.partners.select_related("organisation").order_by("position", "pk")),
        objectives=list(project.objectives.all()),
        components=list(project.components.prefetch_related(Prefetch("activities", queryset=Activity.objects.all()))),
        results=list(project.results.prefetch_related(indicators)),
        needs=list(project.needs.all()),
        target_groups=list(project.target_groups.all()),
        sites=list(project.sites.select_related("organisation")),
    )


def network_organisations(*, network):
    """The organisations this network already deals with: its active members, its projects' partners
    and funders, and the records its coordinators typed in. A name typed in a project is matched
    among these only, never against another network's partners."""
    member_ids = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).values("organisation_id")
    partner_ids = ProjectPartner.objects.filter(network=network).values("organisation_id")
    funder_ids = FundingLink.objects.filter(network=network, organisation__isnull=False).values("organisation_id")
    return Organisation.objects.filter(
        Q(pk__in=member_ids) | Q(pk__in=partner_ids) | Q(pk__in=funder_ids) | Q(created_in_network_id=network.pk)
    )


def organisation_suggestions(*, network, search, limit):
    """Up to `limit` of the organisations a typed name would find (network_organisations, as the partner,
    funder and site fields match them), whose name or acronym contains `search`, by name. Nothing for
    an empty search: the list is fetched as the user types, never whole."""
    search = search.strip()
    if not search:
        return []
    named = Q(name__icontains=search) | Q(acronym__icontains=search)
    return list(
        network_organisations(network=network).filter(named).order_by("name", "pk").values("name", "acronym")[:limit]
    )


# --- the activity log -----------------------------------------------------------------------------


def filter_entries(
    entries, *, search="", project=None, activities=(), kind="", status="", organisation=None, date_from=None,
    date_to=None,
):  # fmt: skip
    """The entries matching the activity log's filters (projects.forms.EntryFilterForm.filters()); blank
    means any. An entry's date is its start date. Deleted entries only for status="deleted"."""
    if status == "deleted":
        entries = entries.filter(deleted_at__isnull=False)
    else:
        entries = entries.filter(deleted_at__isnull=True)
        if status:
            entries = entries.filter(status=status)
    if search:
        entries = entries.annotate(_title=Cast("title", TextField())).filter(_title__icontains=search)
    if project is not None:
        entries = entries.filter(project=project)
    if activities:
        entries = entries.filter(activity__in=activities)
    if kind:
        entries = entries.filter(kind=kind)
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    if date_from:
        entries = entries.filter(start_date__gte=date_from)
    if date_to:
        entries = entries.filter(start_date__lte=date_to)
    return entries


def entry_list(*, network, user, filters):
    """The entries this user may see in the network, filtered, newest first, with what a row shows."""
    entries = filter_entries(visible_entries(user, network), **filters)
    return entries.select_related("project", "activity", "organisation").order_by("-start_date", "-pk")


def entry_in_network(*, network, pk):
    """The network's entry `pk` with what its page and the permission rules read, or None."""
    return (
        ActivityEntry.objects.filter(network=network, pk=pk)
        .select_related(
            "network",
            "project",
            "activity",
            "site",
            "organisation",
            "created_by",
            "submitted_by",
            "approved_by",
            "returned_by",
        )  # fmt: skip
        .first()
    )


@dataclass
class EntryPage:
    entry: ActivityEntry
    partners: list
    target_groups: list
    timeline: list  # audit.present rows, oldest first


# The references an entry's audit rows hold as ids, and how the timeline names them.
_ENTRY_REFERENCES = {
    "project": (Project, lambda p: p.acronym or str(p.title)),
    "activity": (Activity, str),
    "site": (Site, str),
    "partners": (Organisation, str),
    "target_groups": (TargetGroup, str),
}


def _name_references(rows, network):
    """Put names in place of the ids the entry's audit rows hold (in memory only): one query per kind of
    reference named, whatever the number of rows."""
    wanted = {key: set() for key in _ENTRY_REFERENCES}
    for row in rows:
        for values in (row.before, row.after):
            for key, ids in wanted.items():
                value = values.get(key)
                ids.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, int))
    names = {}
    for key, ids in wanted.items():
        model, name = _ENTRY_REFERENCES[key]
        manager = model._base_manager if model is Organisation else model.objects
        rows_of = manager.filter(pk__in=ids) if model is Organisation else manager.filter(network=network, pk__in=ids)
        names[key] = {row.pk: name(row) for row in rows_of} if ids else {}
    for row in rows:
        for values in (row.before, row.after):
            for key, known in names.items():
                value = values.get(key)
                if isinstance(value, list):
                    values[key] = [known.get(v, v) for v in value]
                elif isinstance(value, int):
                    values[key] = known.get(value, value)


def entry_page(*, entry):
    """What the entry's page shows beside the entry itself: its partners, target groups and the timeline
    of its audit log (who, when, what changed, the reason). A fixed number of queries, however long the
    timeline or the lists."""
    network = entry.network
    rows = list(
        AuditEntry.objects.filter(
            network=network, content_type=ContentType.objects.get_for_model(ActivityEntry), object_id=entry.pk
        )
        .select_related("acting_user", "content_type")
        .order_by("created_at", "pk")
    )
    for row in rows:
        if row.action == "entry.created":
            row.after = {}  # the entry as first saved: the page shows it as it is now
    _name_references(rows, network)
    return EntryPage(
        entry=entry,
        partners=list(entry.partners.order_by("name", "pk")),
        target_groups=list(entry.target_groups.order_by("position", "pk")),
        timeline=audit.present(rows, network=network),
    )
