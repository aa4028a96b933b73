"""Network jobs: e-mails about memberships and invitations. Each runs inside its network's scope."""

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

from network import selectors
from network.models import Invitation, Membership, PartnershipAgreement, Role
from portal.celery import NetworkTask
from portal.mail import absolute_url, send_templated_mail


def _coordinator_emails(network):
    # order_by() drops Membership's default ordering: its column would join the DISTINCT and send a
    # person who works for two coordinator organisations the same message twice.
    return list(
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, role=Role.COORDINATOR)
        .values_list("organisation__affiliations__user__email", flat=True)
        .exclude(organisation__affiliations__user__email=None)
        .order_by()
        .distinct()
    )


def _admin_emails(organisation):
    return list(organisation.affiliations.filter(is_admin=True).values_list("user__email", flat=True))


@shared_task(base=NetworkTask, acks_late=True)
def notify_join_request(network, *, membership_id):
    membership = Membership.objects.select_related("organisation", "requested_by").get(
        network=network, pk=membership_id
    )
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
    membership = Membership.objects.select_related("organisation").get(network=network, pk=membership_id)
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
    invitation = Invitation.objects.select_related("invited_by").get(network=network, pk=invitation_id)
    if not invitation.is_open:
        return
    url = absolute_url(reverse("network:invitation", kwargs={"token": invitation.token}))
    send_templated_mail(
        name="network_invitation",
        to=[invitation.email],
        context={"network": network, "invitation": invitation, "url": url},
    )


# --- partnership agreements ---------------------------------------------------------------------------


@shared_task(base=NetworkTask, acks_late=True)
def notify_agreement_expiry(network, *, agreement_id, days_left):
    """Tell the coordinators an agreement ends soon (queued once per threshold by the daily sweep)."""
    agreement = PartnershipAgreement.objects.filter(network=network, pk=agreement_id).first()
    if agreement is None or agreement.valid_until is None:
        return  # deleted, or made open-ended, since the sweep queued this
    url = absolute_url(
        reverse("network:agreement", kwargs={"network_slug": network.slug, "agreement_id": agreement.pk})
    )
    send_templated_mail(
        name="agreement_expiry",
        to=_coordinator_emails(network),
        context={"network": network, "agreement": agreement, "days_left": days_left, "url": url},
    )


@shared_task(base=NetworkTask, acks_late=True)
def remind_agreement_expiry(network, *, today=None):
    """One network's expiry reminders, inside its scope (entered by NetworkTask, not by the service)."""
    # network.services imports this module to queue its e-mails, so it is imported when the job runs.
    from network.services.agreements import agreement_expiry_remind

    return agreement_expiry_remind(network=network, today=today)


def agreement_expiry_reminders(*, today=None):
    """Every network's expiry reminders for `today`: [(agreement id, days left)] queued.

    The cross-network part is only the selector that names the networks with work; each network's part
    runs as remind_agreement_expiry, called here in-process, so NetworkTask enters that network's scope.
    """
    from network.services.agreements import REMINDER_THRESHOLDS

    today = today or timezone.localdate()
    queued = []
    for network_id in selectors.networks_with_agreements_due(today=today, thresholds=REMINDER_THRESHOLDS):
        queued += remind_agreement_expiry(network_id=network_id, today=today)
    return queued


@shared_task(acks_late=True)
def agreement_expiry_sweep():
    """Daily (CELERY_BEAT_SCHEDULE): queue the 60- and 14-day expiry reminders in every network."""
    return len(agreement_expiry_reminders())
