"""An output's cover image and files: served (to whoever may read the output, 404 to everyone else, the
address naming the file's random key), and changed by its coordinators on the files page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from advocacy import selectors
from advocacy.forms import AttachmentForm, CoverForm
from advocacy.models import OutputAttachment
from advocacy.services import attachments as services
from advocacy.views.common import output_required, output_url
from portal import uploads
from portal.forms import add_service_errors


@require_safe
@output_required()
def output_cover(request, output, key):
    if not output.cover or key != output.cover_key:
        raise Http404
    shared = output.is_published and output.visibility == output.Visibility.PUBLIC and output.network.is_public
    return uploads.serve(output.cover, shared=shared, download_name="cover")


@require_safe
@output_required()
def output_file(request, output, key):
    """The file, as a download (images shown inline): never a type it was not checked to be."""
    attachment = OutputAttachment.objects.filter(network=output.network, output=output, key=key).first()
    if attachment is None:
        raise Http404
    return uploads.serve(attachment.file, shared=False, download_name=uploads.name_stem(attachment.original_name),
                         types=uploads.DOCUMENT_SERVED_TYPES)  # fmt: skip


def _files_page(request, output, cover_form=None, file_form=None, status=200):
    context = {
        "network": request.network, "output": output, "page": selectors.output_page(output=output),
        "cover_form": cover_form or CoverForm(), "file_form": file_form or AttachmentForm(),
    }  # fmt: skip
    return render(request, "advocacy/files.html", context, status=status)


@output_required("edit_output")
def output_files(request, output):
    """GET: the cover and the files with their upload forms; POST: attach a file."""
    if request.method != "POST":
        return _files_page(request, output)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            row = services.output_attachment_add(
                output=output, file=form.cleaned_data["file"], acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("“%(name)s” added.") % {"name": row.original_name})
            return redirect(output_url(output, "advocacy:output_files"))
    return _files_page(request, output, file_form=form)


@require_POST
@output_required("edit_output")
def output_cover_set(request, output):
    form = CoverForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.output_cover_set(output=output, image=form.cleaned_data["cover"], acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Cover image saved."))
            return redirect(output_url(output, "advocacy:output_files"))
    return _files_page(request, output, cover_form=form)


@require_POST
@output_required("edit_output")
def output_cover_remove(request, output):
    try:
        services.output_cover_remove(output=output, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("Cover image removed."))
    return redirect(output_url(output, "advocacy:output_files"))


@require_POST
@output_required("edit_output")
def output_file_delete(request, output, key):
    attachment = OutputAttachment.objects.filter(network=output.network, output=output, key=key).first()
    if attachment is None:
        raise Http404
    attachment.output = output
    try:
        services.output_attachment_remove(attachment=attachment, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": attachment.original_name})
    return redirect(output_url(output, "advocacy:output_files"))
