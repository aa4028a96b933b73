"""Files on S3-compatible object storage, with web and worker on no shared disk (issue 10, "Scale past one
machine").

The last story is the report engine's: upload → render in the worker → download.

moto's S3 server runs on 127.0.0.1 (tests/conftest.py, section 11); this process stores in its bucket as
portal/settings.py configures STORAGES from the S3_* variables, and a real Celery worker, started with the
same variables and an empty MEDIA_ROOT of its own, does its jobs there. Each story uploads through the
service, lets the worker do its part, downloads through the portal's own view and compares the bytes with
the bucket's object; neither process's MEDIA_ROOT ever holds a file.
"""

import io
import time
from datetime import date
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from PIL import Image

from advocacy.services.outputs import output_create, output_publish, output_start_review
from advocacy.services.submissions import submission_respond
from network.models import Network, Role
from network.services.networks import network_update
from portal import uploads
from portal.pdf import SafeURLFetcher, media_url, render_pdf
from projects.models import EntryAttachment, EntryExport
from projects.services.attachments import attachments_add
from projects.services.entries import entry_create
from projects.views.exchange import IMPORT_FOLDER, IMPORT_KEPT, sweep_abandoned
from reports.models import ReportJob
from reports.services import report_request
from tests.factories import NetworkFactory, SubmissionFactory, org, person_in
from tests.portal.test_uploads import image_bytes, real_pdf

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def files_under(folder):
    folder = Path(folder)
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def content(response):
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def jpeg(size):
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile("training.jpg", buffer.getvalue(), content_type="image/jpeg")


def wait_for(condition, worker, what, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.2)
    pytest.fail(f"no {what} from the worker within {timeout:.0f}s\n{worker.log_tail()}", pytrace=False)


@pytest.fixture
def network():
    return NetworkFactory()


@pytest.fixture
def partner(network):
    """A member organisation's person."""
    return person_in(network, Role.MEMBER)


def an_entry(network, partner, title="Training of career counsellors", day=date(2025, 3, 3)):
    with scope(network=network):
        return entry_create(
            network=network, acting_user=partner, organisation=org(partner),
            data={"title": title, "kind": "training", "start_date": day, "end_date": day},
        )  # fmt: skip


def file_url(name, attachment):
    kwargs = {"network_slug": attachment.network.slug, "entry_id": attachment.entry_id, "key": attachment.key}
    return reverse(f"projects:{name}", kwargs=kwargs)


def test_a_photo_its_thumbnail_from_the_worker_and_a_document_round_trip_through_the_bucket(
    client, s3_storage, s3_worker, media_root, network, partner
):
    entry = an_entry(network, partner)
    with s3_worker.taking_jobs(), scope(network=entry.network):
        photo = attachments_add(entry=entry, files=[jpeg((1200, 900))], kind=EntryAttachment.Kind.PHOTO,
                                acting_user=partner)[0]  # fmt: skip
        document = attachments_add(entry=entry, files=[SimpleUploadedFile("agenda.pdf", real_pdf())],
                                   kind=EntryAttachment.Kind.ATTACHMENT, acting_user=partner)[0]  # fmt: skip
    assert not photo.thumbnail  # queued after the commit, for the worker

    def thumbnail_made():
        with scopes_disabled():
            photo.refresh_from_db()
        return photo.thumbnail.name

    thumbnail = wait_for(thumbnail_made, s3_worker, "thumbnail")

    # The worker read the photo from the bucket and wrote the thumbnail there: its own disk is empty.
    assert "projects.tasks.make_entry_thumbnail" in s3_worker.log_tail(400)
    assert sorted([photo.file.name, thumbnail, document.file.name]) == s3_storage.keys()
    assert files_under(media_root) == [] and files_under(s3_worker.media_root) == []

    client.force_login(partner)
    assert content(client.get(file_url("entry_file", photo))) == s3_storage.read(photo.file.name)
    small = content(client.get(file_url("entry_file_thumbnail", photo)))
    assert small == s3_storage.read(thumbnail)
    assert Image.open(io.BytesIO(small)).size == (480, 360)
    download = client.get(file_url("entry_file", document))
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Length"] == str(len(real_pdf()))
    assert content(download) == real_pdf() == s3_storage.read(document.file.name)


def test_the_network_logo_is_stored_served_replaced_and_read_for_pdfs_from_the_bucket(
    client, s3_storage, media_root, network
):
    assert network.visibility == Network.Visibility.PUBLIC  # served to visitors, cached as public
    coordinator = person_in(network, Role.COORDINATOR)

    def upload(colour):
        logo = SimpleUploadedFile("logo.png", image_bytes("PNG", size=(64, 64), colour=colour))
        with scope(network=network):
            network_update(network=network, data={}, acting_user=coordinator, logo=logo)
        network.refresh_from_db()
        return network.logo.name

    first = upload("red")
    assert first in s3_storage.keys()
    logo_url = reverse("network:logo", kwargs={"network_slug": network.slug, "key": network.logo_key})
    served = content(client.get(logo_url))
    assert served == s3_storage.read(first) and Image.open(io.BytesIO(served)).size == (64, 64)
    # PDFs name a stored file by its MEDIA_URL path; the fetcher reads it from the bucket, not over HTTP.
    assert SafeURLFetcher().fetch(f"http://127.0.0.1:8000{media_url(network.logo)}").read() == served
    assert b"/Image" in render_pdf(f'<img src="{media_url(network.logo)}" width="64" height="64">')

    second = upload("blue")
    assert s3_storage.keys() == [second]  # the old logo's object is deleted once the change committed
    assert files_under(media_root) == []


def test_an_excel_export_built_by_the_worker_is_downloaded_from_the_bucket(
    client, s3_storage, s3_worker, media_root, settings, network, partner
):
    for day in (1, 2, 3):
        an_entry(network, partner, title=f"Worker entry {day}", day=date(2025, 4, day))
    settings.ENTRY_EXPORT_INLINE_ROWS = 1
    client.force_login(partner)
    with s3_worker.taking_jobs():
        response = client.post(reverse("projects:entry_export_xlsx", kwargs={"network_slug": network.slug}))
    assert response.status_code == 302

    def exported():
        with scopes_disabled():
            export = EntryExport.objects.filter(network=network, status=EntryExport.Status.DONE).first()
        return export

    export = wait_for(exported, s3_worker, "export")

    assert export.file.name in s3_storage.keys()
    assert content(client.get(response["Location"] + "download/")) == s3_storage.read(export.file.name)
    assert files_under(media_root) == [] and files_under(s3_worker.media_root) == []


def test_abandoned_import_files_are_listed_and_swept_in_the_bucket(s3_storage):
    """The import's sweeper lists a folder and reads modification times: both work on the bucket."""
    name = default_storage.save(f"{IMPORT_FOLDER}/abandoned.xlsx", SimpleUploadedFile("a.xlsx", b"rows"))
    assert name in s3_storage.keys()
    modified = default_storage.get_modified_time(name)

    assert sweep_abandoned(now=modified + IMPORT_KEPT / 2) == []
    assert sweep_abandoned(now=modified + IMPORT_KEPT * 2) == [name]
    assert name not in s3_storage.keys()


def test_an_uptake_evidence_document_is_stored_in_the_bucket_and_replaced_there(s3_storage, media_root, network):
    """The ledger's evidence goes through the same floor (its page will answer with uploads.serve, as here)."""
    coordinator = person_in(network, Role.COORDINATOR)
    submission = SubmissionFactory(output__network=network)

    def respond(document):
        with scope(network=network):
            return submission_respond(
                submission=submission, acting_user=coordinator, evidence=document,
                data={"responded_on": date(2025, 4, 1), "outcome": "already_implemented"},
            )  # fmt: skip

    first = respond(SimpleUploadedFile("Ministry letter.pdf", real_pdf())).evidence_file.name
    assert s3_storage.keys() == [first] and s3_storage.read(first) == real_pdf()
    responded = respond(SimpleUploadedFile("Minutes.pdf", real_pdf(pages=2)))
    served = uploads.serve(responded.evidence_file, shared=False, types=uploads.DOCUMENT_SERVED_TYPES)
    assert b"".join(served.streaming_content) == real_pdf(pages=2)
    assert s3_storage.keys() == [responded.evidence_file.name]  # the first one deleted after the commit
    assert files_under(media_root) == []


def test_a_report_is_rendered_by_the_worker_from_the_bucket_and_downloaded_from_it(
    client, s3_storage, s3_worker, media_root, network
):
    """Upload → render in the worker → download: the network's logo goes into the bucket, the worker (no
    shared disk) reads it from there for the recommendation package's cover and stores the PDF there, and
    the portal serves that object."""
    coordinator = person_in(network, Role.COORDINATOR)
    logo = SimpleUploadedFile("logo.png", image_bytes("PNG", size=(64, 64), colour="green"))
    with scope(network=network):
        network_update(network=network, data={}, acting_user=coordinator, logo=logo)
        output = output_create(
            network=network,
            acting_user=coordinator,
            data={"title": "Bucket-borne package", "kind": "recommendation_package", "visibility": "public"},
        )
        output = output_publish(
            output=output_start_review(output=output, acting_user=coordinator), acting_user=coordinator
        )
    network.refresh_from_db()
    assert s3_storage.keys() == [network.logo.name]

    with s3_worker.taking_jobs(), scope(network=network):
        job = report_request(
            kind="recommendation_package", subject=output, parameters={}, language="en", acting_user=coordinator
        )

    def rendered():
        with scope(network=network):
            return ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.DONE).first()

    job = wait_for(rendered, s3_worker, "report")
    assert sorted(s3_storage.keys()) == sorted([network.logo.name, job.file.name])
    client.force_login(coordinator)
    pdf = content(client.get(reverse("reports:download", kwargs={"key": job.key})))
    assert pdf == s3_storage.read(job.file.name) and pdf.startswith(b"%PDF-")
    assert b"/Image" in pdf  # the cover's logo, read by the worker from the bucket
    assert files_under(media_root) == [] and files_under(s3_worker.media_root) == []
