"""Attachments and photos of activity log entries.

Who may edit an entry may attach files to it and remove them (the rule edit_entry). Every file goes through
portal.uploads (size first, type from the content, images re-encoded) and a batch is all or nothing: every
file is checked before any is stored, and if anything fails the files already written are deleted again.
Images get their thumbnail from a background job once the batch commits (projects.tasks).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal import audit, permissions, uploads
from projects import tasks
from projects.models import ActivityEntry, EntryAttachment
from projects.services.periods import require_open

# The form field (and the ValidationError's key) and the upload rule of each kind.
FIELDS = {EntryAttachment.Kind.ATTACHMENT: "attachments", EntryAttachment.Kind.PHOTO: "photos"}
RULES = {EntryAttachment.Kind.ATTACHMENT: uploads.ENTRY_ATTACHMENT, EntryAttachment.Kind.PHOTO: uploads.ENTRY_PHOTO}


def _lock(entry):
    """The entry, locked: two batches for one entry are counted one after the other."""
    return ActivityEntry.objects.select_for_update().get(network_id=entry.network_id, pk=entry.pk)


def _check_count(entry, count, field):
    limit = settings.UPLOAD_ENTRY_MAX_FILES
    held = EntryAttachment.objects.filter(network_id=entry.network_id, entry=entry).count()
    if held + count <= limit:
        return
    if held >= limit:
        message = _("This entry already holds %(limit)s files, the most an entry may hold. Remove one first.")
    else:
        message = _(
            "An entry may hold %(limit)s files (attachments and photos together); this one holds %(held)s, so "
            "%(left)s more may be added, not %(count)s."
        )
    raise ValidationError({field: message % {"limit": limit, "held": held, "left": limit - held, "count": count}})


def _accept_all(files, rule, field, errors):
    """Every file checked against `rule` before any is stored; the refusals go to `errors[field]`, each
    naming its file."""
    accepted = []
    for file in files:
        try:
            accepted.append(uploads.accept_file(file, rule))
        except ValidationError as error:
            name = uploads.clean_name(getattr(file, "name", "")) or _("(a file without a name)")
            reason = " ".join(error.messages)
            errors.setdefault(field, []).append(_("“%(name)s”: %(reason)s") % {"name": name, "reason": reason})
    return accepted


def _store(entry, kind, accepted, acting_user, written):
    image = accepted.image
    row = EntryAttachment(
        network=entry.network, entry=entry, kind=kind, original_name=accepted.original_name,
        content_type=accepted.content_type, size=accepted.size, uploaded_by=acting_user,
        width=image.width if image else None, height=image.height if image else None,
    )  # fmt: skip
    written.store(row.file, accepted)
    row.key = uploads.key(row.file)
    row.save()
    if image is not None:
        tasks.make_entry_thumbnail.delay(network=entry.network_id, attachment_id=row.pk)
    return row


def _add(entry, batches, acting_user):
    """`batches`: {kind: files}. One transaction: the count, then every file checked, then all stored."""
    batches = {EntryAttachment.Kind(kind): [file for file in files if file] for kind, files in batches.items()}
    with uploads.deleted_on_error() as written, transaction.atomic():
        entry = _lock(entry)
        permissions.require("edit_entry", acting_user, entry)
        chosen = [kind for kind, files in batches.items() if files]
        if not chosen:
            raise ValidationError({FIELDS[next(iter(batches))]: _("Choose at least one file.")})
        # A locked period's entries stay as they were reported, their files too.
        require_open(network=entry.network, project_id=entry.project_id, day=entry.start_date, field=FIELDS[chosen[0]])
        _check_count(entry, sum(len(files) for files in batches.values()), FIELDS[chosen[0]])
        errors, accepted = {}, {}
        for kind in chosen:
            accepted[kind] = _accept_all(batches[kind], RULES[kind], FIELDS[kind], errors)
        if errors:
            raise ValidationError(errors)
        rows = [_store(entry, kind, item, acting_user, written) for kind in chosen for item in accepted[kind]]
        audit.record(
            network=entry.network, acting_user=acting_user, action="entry.files_added", obj=entry,
            after={
                FIELDS[kind]: [uploads.describe(row.original_name, row.size) for row in rows if row.kind == kind]
                for kind in chosen
            },
        )  # fmt: skip
    return rows


def attachments_add(*, entry, files, kind, acting_user):
    """Attach `files` (uploaded files) to `entry` as `kind` (EntryAttachment.Kind). All or nothing: a file
    too large, not of an accepted type or one too many refuses the batch with a ValidationError keyed
    "attachments" or "photos" naming the file, and nothing is stored. Returns the new rows."""
    return _add(entry, {kind: files}, acting_user)


def entry_files_add(*, entry, acting_user, attachments=(), photos=()):
    """attachments_add for both kinds at once (the entry's upload form has a field for each), in one
    transaction: a refused photo stores no attachment either, and each field gets its own messages."""
    return _add(entry, {EntryAttachment.Kind.ATTACHMENT: attachments, EntryAttachment.Kind.PHOTO: photos}, acting_user)


def attachment_delete(*, attachment, acting_user):
    """Remove a file from its entry; the stored file (and its thumbnail) are deleted once this commits.
    Returns the entry."""
    with transaction.atomic():
        entry = _lock(attachment.entry)
        permissions.require("edit_entry", acting_user, entry)
        require_open(network=entry.network, project_id=entry.project_id, day=entry.start_date)
        attachment = EntryAttachment.objects.filter(network_id=entry.network_id, entry=entry, pk=attachment.pk).first()
        if attachment is None:
            raise ValidationError(_("This file has already been removed."))
        audit.record(
            network=entry.network, acting_user=acting_user, action="entry.file_removed", obj=entry,
            before={FIELDS[attachment.kind]: [uploads.describe(attachment.original_name, attachment.size)]},
        )  # fmt: skip
        uploads.delete_after_commit(attachment.file, attachment.thumbnail)
        attachment.delete()
    return entry


def attachment_make_thumbnail(*, attachment):
    """Make an image attachment's thumbnail, once: a second run (a job delivered twice) finds it made and
    does nothing; a run that loses the race to another, or to the file's removal, deletes its own copy.
    Returns whether this run made it."""
    if attachment.thumbnail or not attachment.is_image:
        return False
    try:
        small = uploads.thumbnail(attachment.file)
    except FileNotFoundError:
        return False  # removed since the job was queued (its row goes in the same commit)
    name = uploads.store(attachment.thumbnail, small)
    claimed = EntryAttachment.objects.filter(network_id=attachment.network_id, pk=attachment.pk, thumbnail="").update(
        thumbnail=name
    )
    if not claimed:
        attachment.thumbnail.storage.delete(name)
    return bool(claimed)
