"""An activity log entry's attachments and photos: the files themselves (to those who may see the entry),
their thumbnails, and adding and removing them (to those who may edit it).

The files are served by portal.uploads.serve under the entry's address and the file's random key, so
nobody reaches one by guessing and the scope middleware's 404 for a network one may not see applies. A
file answers 404 to everyone who may not see its entry, visitors included: a file is no page to log in to.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from portal import permissions, uploads
from portal.forms import add_service_errors
from projects import selectors
from projects.forms import AttachmentsForm
from projects.models import EntryAttachment
from projects.services import attachments as services


def _seen_attachment(request, entry_id, key):
    """The file, if this user may see its entry; 404 for everyone else, as for a file that does not exist."""
    entry = selectors.entry_in_network(network=request.network, pk=entry_id)
    if entry is None or not permissions.check("see_entry", request.user, entry):
        raise Http404
    attachment = EntryAttachment.objects.filter(network=request.network, entry=entry, key=key).first()
    if attachment is None:
        raise Http404
    return attachment


def _entry_page(entry):
    """The entry's page, at its files section: where a change of files goes back to."""
    kwargs = {"network_slug": entry.network.slug, "entry_id": entry.pk}
    return reverse("projects:entry_detail", kwargs=kwargs) + "#files"


@require_safe
@permissions.network_required("view_network")
def entry_file(request, network_slug, entry_id, key):
    """The file, as a download (images shown inline): never a type it was not checked to be."""
    attachment = _seen_attachment(request, entry_id, key)
    return uploads.serve(
        attachment.file, shared=False, download_name=uploads.name_stem(attachment.original_name),
        types=uploads.DOCUMENT_SERVED_TYPES,
    )  # fmt: skip


@require_safe
@permissions.network_required("view_network")
def entry_file_thumbnail(request, network_slug, entry_id, key):
    """An image's thumbnail, once the job has made it (404 until then)."""
    attachment = _seen_attachment(request, entry_id, key)
    if not attachment.thumbnail:
        raise Http404
    return uploads.serve(attachment.thumbnail, shared=False, download_name=uploads.name_stem(attachment.original_name))


def _editable_entry(request, entry_id):
    entry = selectors.entry_in_network(network=request.network, pk=entry_id)
    entry = permissions.ensure_visible(request, "see_entry", entry)
    permissions.ensure(request, "edit_entry", entry)
    return entry


@permissions.network_required("view_network")
def entry_file_add(request, network_slug, entry_id):
    """GET: the entry's files with the upload form; POST: attach the files chosen (all or none), then back
    to the entry's page; a refusal shows this page again with the messages next to the fields."""
    entry = _editable_entry(request, entry_id)
    form = AttachmentsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = services.entry_files_add(entry=entry, acting_user=request.user, **form.files_to_add())
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            count = len(rows)
            messages.success(
                request, ngettext("%(count)s file added.", "%(count)s files added.", count) % {"count": count}
            )
            return redirect(_entry_page(entry))
    return render(
        request,
        "projects/entries/files.html",
        {
            "network": request.network,
            "entry": entry,
            "attachments": selectors.entry_attachments(network=request.network, entry=entry),
            "attachments_form": form,
        },
    )


@require_POST
@permissions.network_required("view_network")
def entry_file_delete(request, network_slug, entry_id, key):
    entry = _editable_entry(request, entry_id)
    attachment = EntryAttachment.objects.filter(network=request.network, entry=entry, key=key).first()
    if attachment is None:
        raise Http404
    try:
        services.attachment_delete(attachment=attachment, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": attachment.original_name})
    return redirect(_entry_page(entry))
