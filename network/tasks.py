"""Network jobs: e-mails about memberships and invitations. Each runs inside its network's scope."""

from celery import shared_task
from django.urls import reverse

from network.models import Invitation, Membership, Role
from portal.celery import NetworkTask
from portal.mail import absolute_url, send_templated_mail


def _coordinator_emails(network):
    return list(
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, role=Role.COORDINATOR)
        .values_list("organisation__affiliations__user__email", flat=True)
        .exclude(organisation__affiliations__user__email=None)
        .distinct()
    )


def _admin_emails(organisation):
    return list(organisation.affiliations.filter(is_admin=True).values_list("user__email", flat=True))


@shared_task(base=NetworkTask, acks_late=True)
def notify_join_request(network, *, membership_id):
    membership = Membership.objects.select_related("organisation", "requested_by").get(pk=membership_id)
    if membership.status != Membership.Status.REQUESTED:
        return
    url = absolute_url(reverse("network:manage_members", kwargs={"network_slug": network.slug}))
    send_templated_mail(
        name="join_request",
        to=_coordinator_emails(network),
        context={"network": network, "membership": membership, "url": url},
    )


@shared_task(base=NetworkTask, acks_late=True)
def notify_membership_decision(network, *, membership_id):
    membership = Membership.objects.select_related("organisation").get(pk=membership_id)
    url = absolute_url(reverse("network:workspace", kwargs={"network_slug": network.slug}))
    recipients = set(_admin_emails(membership.organisation))
    if membership.requested_by_id:
        recipients.add(membership.requested_by.email)
    send_templated_mail(
        name="membership_decision",
        to=sorted(recipients),
        context={"network": network, "membership": membership, "url": url},
    )


@shared_task(base=NetworkTask, acks_late=True)
def send_invitation(network, *, invitation_id):
    invitation = Invitation.objects.select_related("invited_by").get(pk=invitation_id)
    if not invitation.is_open:
        return
    url = absolute_url(reverse("network:invitation", kwargs={"token": invitation.token}))
    send_templated_mail(
        name="network_invitation",
        to=[invitation.email],
        context={"network": network, "invitation": invitation, "url": url},
    )
