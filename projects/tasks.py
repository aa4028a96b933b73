"""Projects jobs: the e-mail telling a submitter their activity log entry was approved or returned, the
thumbnails of images attached to entries, the activity log's XLSX exports too large to build during a
request, and the search documents of an organisation's entries after its name changed.

Callers pass the network's id as `network=` (portal.celery.NetworkTask). Each decision is sent once: the
job claims its marker on the entry first (portal.mail.send_once).
"""

import os
import tempfile

from celery import shared_task
from django.core.files import File
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from portal.celery import NetworkTask
from portal.mail import absolute_url, send_once, templated_messages
from projects import exports, search, selectors
from projects.models import ActivityEntry, EntryAttachment, EntryExport

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
    # In the submitter's language; the network's for someone who chose none.
    messages = templated_messages(
        name="entry_decision",
        to=[submitter],
        context={"network": network, "entry": entry, "url": url},
        language=network.language,
    )
    send_once(
        ActivityEntry.objects.filter(pk=entry.pk, network=network),
        marker=DECISION_MARKERS[entry.status],
        messages=messages,
    )


@shared_task(base=NetworkTask)
def make_entry_thumbnail(*, network, attachment_id):
    """The thumbnail of an image attached to an entry (queued when it is stored). Idempotent: a row already
    with its thumbnail, or removed since, is left alone (projects.services.attachments)."""
    from projects.services.attachments import attachment_make_thumbnail

    attachment = EntryAttachment.objects.filter(network=network, pk=attachment_id).first()
    if attachment is None:
        return
    attachment_make_thumbnail(attachment=attachment)


@shared_task(base=NetworkTask)
def export_entries(*, network, export_id):
    """Build an EntryExport's file from its filters, as its requester sees the list, store it, and e-mail
    the requester the link. A second run of a finished export does nothing."""
    claimed = EntryExport.objects.filter(network=network, pk=export_id, status=EntryExport.Status.QUEUED).update(
        status=EntryExport.Status.RUNNING, started_at=timezone.now()
    )
    export = EntryExport.objects.select_related("requested_by").filter(network=network, pk=export_id).first()
    if export is None:
        return
    if claimed:
        _build(export, network)
    if export.status == EntryExport.Status.DONE:
        _notify_export(export, network)


def _build(export, network):
    # Imported here: the forms import the services, which import these tasks.
    from projects.forms import EntryFilterForm

    params = QueryDict(mutable=True)
    for key, values in (export.filters or {}).items():
        params.setlist(key, [str(value) for value in values])
    form = EntryFilterForm(params, network=network, user=export.requested_by)
    entries = selectors.entry_list(network=network, user=export.requested_by, filters=form.filters())
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        count = exports.write_xlsx(exports.export_rows(entries), path)
        with open(path, "rb") as content:
            export.file.save("export.xlsx", File(content), save=False)
        export.row_count, export.status = count, EntryExport.Status.DONE
    except Exception as error:
        export.status, export.error = EntryExport.Status.FAILED, str(error)[:1000]
        raise
    finally:
        os.unlink(path)
        export.finished_at = timezone.now()
        export.save(update_fields=["file", "row_count", "status", "error", "finished_at"])


def _notify_export(export, network):
    user = export.requested_by
    if not user.email:
        return
    url = absolute_url(reverse("projects:entry_export", kwargs={"network_slug": network.slug, "export_id": export.pk}))
    messages = templated_messages(
        name="entry_export_ready",
        to=[user],
        context={"network": network, "export": export, "url": url},
        language=network.language,
    )
    send_once(EntryExport.objects.filter(pk=export.pk, network=network), marker="notified_at", messages=messages)


DOCUMENTS_PER_BATCH = 500


@shared_task(base=NetworkTask)
def refresh_organisation_documents(*, network, organisation_id):
    """Refresh the search documents (projects.search) of the network's entries logged by the organisation,
    whose name or acronym changed (ProjectsConfig.ready() queues it after the commit), in batches of bulk
    updates. Idempotent: a second run writes the same documents."""
    entries = (
        ActivityEntry.objects.filter(network=network, organisation_id=organisation_id)
        .select_related("organisation")
        .only(
            "pk", "title", "description", "outcomes", "search_document", "organisation__name", "organisation__acronym"
        )  # fmt: skip
        .order_by("pk")
    )
    changed = []
    for entry in entries.iterator(chunk_size=DOCUMENTS_PER_BATCH):
        document = search.entry_document(entry)
        if document != entry.search_document:
            entry.search_document = document
            changed.append(entry)
        if len(changed) >= DOCUMENTS_PER_BATCH:
            ActivityEntry.objects.bulk_update(changed, ["search_document"])
            changed = []
    if changed:
        ActivityEntry.objects.bulk_update(changed, ["search_document"])
