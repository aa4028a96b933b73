"""Who may see and edit projects; registered into portal.permissions.

The visibility rule's predicate (can_view_project) and its queryset (visible_projects) sit side by side.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scope, scopes_disabled
from guardian.shortcuts import get_objects_for_user

from members.permissions import organisation_ids
from network.models import Network, Role
from network.permissions import can_view_network, has_role, network_role
from portal.permissions import memo, rule
from projects.models import ActivityEntry, Project, ProjectEvaluator, ProjectPartner

# --- projects -------------------------------------------------------------------------------------


@rule
def can_view_project(user, project):
    """Public projects: whoever can see the network. Private ones: the network's members (any role),
    staff, and people granted `view_project` on that project (donors, through django-guardian)."""
    if project.is_public and can_view_network(user, project.network):
        return True
    if can_see_private_projects(user, project.network):
        return True
    return has_project_grant(user, project)


def has_project_grant(user, project):
    """The user was granted this one project: a funder's people (django-guardian `view_project`, given and
    taken back by projects.grants) or a named evaluator whose end date is today or later
    (projects.services.evaluators). Each is asked of the database once per request and remembered for
    it (a dashboard asks it of its sections again): a grant removed, or an evaluator removed or expired,
    refuses from the next request on."""
    if not (user.is_authenticated and user.is_active):
        return False
    if project.pk in evaluated_project_ids(user):
        return True
    return memo(user, ("view_project", project.pk), lambda: user.has_perm("projects.view_project", project))


def evaluated_project_ids(user):
    """The projects (of any network) `user` is an evaluator of today: one query, remembered for the request."""

    def compute():
        # Across networks on purpose: an evaluator belongs to none of them; only ids leave this read.
        with scopes_disabled():
            return frozenset(
                ProjectEvaluator.objects.filter(user=user, until__gte=timezone.localdate()).values_list(
                    "project_id", flat=True
                )
            )

    return memo(user, ("evaluated_projects", timezone.localdate()), compute)


def granted_projects(user, network):
    """has_project_grant as a queryset of the network's projects (their pks, for a subquery)."""
    projects = Project.objects.filter(network=network)
    if not (user.is_authenticated and user.is_active):
        return projects.none().values("pk")
    funded = get_objects_for_user(
        user, "projects.view_project", klass=projects, accept_global_perms=False, with_superuser=False
    )
    evaluated = ProjectEvaluator.objects.filter(network=network, user=user, until__gte=timezone.localdate())
    return projects.filter(Q(pk__in=funded.values("pk")) | Q(pk__in=evaluated.values("project_id"))).values("pk")


@rule
def can_view_dashboard(user, project):
    """A project's dashboard: the network's members (any role), staff, and the people granted the project
    (its funders' people, named evaluators), whether or not the project is public: it shows the figures
    a funder is given, not a public page."""
    return can_see_private_projects(user, project.network) or has_project_grant(user, project)


@rule(reason=_("The network's dashboard is for the organisations that are members of this network."))
def can_view_network_dashboard(user, network):
    """A network's dashboard: its members (any role) and staff."""
    return user.is_staff or network_role(user, network) is not None


def visible_projects(user, network):
    """can_view_project as a queryset of the network's projects, built from the same parts."""
    projects = Project.objects.filter(network=network)
    if can_see_private_projects(user, network):
        return projects
    visible = Q(visibility=Project.Visibility.PUBLIC) if can_view_network(user, network) else Q(pk__in=[])
    if user.is_authenticated:
        visible |= Q(pk__in=granted_projects(user, network))
    return projects.filter(visible)


@rule
def can_see_private_projects(user, network):
    """List the network's private projects (the network page, the project list)."""
    return user.is_staff or network_role(user, network) is not None


@rule(reason=_("Only the network's coordinators add projects."))
def can_create_project(user, network):
    return has_role(user, network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators edit projects."))
def can_edit_project(user, project):
    """Facts, partners and the whole logframe: the network's coordinators."""
    return has_role(user, project.network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators decide who outside the network may read a project."))
def can_manage_project_access(user, project):
    """The project's access page: who holds a funder's grant, and the evaluators they add, change and remove."""
    return has_role(user, project.network, Role.COORDINATOR)


@rule(reason=_("Log in to see the projects your organisations fund."))
def can_view_portfolio(user, _obj=None):
    """The donor portfolio (/portfolio/): any signed-in person. It lists only the projects their own
    organisations fund (projects.funders); someone whose organisations fund none is told whom it is for."""
    return user.is_authenticated


# --- the activity log -----------------------------------------------------------------------------


def _partners_include(user, project):
    """One of the user's organisations is among the project's partners (any role)."""
    ids = organisation_ids(user)
    if not ids:
        return False

    def compute():
        with scope(network=project.network):
            return ProjectPartner.objects.filter(
                network=project.network, project=project, organisation_id__in=ids
            ).exists()

    return memo(user, ("partner_of", project.pk), compute)


@rule(
    reason=_(
        "Coordinators log activities anywhere in the network; members for network-level work and for the "
        "projects their organisation is a partner of."
    )
)
def can_log_entry(user, target):
    """`target` is the network (network-level work, or "may log at all") or one of its projects."""
    network = target if isinstance(target, Network) else target.network
    if has_role(user, network, Role.COORDINATOR):
        return True
    if not has_role(user, network, Role.MEMBER):
        return False
    return isinstance(target, Network) or _partners_include(user, target)


def _is_entry_organisation(user, entry):
    return entry.organisation_id in organisation_ids(user) and has_role(user, entry.network, Role.MEMBER)


@rule(reason=_("Only the organisation that logged an entry changes it, while it is a draft or returned."))
def can_edit_entry(user, entry):
    """Coordinators always; the logging organisation's people while the entry is a draft or returned."""
    if entry.is_deleted:
        return False
    if has_role(user, entry.network, Role.COORDINATOR):
        return True
    return entry.is_editable and _is_entry_organisation(user, entry)


@rule(reason=_("Only the organisation that logged an entry, or a coordinator, takes it back."))
def can_withdraw_entry(user, entry):
    """Take a submitted entry back to draft: its organisation's people and the coordinators."""
    if entry.is_deleted:
        return False
    return has_role(user, entry.network, Role.COORDINATOR) or _is_entry_organisation(user, entry)


@rule(reason=_("Only the network's coordinators approve or return activity log entries."))
def can_review_entry(user, entry):
    return not entry.is_deleted and has_role(user, entry.network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators approve or return activity log entries."))
def can_review_entries(user, network):
    """Decide on entries at all: the queue of entries waiting for approval, approving several at once, and
    the API's approve and return (asked of the network before the entry's own review_entry)."""
    return has_role(user, network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators delete activity log entries."))
def can_delete_entry(user, entry):
    return not entry.is_deleted and has_role(user, entry.network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators restore deleted activity log entries."))
def can_restore_entry(user, entry):
    return entry.is_deleted and has_role(user, entry.network, Role.COORDINATOR)


@rule
def can_see_entry(user, entry):
    """Approved entries: whoever may see their project (or, network-level, the network). Drafts,
    submitted and returned ones: the logging organisation's people and the coordinators. Deleted ones:
    the coordinators."""
    if has_role(user, entry.network, Role.COORDINATOR):
        return True
    if entry.is_deleted:
        return False
    if entry.status == ActivityEntry.Status.APPROVED:
        return can_view_project(user, entry.project) if entry.project_id else can_view_network(user, entry.network)
    return _is_entry_organisation(user, entry)


def visible_entries(user, network):
    """can_see_entry as a queryset of the network's entries, built from the same parts. Coordinators get
    the deleted ones too; lists leave those out unless asked (projects.selectors.filter_entries)."""
    entries = ActivityEntry.objects.filter(network=network)
    if has_role(user, network, Role.COORDINATOR):
        return entries
    visible = Q(status=ActivityEntry.Status.APPROVED)
    if not can_see_private_projects(user, network):
        # Some of the network's projects only. Those who see them all (its members, staff) see every
        # approved entry: an entry's project is of its network, and they see the network too. Said so,
        # without a subquery of all the projects, the list walks its date index (entry_network_date).
        network_level = Q(project__isnull=True) if can_view_network(user, network) else Q(pk__in=[])
        visible &= Q(project__in=visible_projects(user, network).values("pk")) | network_level
    if has_role(user, network, Role.MEMBER):
        visible |= Q(organisation_id__in=organisation_ids(user))
    return entries.filter(visible, deleted_at__isnull=True)


# --- reporting-period locks -----------------------------------------------------------------------


@rule
def can_see_period_locks(user, network):
    """Which periods are closed: whoever works in the network (any role), so they know why an edit is refused."""
    return network_role(user, network) is not None


@rule(reason=_("Only the network's coordinators lock reporting periods."))
def can_lock_period(user, network):
    return has_role(user, network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators reopen a locked reporting period."))
def can_reopen_period(user, lock):
    return lock.is_active and has_role(user, lock.network, Role.COORDINATOR)


# --- the activity log's exports and imports -------------------------------------------------------------


@rule(reason=_("Sign in to download the activity log."))
def can_export_entries(user, network):
    """Download the list as CSV or XLSX: signed-in people who may see the network; each gets the rows
    the list shows them (visible_entries)."""
    return user.is_authenticated and can_view_network(user, network)


@rule
def can_see_entry_export(user, export):
    """A background export's page and file: the person who asked for it, and the network's coordinators."""
    if not user.is_authenticated:
        return False
    return export.requested_by_id == user.pk or has_role(user, export.network, Role.COORDINATOR)
