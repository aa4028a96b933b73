"""Reads for organisations and people."""

from django_scopes import scopes_disabled

from members.models import Affiliation, ColleagueInvitation
from network.models import Membership, Network


def organisation_public_memberships(*, organisation):
    """The organisation's active memberships in public networks.

    Crosses networks on purpose, with the scope off: it returns only what those public networks
    already show to every visitor, never a private network's rows.
    """
    with scopes_disabled():
        return list(
            Membership.objects.filter(
                organisation=organisation,
                status=Membership.Status.ACTIVE,
                network__visibility=Network.Visibility.PUBLIC,
            ).select_related("network")
        )


def organisation_people(*, organisation):
    return Affiliation.objects.filter(organisation=organisation).select_related("user").order_by("user__email")


def organisation_open_invitations(*, organisation):
    return ColleagueInvitation.objects.filter(organisation=organisation, accepted_at=None, revoked_at=None)
