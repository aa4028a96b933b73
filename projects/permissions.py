"""Who may see and edit projects; registered into portal.permissions."""

from network.models import Role
from network.permissions import can_view_network, has_role, network_role
from portal.permissions import rule

# --- projects -------------------------------------------------------------------------------------


@rule
def can_view_project(user, project):
    """Public projects: whoever can see the network. Private ones: the network's members (any role),
    staff, and people granted `view_project` on that project (donors, through django-guardian)."""
    if project.is_public and can_view_network(user, project.network):
        return True
    if user.is_staff or network_role(user, project.network) is not None:
        return True
    return user.is_authenticated and user.has_perm("projects.view_project", project)


@rule
def can_see_private_projects(user, network):
    """List the network's private projects (the network page, the project list)."""
    return user.is_staff or network_role(user, network) is not None


@rule
def can_create_project(user, network):
    return has_role(user, network, Role.COORDINATOR)


@rule
def can_edit_project(user, project):
    """Facts, partners and the whole logframe: the network's coordinators."""
    return has_role(user, project.network, Role.COORDINATOR)
