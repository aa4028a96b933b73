"""Background jobs for people and organisations (not network-owned, so no tenant scope)."""

from celery import shared_task
from django.urls import reverse

from members.models import ColleagueInvitation
from portal import languages
from portal.celery import TransactionAwareTask
from portal.mail import absolute_url, send_once, templated_messages


@shared_task(base=TransactionAwareTask)
def send_colleague_invitation(*, invitation_id):
    invitation = ColleagueInvitation.objects.select_related("organisation", "invited_by").get(pk=invitation_id)
    if not invitation.is_open:
        return
    url = absolute_url(reverse("members:colleague_invitation", kwargs={"token": invitation.token}))
    # An address with no account (or one that chose no language) is invited in the inviter's language.
    messages = templated_messages(
        name="colleague_invitation",
        to=[invitation.email],
        context={"invitation": invitation, "url": url},
        language=languages.profile_language(invitation.invited_by),
    )
    # Claimed before sending, so a job that runs twice (redelivery, retry) sends one e-mail.
    send_once(ColleagueInvitation.objects.filter(pk=invitation.pk), marker="sent_at", messages=messages)
