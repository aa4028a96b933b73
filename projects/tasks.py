"""Projects jobs: the e-mail telling a submitter their activity log entry was approved or returned.

Callers pass the network's id as `network=` (portal.celery.NetworkTask). Each decision is sent once: the
job claims its marker on the entry first (portal.mail.send_once).
"""

from celery import shared_task
from django.urls import reverse

from portal.celery import NetworkTask
from portal.mail import absolute_url, send_once, templated_messages
from projects.models import ActivityEntry

# The marker each decision claims.
DECISION_MARKERS = {
    ActivityEntry.Status.APPROVED: "approved_notified_at",
    ActivityEntry.Status.RETURNED: "returned_notified_at",
}


@shared_task(base=NetworkTask)
def notify_entry_decision(*, network, entry_id):
    entry = (
        ActivityEntry.objects.select_related("submitted_by", "created_by", "project")
        .filter(pk=entry_id, network=network)
        .first()
    )
    if entry is None or entry.is_deleted or entry.status not in DECISION_MARKERS:
        return  # deleted, or submitted again, since the decision was queued
    submitter = entry.submitted_by or entry.created_by
    if submitter is None or not submitter.email:
        return
    url = absolute_url(reverse("projects:entry_detail", kwargs={"network_slug": network.slug, "entry_id": entry.pk}))
    messages = templated_messages(
        name="entry_decision", to=[submitter.email], context={"network": network, "entry": entry, "url": url}
    )
    send_once(
        ActivityEntry.objects.filter(pk=entry.pk, network=network),
        marker=DECISION_MARKERS[entry.status],
        messages=messages,
    )
