"""Network jobs: e-mails about memberships, invitations and agreements, each inside its network's scope.

Callers pass the network's id as `network=` (see portal.celery.NetworkTask). Each e-mail is sent once:
the job claims a marker on its row first (portal.mail.send_once), so a redelivered or retried job that
already sent finds the marker set and sends nothing.
"""

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

from network import selectors
from network.models import Invitation, Membership, PartnershipAgreement, Role
from portal import languages
from portal.celery import NetworkTask, TransactionAwareTask
from portal.mail import absolute_url, send_once, templated_messages


def _coordinator_emails(network):
    # order_by(): no ordering column may join the DISTINCT (it would send a person who works for two
    # coordinator organisations the same message twice), should a default ordering come back.
    return list(
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, role=Role.COORDINATOR)
        .values_list("organisation__affiliations__user__email", flat=True)
        .exclude(organisation__affiliations__user__email=None)
        .order_by()
        .distinct()
    )


def _row(model, obj, network):
    """The one row a job claims its marker on, named with its network as well as its id."""
    return model.objects.filter(pk=obj.pk, network=network)


def _admin_emails(organisation):
    return list(organisation.affiliations.filter(is_admin=True).values_list("user__email", flat=True))


@shared_task(base=NetworkTask)
def notify_join_request(*, network, membership_id):
    membership = Membership.objects.select_related("organisation", "requested_by").get(
        pk=membership_id, network=network
    )
    if membership.status != Membership.Status.REQUESTED:
        return
    # The page where they act, at this request's row.
    url = absolute_url(reverse("network:manage_members", kwargs={"network_slug": network.slug}))
    url += f"#request-{membership.pk}"
    messages = templated_messages(
        name="join_request",
        to=_coordinator_emails(network),
        context={"network": network, "membership": membership, "url": url},
        language=network.language,  # for a coordinator who chose no language
    )
    send_once(_row(Membership, membership, network), marker="request_notified_at", messages=messages)


@shared_task(base=NetworkTask)
def notify_membership_decision(*, network, membership_id):
    membership = Membership.objects.select_related("organisation").get(pk=membership_id, network=network)
    url = absolute_url(reverse("network:workspace", kwargs={"network_slug": network.slug}))
    recipients = set(_admin_emails(membership.organisation))
    if membership.requested_by_id:
        recipients.add(membership.requested_by.email)
    messages = templated_messages(
        name="membership_decision",
        to=sorted(recipients),
        context={"network": network, "membership": membership, "url": url},
        language=network.language,
    )
    send_once(_row(Membership, membership, network), marker="decision_notified_at", messages=messages)


@shared_task(base=NetworkTask)
def send_invitation(*, network, invitation_id):
    invitation = Invitation.objects.select_related("invited_by").get(pk=invitation_id, network=network)
    if not invitation.is_open:
        return
    url = absolute_url(reverse("network:invitation", kwargs={"token": invitation.token}))
    messages = templated_messages(
        name="network_invitation",
        to=[invitation.email],
        # The personal message only from a trusted account (selectors.invitation_message says which).
        context={
            "network": network,
            "invitation": invitation,
            "message": selectors.invitation_message(invitation),
            "url": url,
        },
        # An address with no account (or one that chose no language) is invited in the network's language,
        # else the inviter's.
        language=languages.supported(network.language) or languages.profile_language(invitation.invited_by),
    )
    send_once(_row(Invitation, invitation, network), marker="sent_at", messages=messages)


# --- partnership agreements ---------------------------------------------------------------------------


@shared_task(base=NetworkTask)
def notify_agreement_expiry(*, network, agreement_id, days_left):
    """Tell the coordinators an agreement ends soon: once per threshold, however often the sweep queues it.

    The nearest threshold reached is the claim; wider ones are marked too (one e-mail, not a stale one
    per threshold), and all are released again if sending fails.
    """
    agreement = PartnershipAgreement.objects.filter(pk=agreement_id, network=network).first()
    if agreement is None or agreement.valid_until is None:
        return  # deleted, or made open-ended, since the sweep queued this
    reached = [marker for days, marker in PartnershipAgreement.REMINDER_THRESHOLDS if days_left <= days]
    if not reached:
        return
    nearest, *wider = reached
    url = absolute_url(
        reverse("network:agreement", kwargs={"network_slug": network.slug, "agreement_id": agreement.pk})
    )
    messages = templated_messages(
        name="agreement_expiry",
        to=_coordinator_emails(network),
        context={"network": network, "agreement": agreement, "days_left": days_left, "url": url},
        language=network.language,
    )
    if send_once(_row(PartnershipAgreement, agreement, network), marker=nearest, also=wider, messages=messages):
        from network.services.agreements import agreement_expiry_reminded

        agreement_expiry_reminded(network=network, agreement=agreement, days_left=days_left)


@shared_task(base=NetworkTask)
def remind_agreement_expiry(*, network, today=None):
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
        queued += remind_agreement_expiry(network=network_id, today=today)
    return queued


@shared_task(base=TransactionAwareTask)
def agreement_expiry_sweep():
    """Daily (CELERY_BEAT_SCHEDULE): queue the 60- and 14-day expiry reminders in every network."""
    return len(agreement_expiry_reminders())
