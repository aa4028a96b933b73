"""Who may see, write, comment on and submit advocacy outputs; registered into portal.permissions.

- The network's coordinators create, edit, publish and record submissions; they see every output.
- Drafts: the coordinators only. In review: whoever holds a role in the network reads it, its members
  (not observers) comment.
- Published: public outputs whoever can see the network; members-only outputs whoever holds a role in
  the network; restricted outputs those, and the people of the addressed institutions, through the
  django-guardian grant `advocacy.view_advocacyoutput` (advocacy.services.institutions gives it and
  takes it back). The grant is read from the database on every check, never memoised, so a removed
  address refuses at once. The people granted the output's project (its funders' people and its
  evaluators: projects.permissions.has_project_grant) read its published public and restricted outputs
  too, as they read its dashboard and reports; members-only outputs stay the members'.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermission

from advocacy.models import AdvocacyOutput
from network.models import Role
from network.permissions import can_view_network, has_role, network_role
from portal.permissions import rule
from projects.permissions import granted_projects, has_project_grant

VIEW_PERMISSION = "advocacy.view_advocacyoutput"
Status, Visibility = AdvocacyOutput.Status, AdvocacyOutput.Visibility


def _in_network(user, network):
    return user.is_staff or network_role(user, network) is not None


def has_grant(user, output):
    """The guardian grant on this output (asked of the database each time: guardian's backend builds a
    fresh checker per call, and nothing here remembers the answer)."""
    return user.is_authenticated and user.is_active and user.has_perm(VIEW_PERMISSION, output)


@rule
def can_view_output(user, output):
    network = output.network
    if has_role(user, network, Role.COORDINATOR):
        return True
    if output.status == Status.DRAFT:
        return False
    if output.status == Status.IN_REVIEW:
        return _in_network(user, network)
    if output.visibility == Visibility.PUBLIC and can_view_network(user, network):
        return True
    if _in_network(user, network):
        return True
    if output.visibility == Visibility.MEMBERS:
        return False
    return has_grant(user, output) or (output.project_id is not None and has_project_grant(user, output.project))


def granted_output_ids(user):
    """The ids of the outputs `user` holds the view grant on, as a subquery (guardian keeps object ids as
    text)."""
    content_type = ContentType.objects.get_for_model(AdvocacyOutput)
    return (
        UserObjectPermission.objects.filter(
            user=user, content_type=content_type, permission__codename="view_advocacyoutput"
        )
        .annotate(output_id=Cast("object_pk", BigIntegerField()))
        .values("output_id")
    )


def visible_outputs(user, network):
    """can_view_output as a queryset of the network's outputs, built from the same parts."""
    outputs = AdvocacyOutput.objects.filter(network=network)
    if has_role(user, network, Role.COORDINATOR):
        return outputs
    if _in_network(user, network):
        return outputs.exclude(status=Status.DRAFT)
    published = outputs.filter(status=Status.PUBLISHED)
    visible = Q(visibility=Visibility.PUBLIC) if can_view_network(user, network) else Q(pk__in=[])
    if user.is_authenticated and user.is_active:
        granted = Q(pk__in=granted_output_ids(user)) | Q(project__in=granted_projects(user, network))
        visible |= granted & ~Q(visibility=Visibility.MEMBERS)
    return published.filter(visible)


@rule(reason=_("Only the network's coordinators write advocacy outputs."))
def can_create_output(user, network):
    return has_role(user, network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators edit advocacy outputs."))
def can_edit_output(user, output):
    """The texts, recommendations, addressed institutions, review and publication."""
    return has_role(user, output.network, Role.COORDINATOR)


@rule(reason=_("The network's members comment on an output while it is in review."))
def can_comment_output(user, output):
    return output.status == Status.IN_REVIEW and has_role(user, output.network, Role.MEMBER)


@rule(reason=_("Only the network's coordinators record submissions and responses."))
def can_record_submission(user, output):
    return has_role(user, output.network, Role.COORDINATOR)


@rule(reason=_("The uptake ledger is for the organisations that are members of this network."))
def can_see_ledger(user, network):
    return _in_network(user, network)
