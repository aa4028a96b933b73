"""Reads for networks and memberships that are more than a get. Each names the network it reads."""

from django.db.models import Count, Prefetch, Q
from django_scopes import scopes_disabled

from members.models import Affiliation
from network.models import Invitation, Membership, Network, NetworkObjective


def networks_directory(*, user):
    """Public networks, plus private ones the user belongs to, with their active member counts."""
    visible = Q(visibility=Network.Visibility.PUBLIC)
    if user.is_authenticated:
        mine = Network.objects.filter(
            memberships__status=Membership.Status.ACTIVE, memberships__organisation__affiliations__user=user
        ).values("pk")
        visible |= Q(pk__in=mine)
    return Network.objects.filter(visible).annotate(
        member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE), distinct=True)
    ).order_by("name")


def network_objectives(*, network):
    return NetworkObjective.objects.filter(network=network)


def network_members(*, network):
    """Active memberships with their organisations, coordinators first."""
    return (
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )


def network_workspace_members(*, network):
    """Active and suspended members with the people of each organisation (for the workspace)."""
    people = Prefetch("organisation__affiliations", queryset=Affiliation.objects.select_related("user"))
    return (
        Membership.objects.filter(
            network=network, status__in=[Membership.Status.ACTIVE, Membership.Status.SUSPENDED]
        )
        .select_related("organisation")
        .prefetch_related(people)
        .order_by("role", "organisation__name")
    )


def pending_requests(*, network):
    return (
        Membership.objects.filter(network=network, status=Membership.Status.REQUESTED)
        .select_related("organisation", "requested_by")
        .order_by("requested_at")
    )


def open_invitations(*, network):
    return Invitation.objects.filter(network=network, accepted_at=None, revoked_at=None).select_related("invited_by")


def memberships_of_organisations(*, network, organisation_ids):
    return Membership.objects.filter(network=network, organisation_id__in=organisation_ids).select_related(
        "organisation"
    )


def home_for_user(*, user):
    """The signed-in home page: the user's organisations and their memberships in every network.

    This one read crosses networks on purpose: it lists only rows of the user's own organisations.
    """
    affiliations = list(user.affiliations.select_related("organisation"))
    with scopes_disabled():
        memberships = list(
            Membership.objects.filter(organisation__affiliations__user=user)
            .exclude(status__in=[Membership.Status.WITHDRAWN])
            .select_related("network", "organisation")
            .order_by("network__name")
            .distinct()
        )
        invitations = list(
            Invitation.objects.filter(email__iexact=user.email, accepted_at=None, revoked_at=None).select_related(
                "network"
            )
        )
    return {
        "affiliations": affiliations,
        "memberships": memberships,
        "invitations": [i for i in invitations if i.is_open],
    }
