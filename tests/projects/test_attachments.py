"""Attachments and photos of activity log entries (projects.services.attachments, projects.views.attachments):
real files built here, checked by content; limits; all or nothing; served with the right headers only to
who may see the entry; thumbnails made by a background job, once."""

import io
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import TestCase
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from PIL import Image

from network.models import Role
from portal.celery import app as celery_app
from portal.models import AuditEntry
from projects import tasks
from projects.models import EntryAttachment, Project
from projects.services.attachments import (
    attachment_delete,
    attachment_make_thumbnail,
    attachments_add,
    entry_files_add,
)
from projects.services.entries import entry_approve, entry_create, entry_submit
from tests.factories import NetworkFactory, PartnerFactory, UserFactory, person_in
from tests.pages import field_error
from tests.portal.test_uploads import HTML, SVG, image_bytes, png_declaring, real_ooxml, real_pdf

pytestmark = pytest.mark.django_db

ATTACHMENT, PHOTO = EntryAttachment.Kind.ATTACHMENT, EntryAttachment.Kind.PHOTO


def a_file(content, name):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def pdf(name="agenda.pdf"):
    return a_file(real_pdf(), name)


def docx(name="report.docx"):
    return a_file(real_ooxml("docx"), name)


def jpeg(name="training.jpg", size=(1600, 1200)):
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, "JPEG", quality=80)
    return a_file(buffer.getvalue(), name)


def png(name="flipchart.png", size=(300, 200)):
    return a_file(image_bytes("PNG", size=size), name)


def stored(media_root):
    """The files under MEDIA_ROOT, relative to it."""
    if not media_root.exists():
        return []
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


def rows(entry):
    with scopes_disabled():
        return list(EntryAttachment.objects.filter(entry=entry).order_by("pk"))


def file_actions(network):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(network=network, action__startswith="entry.file")
            .order_by("pk")
            .values_list("action", "after")
        )


@pytest.fixture
def partner(network, project):
    user = person_in(network, Role.MEMBER, name="Partner school")
    PartnerFactory(project=project, organisation=user.affiliations.get().organisation)
    return user


@pytest.fixture
def entry(network, project, partner):
    """A draft training the partner logged for the project."""
    with scope(network=network):
        return entry_create(
            network=network, acting_user=partner, organisation=partner.affiliations.get().organisation,
            data={"project": project, "title": "Training of career counsellors", "kind": "training",
                  "start_date": "2025-03-03", "end_date": "2025-03-05", "participants_total": 20},
        )  # fmt: skip


def committed():
    """Run what waits for the commit (the thumbnail job, the files' deletion) as the block ends: the
    tests' transaction never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def add(entry, user, files, kind=ATTACHMENT):
    with committed(), scope(network=entry.network):
        return attachments_add(entry=entry, files=files, kind=kind, acting_user=user)


def refusal(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


# --- adding: type by content, limits, all or nothing ------------------------------------------------------


def test_documents_and_photos_are_stored_under_random_names_and_logged(entry, partner, media_root):
    added = add(entry, partner, [pdf("Agenda of the training.pdf"), docx()])
    photos = add(entry, partner, [jpeg("IMG_2041.jpg")], kind=PHOTO)

    assert [(r.kind, r.original_name, r.content_type) for r in rows(entry)] == [
        (ATTACHMENT, "Agenda of the training.pdf", "application/pdf"),
        (ATTACHMENT, "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (PHOTO, "IMG_2041.jpg", photos[0].content_type),
    ]
    pdf_row = added[0]
    assert pdf_row.file.name == f"entries/{pdf_row.key}.pdf" and len(pdf_row.key) == 32
    assert (media_root / pdf_row.file.name).read_bytes() == real_pdf()  # a document is kept as it came
    photo = photos[0]
    assert photo.file.name.endswith((".webp", ".png")) and (photo.width, photo.height) == (1600, 1200)
    assert photo.size == (media_root / photo.file.name).stat().st_size
    assert "Agenda" not in " ".join(stored(media_root))  # nothing of the uploads' names
    actions = file_actions(entry.network)
    assert [action for action, _ in actions] == ["entry.files_added", "entry.files_added"]
    assert actions[0][1]["attachments"][0].startswith("Agenda of the training.pdf, ")


def test_an_image_gets_its_thumbnail_from_the_job(entry, partner, media_root):
    photo = add(entry, partner, [jpeg(size=(1600, 1200))], kind=PHOTO)[0]  # jobs run in-process in tests
    with scopes_disabled():
        photo.refresh_from_db()
    assert photo.thumbnail.name.startswith("entries/thumbnails/")
    assert Image.open(media_root / photo.thumbnail.name).size == (480, 360)
    document = add(entry, partner, [pdf()])[0]
    with scopes_disabled():
        document.refresh_from_db()
    assert not document.thumbnail  # no job for a document


def test_the_thumbnail_job_is_idempotent(entry, partner, media_root, settings):
    photo = add(entry, partner, [png()], kind=PHOTO)[0]
    with scopes_disabled():
        photo.refresh_from_db()
    made = photo.thumbnail.name
    files = stored(media_root)

    tasks.make_entry_thumbnail.delay(network=entry.network_id, attachment_id=photo.pk)  # delivered again

    with scopes_disabled():
        photo.refresh_from_db()
        assert photo.thumbnail.name == made and stored(media_root) == files
        # A run that loaded the row before another run saved the thumbnail loses the claim and deletes its copy.
        stale = EntryAttachment.objects.get(pk=photo.pk)
        stale.thumbnail.name = ""
        assert attachment_make_thumbnail(attachment=stale) is False
    assert stored(media_root) == files
    tasks.make_entry_thumbnail.delay(network=entry.network_id, attachment_id=10**9)  # removed since: nothing


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (a_file(HTML, "minutes.pdf"), "“minutes.pdf”: HTML files are not accepted"),
        (a_file(SVG, "chart.svg"), "“chart.svg”: SVG images are not accepted"),
        (
            a_file(real_ooxml("docx"), "minutes.pdf"),
            "“minutes.pdf”: “minutes.pdf” is named as .pdf but holds a document: Word",
        ),
        (a_file(png_declaring(8_000, 6_000), "panorama.png"), "“panorama.png”: The image is 8000 × 6000 pixels"),
        (a_file(b"", "empty.pdf"), "“empty.pdf”: The file is empty."),
    ],
    ids=["html-named-pdf", "svg", "docx-named-pdf", "bomb", "empty"],
)
def test_one_bad_file_refuses_the_batch_naming_it_and_stores_nothing(entry, partner, media_root, bad, message):
    errors = refusal(lambda: add(entry, partner, [pdf(), bad, docx()]))

    assert list(errors) == ["attachments"]
    assert len(errors["attachments"]) == 1 and errors["attachments"][0].startswith(message)
    assert rows(entry) == [] and stored(media_root) == [] and file_actions(entry.network) == []


def test_every_bad_file_is_named(entry, partner, media_root):
    errors = refusal(lambda: add(entry, partner, [a_file(HTML, "a.pdf"), pdf(), a_file(SVG, "b.pdf")]))
    assert [message[:7] for message in errors["attachments"]] == ["“a.pdf”", "“b.pdf”"]


def test_a_file_over_the_size_limit_is_refused(entry, partner, media_root, settings):
    settings.UPLOAD_ENTRY_FILE_MAX_BYTES = 50_000
    big = a_file(real_pdf() + b"%" + b"0" * 60_000, "scan.pdf")

    errors = refusal(lambda: add(entry, partner, [pdf(), big]))

    size = filesizeformat(big.size)
    assert errors["attachments"] == [f"“scan.pdf”: The file is {size}; it may be at most 48.8\xa0KB."]
    assert rows(entry) == [] and stored(media_root) == []


def test_one_file_too_many_is_refused_and_nothing_of_the_batch_stored(entry, partner, media_root, settings):
    settings.UPLOAD_ENTRY_MAX_FILES = 3
    add(entry, partner, [pdf()])
    add(entry, partner, [png()], kind=PHOTO)
    before = stored(media_root)

    errors = refusal(lambda: add(entry, partner, [pdf("a.pdf"), pdf("b.pdf")]))

    assert errors == {"attachments": [
        "An entry may hold 3 files (attachments and photos together); this one holds 2, so 1 more may be added, not 2."
    ]}  # fmt: skip
    assert len(rows(entry)) == 2 and stored(media_root) == before
    add(entry, partner, [pdf("c.pdf")])  # the one that fits
    assert "already holds 3 files" in refusal(lambda: add(entry, partner, [png()], kind=PHOTO))["photos"][0]


def test_photos_are_images_only(entry, partner, media_root):
    errors = refusal(lambda: add(entry, partner, [pdf("photo.pdf")], kind=PHOTO))
    assert list(errors) == ["photos"] and "a PNG, JPEG or WebP image" in errors["photos"][0]


def test_both_fields_at_once_are_one_batch(entry, partner, media_root):
    with scope(network=entry.network):
        errors = refusal(
            lambda: entry_files_add(
                entry=entry,
                acting_user=partner,
                attachments=[pdf(), a_file(HTML, "x.pdf")],
                photos=[a_file(SVG, "y.png")],
            )
        )
        assert set(errors) == {"attachments", "photos"}
        assert rows(entry) == [] and stored(media_root) == []

        added = entry_files_add(entry=entry, acting_user=partner, attachments=[pdf()], photos=[png()])
    assert [r.kind for r in added] == [ATTACHMENT, PHOTO]
    assert file_actions(entry.network)[0][1] == {
        "attachments": [f"agenda.pdf, {len(real_pdf())}\xa0bytes"],
        "photos": [f"flipchart.png, {added[1].size}\xa0bytes"],
    }


def test_no_file_is_a_clear_refusal(entry, partner):
    assert refusal(lambda: add(entry, partner, [])) == {"attachments": ["Choose at least one file."]}


def test_a_failure_while_storing_deletes_the_files_already_written(entry, partner, media_root, monkeypatch):
    saved = []
    original = EntryAttachment.save

    def save(self, *args, **kwargs):
        if saved:
            raise RuntimeError("the database went away")
        saved.append(self.file.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EntryAttachment, "save", save)
    with pytest.raises(RuntimeError):
        add(entry, partner, [pdf(), docx()])
    assert saved and stored(media_root) == [] and rows(entry) == []


# --- who may add and remove -------------------------------------------------------------------------------


def test_who_may_edit_the_entry_may_attach(entry, partner, coordinator, member, network, media_root):
    observer = person_in(network, Role.OBSERVER)
    for outsider in (member, observer, person_in(NetworkFactory(), Role.COORDINATOR)):
        with pytest.raises(PermissionDenied):
            add(entry, outsider, [pdf()])
    add(entry, partner, [pdf()])
    add(entry, coordinator, [pdf()])
    with scope(network=network):
        entry_submit(entry=entry, acting_user=partner)
    with pytest.raises(PermissionDenied):  # submitted: its organisation no longer changes it
        add(entry, partner, [pdf()])
    add(entry, coordinator, [pdf()])
    assert len(rows(entry)) == 3


def test_removing_deletes_the_files_after_commit_and_logs_it(
    entry, partner, member, media_root, django_capture_on_commit_callbacks
):
    photo = add(entry, partner, [png()], kind=PHOTO)[0]
    with scopes_disabled():
        photo.refresh_from_db()
    assert len(stored(media_root)) == 2  # the photo and its thumbnail

    with scope(network=entry.network):
        with pytest.raises(PermissionDenied):
            attachment_delete(attachment=photo, acting_user=member)
        with django_capture_on_commit_callbacks(execute=False) as pending:
            attachment_delete(attachment=photo, acting_user=partner)
        assert len(stored(media_root)) == 2  # until the removal commits
        for callback in pending:
            callback()
        assert stored(media_root) == [] and rows(entry) == []
        assert file_actions(entry.network)[-1][0] == "entry.file_removed"
        with pytest.raises(ValidationError, match="This file has already been removed."):
            attachment_delete(attachment=photo, acting_user=partner)


# --- the pages --------------------------------------------------------------------------------------------


def url(name, entry, attachment=None):
    kwargs = {"network_slug": entry.network.slug, "entry_id": entry.pk}
    if attachment is not None:
        kwargs["key"] = attachment.key
    return reverse(f"projects:{name}", kwargs=kwargs)


def test_the_files_page_uploads_without_javascript(client, entry, partner, media_root):
    client.force_login(partner)
    page = client.get(url("entry_file_add", entry)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert page.count('type="file"') == 2 and page.count("multiple") >= 2

    with committed():
        response = client.post(url("entry_file_add", entry), {"attachments": [pdf(), docx()], "photos": [jpeg()]})

    assert response.status_code == 302
    listed = client.get(response["Location"]).content.decode()
    assert "agenda.pdf" in listed and "report.docx" in listed and "training.jpg" in listed
    for row in rows(entry):
        assert url("entry_file", entry, row) in listed
    photo = rows(entry)[2]
    assert url("entry_file_thumbnail", entry, photo) in listed  # the job ran: the list shows the thumbnail


def test_a_refused_file_shows_the_error_next_to_the_field(client, entry, partner, media_root):
    client.force_login(partner)

    response = client.post(url("entry_file_add", entry), {"attachments": [pdf(), a_file(HTML, "minutes.pdf")]})

    assert response.status_code == 200
    field_error(response, "attachments", "“minutes.pdf”: HTML files are not accepted")
    assert rows(entry) == [] and stored(media_root) == []


def test_remove_button_for_who_may_edit_and_removing_through_the_page(client, entry, partner, coordinator, media_root):
    document = add(entry, partner, [pdf()])[0]
    with scope(network=entry.network):
        entry_submit(entry=entry, acting_user=partner)
    client.force_login(partner)
    assert client.get(url("entry_file_add", entry)).status_code == 403  # submitted: no longer theirs to edit
    assert client.post(url("entry_file_delete", entry, document)).status_code == 403
    client.force_login(coordinator)
    page = client.get(url("entry_file_add", entry)).content.decode()
    assert url("entry_file_delete", entry, document) in page

    with committed():
        response = client.post(url("entry_file_delete", entry, document))

    assert response.status_code == 302 and rows(entry) == [] and stored(media_root) == []
    assert client.get(url("entry_file", entry, document)).status_code == 404


def test_a_document_is_served_as_a_download_with_its_name(client, entry, partner, media_root):
    document = add(entry, partner, [pdf("Dnevni red – delavnica.pdf")])[0]
    client.force_login(partner)

    response = client.get(url("entry_file", entry, document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == real_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == ("attachment; filename*=utf-8''Dnevni%20red%20%E2%80%93%20delavnica.pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, max-age=86400"
    assert client.post(url("entry_file", entry, document)).status_code == 405


def test_a_photo_is_shown_inline_as_what_it_became(client, entry, partner, media_root):
    photo = add(entry, partner, [jpeg("IMG_2041.jpg")], kind=PHOTO)[0]
    client.force_login(partner)

    response = client.get(url("entry_file", entry, photo))
    thumbnail = client.get(url("entry_file_thumbnail", entry, photo))

    extension = photo.file.name.rsplit(".", 1)[1]
    assert response["Content-Disposition"] == f'inline; filename="IMG_2041.{extension}"'
    assert response["Content-Type"] == f"image/{extension}"
    assert thumbnail.status_code == 200 and thumbnail["Content-Type"].startswith("image/")
    assert Image.open(io.BytesIO(b"".join(thumbnail.streaming_content))).size == (480, 360)


def test_no_thumbnail_yet_or_a_document_answers_404(client, entry, partner, media_root):
    document = add(entry, partner, [pdf()])[0]
    client.force_login(partner)
    assert client.get(url("entry_file_thumbnail", entry, document)).status_code == 404


@pytest.fixture
def private_approved(network, project, partner, coordinator):
    """The entry approved, in a private project."""

    def make(entry):
        with scope(network=network):
            Project.objects.filter(pk=project.pk).update(visibility=Project.Visibility.PRIVATE)
            entry = entry_submit(entry=entry, acting_user=partner)
            entry_approve(entry=entry, acting_user=coordinator)

    return make


def test_a_draft_file_answers_404_to_everyone_who_may_not_see_the_entry(
    client, entry, partner, member, network, media_root
):
    document = add(entry, partner, [pdf()])[0]
    address = url("entry_file", entry, document)
    assert client.get(address).status_code == 404  # anonymous: a file is no page to log in to
    for outsider in (member, person_in(network, Role.OBSERVER), person_in(NetworkFactory(), Role.COORDINATOR)):
        client.force_login(outsider)
        assert client.get(address).status_code == 404
        assert client.get(url("entry_file_thumbnail", entry, document)).status_code == 404
    client.force_login(partner)
    assert client.get(address).status_code == 200


def test_an_approved_file_in_a_private_project_is_404_to_outsiders(
    client, entry, partner, member, network, private_approved, media_root
):
    document = add(entry, partner, [pdf()])[0]
    private_approved(entry)
    address = url("entry_file", entry, document)

    assert client.get(address).status_code == 404  # anonymous
    client.force_login(UserFactory())
    assert client.get(address).status_code == 404  # signed in, in no organisation of the network
    client.force_login(person_in(NetworkFactory(), Role.COORDINATOR))
    assert client.get(address).status_code == 404  # another network's coordinator
    client.force_login(member)  # a member of another organisation of the network: sees private projects
    assert client.get(address).status_code == 200


def test_another_networks_coordinator_gets_404_under_their_own_network_too(client, entry, partner, media_root):
    document = add(entry, partner, [pdf()])[0]
    other = NetworkFactory(slug="elsewhere")
    client.force_login(person_in(other, Role.COORDINATOR))
    address = reverse(
        "projects:entry_file", kwargs={"network_slug": "elsewhere", "entry_id": entry.pk, "key": document.key}
    )
    assert client.get(address).status_code == 404
    assert (
        client.post(url("entry_file_delete", entry, document).replace(entry.network.slug, "elsewhere")).status_code
        == 404
    )
    assert len(rows(entry)) == 1


def test_a_wrong_key_or_another_entrys_key_answers_404(client, entry, partner, network, project, media_root):
    document = add(entry, partner, [pdf()])[0]
    with scope(network=network):
        other = entry_create(
            network=network, acting_user=partner, organisation=partner.affiliations.get().organisation,
            data={"title": "Meeting", "kind": "meeting", "start_date": "2025-04-01", "end_date": "2025-04-01"},
        )  # fmt: skip
    client.force_login(partner)
    assert client.get(url("entry_file", other, document)).status_code == 404
    assert client.get(url("entry_file", entry, document).replace(document.key, "0" * 32)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_to_upload(client, entry, media_root):
    response = client.post(url("entry_file_add", entry), {"attachments": [pdf()]})
    assert response.status_code == 302 and "login" in response["Location"]
    assert rows(entry) == []


def test_media_root_is_not_served_as_it_is(client, entry, partner, media_root):
    document = add(entry, partner, [pdf()])[0]
    assert client.get(f"/media/{document.file.name}").status_code == 404


# --- the thumbnail job on a real Celery worker ----------------------------------------------------------


@pytest.fixture
def tasks_to_broker(celery_worker_process):
    conf = celery_app.conf
    previous = conf.task_always_eager, conf.task_default_queue
    conf.task_always_eager, conf.task_default_queue = False, celery_worker_process.queue
    yield
    conf.task_always_eager, conf.task_default_queue = previous


def _wait_for_thumbnail(attachment, worker, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with scopes_disabled():
            attachment.refresh_from_db()
        if attachment.thumbnail:
            return attachment.thumbnail.name
        time.sleep(0.2)
    pytest.fail(f"no thumbnail from the worker within {timeout:.0f}s\n{worker.log_tail()}", pytrace=False)


def _thumbnails(media):
    folder = media / "entries" / "thumbnails"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _wait_for_runs(worker, count, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.log_tail(400).count("make_entry_thumbnail[") >= 2 * count:  # "received" and "succeeded"
            if worker.log_tail(400).count("succeeded") >= count:
                return
        time.sleep(0.2)
    pytest.fail(
        f"the worker did not run the job {count} times within {timeout:.0f}s\n{worker.log_tail()}", pytrace=False
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_makes_the_thumbnail_once(celery_worker_process, tasks_to_broker):
    """The job goes through Redis to a worker process on the test database and the run's MEDIA_ROOT; sent
    again (a redelivery), it finds the thumbnail made and writes no second file."""
    media = Path(settings.MEDIA_ROOT)  # the run's MEDIA_ROOT, which the worker shares (tests/conftest.py)
    network = NetworkFactory()
    partner = person_in(network, Role.MEMBER)
    with scope(network=network):
        entry = entry_create(
            network=network, acting_user=partner, organisation=partner.affiliations.get().organisation,
            data={"title": "Workshop", "kind": "workshop", "start_date": "2025-05-06", "end_date": "2025-05-06"},
        )  # fmt: skip
        photo = attachments_add(entry=entry, files=[jpeg(size=(1200, 900))], kind=PHOTO, acting_user=partner)[0]
    assert not photo.thumbnail  # queued after commit, not made in this process

    made = _wait_for_thumbnail(photo, celery_worker_process)

    assert Image.open(media / made).size == (480, 360)
    files = _thumbnails(media)
    assert Path(made).name in files
    tasks.make_entry_thumbnail.delay(network=network.pk, attachment_id=photo.pk)
    tasks.make_entry_thumbnail.delay(network=network.pk, attachment_id=photo.pk)
    _wait_for_runs(celery_worker_process, 3)
    with scopes_disabled():
        photo.refresh_from_db()
    assert photo.thumbnail.name == made and _thumbnails(media) == files


# Measured on the page as it is: the same for one file and six (no query per file).
FILES_PAGE_QUERIES = 7


def test_the_files_page_keeps_its_query_count_whatever_the_files(client, entry, partner, media_root):
    from tests.pages import page_queries

    client.force_login(partner)
    add(entry, partner, [pdf()])
    one, _ = page_queries(client, url("entry_file_add", entry))
    add(entry, partner, [pdf("b.pdf"), docx(), png()])
    add(entry, partner, [png("c.png"), jpeg()], kind=PHOTO)
    six, response = page_queries(client, url("entry_file_add", entry))
    assert one == six == FILES_PAGE_QUERIES
    assert response.content.decode().count('class="attachment"') == 6


def test_a_thumbnail_job_for_a_file_removed_meanwhile_does_nothing(entry, partner, media_root):
    with TestCase.captureOnCommitCallbacks(execute=False), scope(network=entry.network):
        photo = attachments_add(entry=entry, files=[png()], kind=PHOTO, acting_user=partner)[0]
    (media_root / photo.file.name).unlink()  # the removal's commit deleted the file before the job ran
    with scopes_disabled():
        assert attachment_make_thumbnail(attachment=photo) is False
    assert stored(media_root) == []


def test_the_entry_page_shows_the_files_and_the_form_to_who_may_edit(
    client, entry, partner, member, coordinator, network, media_root
):
    document = add(entry, partner, [pdf()])[0]
    detail = reverse("projects:entry_detail", kwargs={"network_slug": network.slug, "entry_id": entry.pk})
    client.force_login(partner)
    page = client.get(detail).content.decode()
    assert url("entry_file", entry, document) in page and url("entry_file_add", entry) in page
    with scope(network=network):
        entry = entry_submit(entry=entry, acting_user=partner)
        entry_approve(entry=entry, acting_user=coordinator)
    client.force_login(member)  # a reader of the approved entry: the files, no form, no remove button
    page = client.get(detail).content.decode()
    assert url("entry_file", entry, document) in page
    assert url("entry_file_add", entry) not in page and url("entry_file_delete", entry, document) not in page
    assert client.get(url("entry_file", entry, document)).status_code == 200
