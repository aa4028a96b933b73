"""Background jobs for people and organisations (not network-owned, so no tenant scope)."""

from celery import shared_task
from django.urls import reverse

from members.models import ColleagueInvitation
from portal.mail import absolute_url, send_templated_mail


@shared_task(acks_late=True, autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_colleague_invitation(*, invitation_id):
    invitation = ColleagueInvitation.objects.select_related("organisation", "invited_by").get(pk=invitation_id)
    if not invitation.is_open:
        return
    url = absolute_url(reverse("members:colleague_invitation", kwargs={"token": invitation.token}))
    send_templated_mail(
        name="colleague_invitation", to=[invitation.email], context={"invitation": invitation, "url": url}
    )
