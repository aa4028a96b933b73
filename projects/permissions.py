"""Who may see and edit projects; registered into portal.permissions.

The visibility rule's predicate (can_view_project) and its queryset (visible_projects) sit side by side.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_objects_for_user

from network.models import Role
from network.permissions import can_view_network, has_role, network_role
from portal.permissions import rule
from projects.models import Project

# --- projects -------------------------------------------------------------------------------------


@rule
def can_view_project(user, project):
    """Public projects: whoever can see the network. Private ones: the network's members (any role),
    staff, and people granted `view_project` on that project (donors, through django-guardian)."""
    if project.is_public and can_view_network(user, project.network):
        return True
    if can_see_private_projects(user, project.network):
        return True
    return user.is_authenticated and user.has_perm("projects.view_project", project)


def visible_projects(user, network):
    """can_view_project as a queryset of the network's projects, built from the same parts."""
    projects = Project.objects.filter(network=network)
    if can_see_private_projects(user, network):
        return projects
    visible = Q(visibility=Project.Visibility.PUBLIC) if can_view_network(user, network) else Q(pk__in=[])
    if user.is_authenticated:
        granted = get_objects_for_user(
            user, "projects.view_project", klass=projects, accept_global_perms=False, with_superuser=False
        )
        visible |= Q(pk__in=granted.values("pk"))
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
