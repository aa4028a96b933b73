"""An output's cover image and its files (the study in full, annexes, presentations, pictures).

Only who may edit the output (edit_output) changes them. Every file goes through portal.uploads.accept_file:
the size first, the type from the content against the rule's allow-list, images re-encoded; it is stored
under a random name through the storage API, and a replaced or removed file is deleted once the change
commits. A refused file stores nothing.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from advocacy.models import AdvocacyOutput, OutputAttachment
from advocacy.services.common import record
from portal import permissions, uploads

# A cover: a picture shown across the top of the output's page, so 1,600 pixels a side is plenty.
COVER_IMAGE = uploads.ImageRule(
    folder="advocacy/covers",
    types=("image/png", "image/jpeg", "image/webp"),
    max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES",
    max_pixels=40_000_000,
    max_side=1600,
)
COVER = uploads.DocumentRule(types=(), max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES", image=COVER_IMAGE)
# An output's files: the documents a network publishes (PDF, office formats, text) or pictures.
ATTACHMENT = uploads.DocumentRule(
    types=uploads.ENTRY_ATTACHMENT.types, max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES", image=uploads.ENTRY_IMAGE
)


def _lock(output):
    return AdvocacyOutput.objects.select_for_update().get(network_id=output.network_id, pk=output.pk)


def _accept(file, rule, field):
    if not file:
        raise ValidationError({field: _("Choose a file.")})
    try:
        return uploads.accept_file(file, rule)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


def output_cover_set(*, output, image, acting_user):
    """Make `image` (an uploaded file) the output's cover; the old cover's file goes once this commits."""
    permissions.require("edit_output", acting_user, output)
    accepted = _accept(image, COVER, "cover")
    with uploads.deleted_on_error() as written, transaction.atomic():
        output = _lock(output)
        old = output.cover.name or ""
        uploads.delete_after_commit(output.cover)
        written.store(output.cover, accepted)
        output.save(update_fields=["cover", "updated_at"])
        record(output, acting_user, "output.cover_changed", before={"cover": old or None},
               after={"cover": accepted.image.described})  # fmt: skip
    return output


@transaction.atomic
def output_cover_remove(*, output, acting_user):
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    if not output.cover:
        raise ValidationError({"cover": _("This output has no cover image.")})
    old = output.cover.name
    uploads.delete_after_commit(output.cover)
    output.cover = ""
    output.save(update_fields=["cover", "updated_at"])
    record(output, acting_user, "output.cover_changed", before={"cover": old}, after={"cover": None})
    return output


def output_attachment_add(*, output, file, acting_user):
    """Attach `file` (an uploaded file) to `output`. Returns the new OutputAttachment."""
    permissions.require("edit_output", acting_user, output)
    accepted = _accept(file, ATTACHMENT, "file")
    with uploads.deleted_on_error() as written, transaction.atomic():
        output = _lock(output)
        row = OutputAttachment(
            network=output.network, output=output, original_name=accepted.original_name,
            content_type=accepted.content_type, size=accepted.size, uploaded_by=acting_user,
        )  # fmt: skip
        written.store(row.file, accepted)
        row.key = uploads.key(row.file)
        row.save()
        record(output, acting_user, "output.file_added", after={"file": accepted.described})
    return row


@transaction.atomic
def output_attachment_remove(*, attachment, acting_user):
    """Remove a file from its output; the stored file is deleted once this commits."""
    output = attachment.output
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    row = OutputAttachment.objects.filter(network=output.network, output=output, pk=attachment.pk).first()
    if row is None:
        raise ValidationError(_("This file has already been removed."))
    record(output, acting_user, "output.file_removed", before={"file": uploads.describe(row.original_name, row.size)})
    uploads.delete_after_commit(row.file)
    row.delete()
    return output
