"""The activity log's export (projects/exports.py, projects/views/exchange.py): CSV streamed with the
list's filters and visibility, XLSX in the request or as a background job with its page and e-mail."""

import csv
import io
from datetime import date

import pytest
from django.http import StreamingHttpResponse
from django.test import override_settings
from django.urls import reverse
from django_scopes import scope
from python_calamine import CalamineWorkbook

from network.models import Role
from projects import entry_columns
from projects.models import ActivityEntry, EntryExport, Site, TargetGroup
from projects.services.entries import entry_create
from projects.tasks import export_entries
from tests.factories import ActivityFactory, org, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(network, project, partner, member, coordinator):
    """An approved entry with everything filled, the partner's draft, another member's draft."""
    with scope(network=network):
        activity = ActivityFactory(project=project, code="1.4", title="Strengthening of career guidance")
        site = Site.objects.create(network=network, project=project, position=1, name="VET school Ganja", country="AZ")
        group = TargetGroup.objects.create(network=network, project=project, position=1, name="Career counsellors")
        full = entry_create(network=network, acting_user=partner, organisation=org(partner), data={
            "project": project.pk, "activity": activity.pk, "kind": "training", "language": "en",
            "title": {"en": "=HYPERLINK(\"http://evil\")", "az": "Təlim"}, "description": "Two days, Ganja.",
            "start_date": date(2025, 3, 3), "end_date": date(2025, 3, 4), "site": site.pk,
            "participants_total": 20, "women": 12, "men": 8, "age_18_29": 5, "age_30_64": 15,
            "with_disabilities": 1, "partners": [org(partner).pk, org(member).pk],
            "target_groups": [group.pk], "links": ["https://example.org/report"],
        })  # fmt: skip
        ActivityEntry.objects.filter(pk=full.pk).update(status="approved")
        draft = entry_create(network=network, acting_user=partner, organisation=org(partner), data={
            "title": "Partner's draft meeting", "kind": "meeting", "start_date": date(2025, 5, 1),
            "end_date": date(2025, 5, 1),
        })  # fmt: skip
        other = entry_create(network=network, acting_user=member, organisation=org(member), data={
            "title": "Someone else's draft", "start_date": date(2025, 6, 1), "end_date": date(2025, 6, 1),
        })  # fmt: skip
    return {"full": full, "draft": draft, "other": other}


def export_url(network, name="entry_export_csv", query=""):
    return reverse(f"projects:{name}", kwargs={"network_slug": network.slug}) + (f"?{query}" if query else "")


def csv_rows(response):
    assert response.streaming
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content):
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name("Activities")
    header, *rows = sheet.to_python()
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_csv_has_every_column_and_the_entries_values(client, network, coordinator, rows):
    client.force_login(coordinator)
    response = client.get(export_url(network))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="activities-vet-for-the-future-')
    found = csv_rows(response)
    assert list(found[0]) == [*entry_columns.headers(["az"])]
    assert {row["id"] for row in found} == {str(e.pk) for e in rows.values()}
    full = next(row for row in found if row["id"] == str(rows["full"].pk))
    assert full == {
        "id": str(rows["full"].pk), "status": "Approved", "logged_by": "Partner school", "project": "vet4f",
        "activity": "1.4 Strengthening of career guidance", "kind": "Training", "language": "en",
        "title": "'=HYPERLINK(\"http://evil\")",  # neutralised: a spreadsheet shows it as text
        "description": "Two days, Ganja.", "outcomes": "", "start_date": "2025-03-03", "end_date": "2025-03-04",
        "site": "VET school Ganja", "place": "", "country": "", "participants_total": "20", "women": "12",
        "men": "8", "other_or_not_given": "0", "under_18": "0", "age_18_29": "5", "age_30_64": "15",
        "age_65_plus": "0", "age_not_given": "0", "with_disabilities": "1",
        "partners": "Partner school; State Agency on Vocational Education", "target_groups": "Career counsellors",
        "links": "https://example.org/report", "title [az]": "Təlim", "description [az]": "", "outcomes [az]": "",
    }  # fmt: skip


def test_the_csv_follows_the_lists_filters(client, network, coordinator, rows):
    client.force_login(coordinator)
    found = csv_rows(client.get(export_url(network, query="kind=meeting")))
    assert [row["title"] for row in found] == ["Partner's draft meeting"]
    found = csv_rows(client.get(export_url(network, query="project=vet4f&from=2025-01-01")))
    assert [row["id"] for row in found] == [str(rows["full"].pk)]


def test_a_member_gets_approved_entries_and_their_own_drafts_only(client, network, partner, rows):
    client.force_login(partner)
    found = {row["title"] for row in csv_rows(client.get(export_url(network)))}
    assert found == {'\'=HYPERLINK("http://evil")', "Partner's draft meeting"}  # not someone else's draft


def test_an_observer_gets_the_approved_entries(client, network, rows):
    client.force_login(person_in(network, Role.OBSERVER))
    assert [row["id"] for row in csv_rows(client.get(export_url(network)))] == [str(rows["full"].pk)]


def test_visitors_are_sent_to_log_in(client, network, rows):
    for name in ("entry_export_csv", "entry_export_xlsx"):
        response = client.get(export_url(network, name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_csv_streams_in_chunks_with_its_partners_fetched_per_chunk(
    client, network, coordinator, rows, django_assert_max_num_queries, monkeypatch
):
    """Each chunk costs three queries (entries, partners, target groups), whatever its size."""
    from projects import exports

    with scope(network=network):
        for i in range(7):
            ActivityEntry.objects.create(network=network, organisation=org(coordinator), title=f"Bulk {i}",
                                         start_date=date(2025, 1, 1), end_date=date(2025, 1, 1))  # fmt: skip
    monkeypatch.setattr(exports, "CHUNK", 3)
    client.force_login(coordinator)
    response = client.get(export_url(network))
    with django_assert_max_num_queries(2 + 4 * 3 + 2):  # languages pass; 4 chunks × 3; savepoints
        found = csv_rows(response)
    assert len(found) == 10


def reads(rows, first, size):
    """The queries of an export of `rows` entries: the languages, then per chunk read its rows, its partners
    and target groups (an empty chunk: its one query), until a chunk comes back short."""
    queries, left, chunk = 1, rows, min(first, size)
    while True:
        got = min(chunk, left)
        queries += 3 if got else 1
        left -= got
        if got < chunk:
            return queries
        chunk = size


@pytest.mark.parametrize(
    ("extra", "first"), [(8, 200), (9, 200), (15, 200), (9, 2), (10, 2)]
)  # the last chunk short, full (then one empty read), several; a smaller first chunk
def test_the_csv_streams_chunk_by_chunk_at_three_queries_each_in_the_list_s_order(
    client, network, coordinator, rows, extra, first, django_assert_num_queries, monkeypatch
):
    """At 100,000 entries the file's first row comes as soon as its first chunk is read: a chunk is one query
    from where the last one ended (entries of one day run over the chunks' edges), plus its names."""
    from projects import exports

    with scope(network=network):
        for i in range(extra):
            ActivityEntry.objects.create(network=network, organisation=org(coordinator), title=f"Bulk {i}",
                                         start_date=date(2025, 1, 1 + i % 2), end_date=date(2025, 1, 2))  # fmt: skip
        expected = list(
            ActivityEntry.objects.filter(network=network, deleted_at=None)
            .order_by("-start_date", "-pk")
            .values_list("pk", flat=True)
        )
    monkeypatch.setattr(exports, "CHUNK", 3)
    monkeypatch.setattr(exports, "FIRST_CHUNK", first)
    client.force_login(coordinator)
    response = client.get(export_url(network))
    assert isinstance(response, StreamingHttpResponse)
    with django_assert_num_queries(reads(len(expected), first, 3)):
        found = csv_rows(response)
    assert [int(row["id"]) for row in found] == expected


def test_the_translations_languages_read_in_the_database_are_those_python_reads(network, coordinator, monkeypatch):
    """PostgreSQL reads the texts' translation slots in SQL (jsonb_each); elsewhere Python reads them: the
    same, a machine's translation in a slot of its own."""
    from django.db import connection

    from projects import exports

    texts = [
        {"en": {"text": "Original", "source": "original"}, "sl": {"text": "Izvirnik", "source": "human"}},
        {"az": {"text": "Orijinal", "source": "original"}, "ru": {"text": "Машинный", "source": "machine"}},
        {"pl": {"text": "Bez źródła"}, "en": {"text": "Original", "source": "original"}},  # no source: a person's
        {"de": {"text": "Nur Original", "source": "original"}},
        {},
    ]
    with scope(network=network):
        described = {"uk": {"text": "Опис", "source": "original"}, "hy": {"text": "Նկարագրություն", "source": "human"}}
        for i, title in enumerate(texts):
            ActivityEntry.objects.create(network=network, organisation=org(coordinator), title=title,
                                         description=described if i == 0 else {}, start_date=date(2025, 1, 1),
                                         end_date=date(2025, 1, 1))  # fmt: skip
        entries = ActivityEntry.objects.filter(network=network)
        found = exports.translation_languages(entries)
        monkeypatch.setattr(connection, "vendor", "other")
        assert exports.translation_languages(entries) == found == ["hy", "pl", "ru, machine", "sl"]


def test_the_small_xlsx_is_built_in_the_request(client, network, coordinator, rows):
    client.force_login(coordinator)
    response = client.get(export_url(network, "entry_export_xlsx", "kind=training"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    found = xlsx_rows(response.content)
    assert len(found) == 2
    full = next(row for row in found if row["id"] == rows["full"].pk)
    assert full["title"] == '=HYPERLINK("http://evil")'  # a string cell: never run, so no apostrophe
    assert full["start_date"] == date(2025, 3, 3)
    assert full["participants_total"] == 20
    assert full["title [az]"] == "Təlim"


@override_settings(ENTRY_EXPORT_INLINE_ROWS=0)
def test_a_large_xlsx_runs_as_a_job_with_a_page_and_an_e_mail(
    client, network, coordinator, partner, rows, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(partner)
    url = export_url(network, "entry_export_xlsx", "status=draft")
    offer = client.get(url)
    assert offer.status_code == 200
    assert "Prepare the Excel file" in offer.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)  # the job runs eagerly in the test settings, after the commit

    with scope(network=network):
        export = EntryExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "projects:entry_export", kwargs={"network_slug": network.slug, "export_id": export.pk}
    )
    assert (export.status, export.row_count, export.filters) == ("done", 1, {"status": ["draft"]})
    assert export.file.name.startswith("entry-exports/") and len(export.file.name) == len("entry-exports/") + 32 + 5
    page = client.get(response["Location"])
    assert "Download the Excel file" in page.content.decode()
    download = client.get(response["Location"] + "download/")
    assert [row["title"] for row in xlsx_rows(b"".join(download.streaming_content))] == ["Partner's draft meeting"]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [partner.email]
    assert response["Location"] in mailoutbox[0].body

    # A second run of the job (a redelivered message) neither rebuilds the file nor sends a second e-mail.
    export_entries.delay(network=network.pk, export_id=export.pk)
    assert len(mailoutbox) == 1

    # The requester's and the coordinators' only.
    for who, status in ((coordinator, 200), (person_in(network, Role.MEMBER), 404)):
        client.force_login(who)
        assert client.get(response["Location"]).status_code == status
        assert client.get(response["Location"] + "download/").status_code == status


@pytest.mark.django_db(transaction=True)
def test_the_background_export_runs_on_the_real_worker(
    client, celery_worker_process, settings, network, project, partner, coordinator
):
    from portal.celery import app as celery_app

    with scope(network=network):
        for i in range(3):
            entry_create(network=network, acting_user=partner, organisation=org(partner), data={
                "title": f"Worker entry {i}", "start_date": date(2025, 4, i + 1), "end_date": date(2025, 4, i + 1),
            })  # fmt: skip
    settings.ENTRY_EXPORT_INLINE_ROWS = 1
    conf = celery_app.conf
    previous = conf.task_always_eager, conf.task_default_queue
    conf.task_always_eager, conf.task_default_queue = False, celery_worker_process.queue
    try:
        client.force_login(partner)
        response = client.post(export_url(network, "entry_export_xlsx"))
    finally:
        conf.task_always_eager, conf.task_default_queue = previous
    assert response.status_code == 302

    message = celery_worker_process.wait_for_mail(lambda m: partner.email in m["To"], timeout=60)
    assert "export" in str(message["Subject"]).lower()
    with scope(network=network):
        export = EntryExport.objects.get()
    assert export.status == "done" and export.row_count == 3 and export.started_at and export.finished_at
    download = client.get(response["Location"] + "download/")
    titles = sorted(row["title"] for row in xlsx_rows(b"".join(download.streaming_content)))
    assert titles == ["Worker entry 0", "Worker entry 1", "Worker entry 2"]


def test_the_csv_is_handed_on_in_pieces_of_whole_lines():
    from projects import exports

    rows = [["id", "title"], *([i, f"Entry {i}"] for i in range(10))]
    pieces = list(exports.csv_lines(rows, piece=30))
    assert pieces[0] == b"\xef\xbb\xbf"
    assert all(piece.endswith(b"\r\n") for piece in pieces[1:])
    assert 2 < len(pieces) < len(rows) + 1  # several lines a piece, more than one piece
    assert b"".join(pieces) == b"\xef\xbb\xbf" + b"".join(exports.csv_lines(rows, piece=10**9))[3:]
    assert b"".join(pieces).decode("utf-8-sig").splitlines()[1:3] == ["0,Entry 0", "1,Entry 1"]
