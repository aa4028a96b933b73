"""An output's cover image and files (advocacy.services.attachments): checked by portal.uploads, stored
under a random name, audited, only by who may edit the output; a refusal stores nothing."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django_scopes import scopes_disabled
from PIL import Image

from advocacy.models import AdvocacyOutput, OutputAttachment
from advocacy.services.attachments import (
    output_attachment_add,
    output_attachment_remove,
    output_cover_remove,
    output_cover_set,
)
from portal.models import AuditEntry
from tests.advocacy.conftest import make_output
from tests.portal.test_uploads import HTML, real_pdf

pytestmark = pytest.mark.django_db(transaction=True)


def _jpeg(name="cover.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 1000), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _actions(network):
    with scopes_disabled():
        return list(AuditEntry.objects.filter(network=network).order_by("pk").values_list("action", flat=True))


def test_a_cover_is_re_encoded_replaced_and_removed_with_its_old_file(network, people, in_network):
    output = make_output(network, people)
    output = output_cover_set(output=output, image=_jpeg(), acting_user=people.coordinator)
    first = output.cover.name
    assert first.startswith("advocacy/covers/") and first.endswith((".png", ".webp")) and "cover" not in first[16:]
    storage = output.cover.storage
    with Image.open(storage.open(first)) as stored:
        assert max(stored.size) == 1600  # fitted into the rule's side
    output = output_cover_set(output=output, image=_jpeg("second.jpg"), acting_user=people.coordinator)
    assert output.cover.name != first and not storage.exists(first)
    second = output.cover.name
    output = output_cover_remove(output=output, acting_user=people.coordinator)
    assert not AdvocacyOutput.objects.get(pk=output.pk).cover and not storage.exists(second)
    assert _actions(network)[-3:] == ["output.cover_changed"] * 3


def test_a_cover_that_is_no_image_and_a_file_of_a_refused_type_store_nothing(network, people, in_network):
    output = make_output(network, people)
    with pytest.raises(ValidationError) as refused:
        output_cover_set(
            output=output, image=SimpleUploadedFile("cover.png", real_pdf()), acting_user=people.coordinator
        )
    assert "cover" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        output_attachment_add(
            output=output, file=SimpleUploadedFile("study.html", HTML), acting_user=people.coordinator
        )
    assert "file" in refused.value.message_dict
    assert not AdvocacyOutput.objects.get(pk=output.pk).cover
    assert OutputAttachment.objects.filter(network=network).count() == 0
    assert _actions(network)[-1] != "output.file_added"


def test_files_are_added_and_removed_by_coordinators_only(network, people, in_network):
    output = make_output(network, people, status="in_review")
    with pytest.raises(PermissionDenied):
        output_attachment_add(output=output, file=SimpleUploadedFile("s.pdf", real_pdf()), acting_user=people.member)
    row = output_attachment_add(output=output, file=SimpleUploadedFile("Study (final).pdf", real_pdf()),
                                acting_user=people.coordinator)  # fmt: skip
    assert (row.original_name, row.content_type, row.key) == ("Study (final).pdf", "application/pdf", row.key)
    assert row.key and row.key in row.file.name and row.file.storage.exists(row.file.name)
    with pytest.raises(PermissionDenied):
        output_attachment_remove(attachment=row, acting_user=people.member)
    name, storage = row.file.name, row.file.storage
    with transaction.atomic():
        output_attachment_remove(attachment=row, acting_user=people.coordinator)
    assert not OutputAttachment.objects.filter(network=network).exists() and not storage.exists(name)
    assert _actions(network)[-2:] == ["output.file_added", "output.file_removed"]
