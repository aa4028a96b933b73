"""Reads for organisations and people."""

from members.models import Affiliation, ColleagueInvitation


def organisation_people(*, organisation):
    return Affiliation.objects.filter(organisation=organisation).select_related("user").order_by("user__email")


def organisation_open_invitations(*, organisation):
    return ColleagueInvitation.objects.filter(organisation=organisation, accepted_at=None, revoked_at=None)
