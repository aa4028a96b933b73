"""Importing activity log entries (projects/services/entry_imports.py, projects/views/exchange.py): the
dry run, all or nothing, every error by row and column, the annotated copy cell by cell, the round trip,
files refused as a whole, the template, and who may."""

import csv
import io
import os
import re
import time
import zipfile
from datetime import date

import pytest
import xlsxwriter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope
from python_calamine import CalamineWorkbook

from network.models import Role
from projects import entry_columns
from projects.models import ActivityEntry, Site, TargetGroup
from projects.services.entries import ENTRY_FIELDS, entry_create
from projects.services.entry_imports import entry_import
from projects.views import exchange
from tests.factories import ActivityFactory, ProjectFactory, org, person_in

pytestmark = pytest.mark.django_db

HEADER = ["project", "activity", "kind", "title", "start_date", "end_date", "participants_total", "women", "partners"]


@pytest.fixture
def logframe(network, project, member):
    """The project's planned activity 1.4, a site and a target group; `member`'s organisation is in the network."""
    with scope(network=network):
        return {
            "activity": ActivityFactory(project=project, code="1.4", title="Strengthening of career guidance"),
            "site": Site.objects.create(network=network, project=project, position=1, name="VET school Ganja"),
            "group": TargetGroup.objects.create(
                network=network, project=project, position=1, name={"en": "Career counsellors", "az": "Məsləhətçilər"}
            ),
        }


def csv_file(rows, name="entries.csv", delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"))


def xlsx_file(rows, sheet="Activities", name="entries.xlsx"):
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    worksheet = workbook.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, date):
                worksheet.write_datetime(r, c, value, workbook.add_format({"num_format": "yyyy-mm-dd"}))
            elif value not in (None, ""):
                worksheet.write(r, c, value)
    workbook.close()
    return SimpleUploadedFile(name, buffer.getvalue())


GOOD = [
    HEADER,
    ["vet4f", "1.4 Strengthening of career guidance", "Training", "Career guidance training", "2025-03-03",
     "2025-03-04", "20", "12", "Partner school; State Agency on Vocational Education"],
    ["", "", "meeting", "Network meeting", "2025-04-01", "", "8", "", ""],
]  # fmt: skip

BAD = [
    HEADER,
    ["vet4f", "9.9", "Training", "Wrong activity", "2025-03-03", "2025-03-01", "20", "30", "Nobody Ltd"],
    ["", "", "party", "", "31/02/2025", "", "many", "", ""],
    ["vet4f", "1.4", "workshop", "Fine row", "2025-05-05", "", "5", "", ""],
]  # fmt: skip


def run(network, user, file, *, dry_run=True):
    with scope(network=network):
        return entry_import(network=network, acting_user=user, organisation=org(user), file=file, dry_run=dry_run)


def count(network):
    with scope(network=network):
        return ActivityEntry.objects.filter(network=network).count()


def errors_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# --- the service ---------------------------------------------------------------------------------------


def test_a_dry_run_shows_what_it_would_create_and_saves_nothing(network, partner, logframe):
    result = run(network, partner, csv_file(GOOD))

    assert result.valid and not result.saved, [row.errors for row in result.rows]
    assert [row.number for row in result.rows] == [2, 3]
    first = result.rows[0].entry
    assert (str(first.title), first.activity_id, first.participants_total) == (
        "Career guidance training", logframe["activity"].pk, 20
    )  # fmt: skip
    assert count(network) == 0


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
def test_a_good_file_imports_every_row_as_a_draft(network, project, partner, member, logframe, make):
    rows = [[date.fromisoformat(v) if re.fullmatch(r"\d{4}-\d\d-\d\d", v) else v for v in row] for row in GOOD]
    result = run(network, partner, make(rows if make is xlsx_file else GOOD), dry_run=False)

    assert result.saved
    with scope(network=network):
        entries = list(ActivityEntry.objects.filter(network=network).order_by("start_date"))
        training, meeting = entries
        assert (training.project, training.activity, training.kind, training.status) == (
            project, logframe["activity"], "training", "draft"
        )  # fmt: skip
        assert (training.start_date, training.end_date, training.women) == (date(2025, 3, 3), date(2025, 3, 4), 12)
        assert set(training.partners.all()) == {org(partner), org(member)}
        assert training.organisation == org(partner)
        assert (meeting.project, meeting.kind, meeting.end_date) == (None, "meeting", date(2025, 4, 1))


def test_a_semicolon_csv_from_a_european_excel_is_read(network, partner, logframe):
    result = run(network, partner, csv_file(GOOD, delimiter=";"))
    assert result.valid and len(result.rows) == 2


def test_every_error_is_reported_by_row_and_column_and_nothing_is_saved(network, partner, logframe):
    result = run(network, partner, csv_file(BAD), dry_run=False)

    assert not result.valid and not result.saved
    assert count(network) == 0
    by_row = {row.number: row.errors for row in result.rows}
    assert set(by_row[2]) == {"activity", "end_date", "women", "partners"}
    assert by_row[2]["activity"] == ["The project has no planned activity numbered “9.9”."]
    assert by_row[2]["end_date"] == ["The activity cannot end before it starts (2025-03-03)."]
    assert by_row[2]["women"] == ["The participants by sex add up to 30, more than the total of 20."]
    assert by_row[2]["partners"] == ["“Nobody Ltd” is neither a partner of a project nor a member of the network."]
    assert set(by_row[3]) == {"kind", "title", "start_date", "participants_total"}
    assert by_row[3]["start_date"] == ["“31/02/2025” is not a date: write it as 2025-03-31."]
    assert by_row[3]["participants_total"] == ["“many” is not a whole number of people."]
    assert by_row[4] == {}


def test_the_annotated_copy_marks_each_bad_cell_and_explains_it(client, network, partner, logframe):
    client.force_login(partner)
    url = reverse("projects:entry_import", kwargs={"network_slug": network.slug})
    response = client.post(url, {"file": csv_file(BAD), "organisation": org(partner).pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "nothing was saved" in page and "The project has no planned activity numbered “9.9”." in page
    key = response.context["key"]

    download = client.get(reverse("projects:entry_import_errors", kwargs={"network_slug": network.slug, "key": key}))
    assert download.status_code == 200
    content = b"".join(download.streaming_content)

    # The user's own cells, unchanged, and an Errors column saying everything wrong with each row.
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name("Activities")
    header, *rows = sheet.to_python()
    assert header == [*HEADER, "Errors"]
    assert [row[:-1] for row in rows] == [[_cell(v) for v in row] for row in BAD[1:]]
    assert rows[0][-1].splitlines() == [
        "activity: The project has no planned activity numbered “9.9”.",
        "end_date: The activity cannot end before it starts (2025-03-03).",
        "women: The participants by sex add up to 30, more than the total of 20.",
        "partners: “Nobody Ltd” is neither a partner of a project nor a member of the network.",
    ]
    assert rows[2][-1] == ""

    # Cell by cell: a comment on each bad cell (calamine reads no comments, so the XML is read), and the
    # red fill on exactly those cells.
    comments = _comments(content)
    assert comments == {
        "B2": "The project has no planned activity numbered “9.9”.",
        "F2": "The activity cannot end before it starts (2025-03-03).",
        "H2": "The participants by sex add up to 30, more than the total of 20.",
        "I2": "“Nobody Ltd” is neither a partner of a project nor a member of the network.",
        "C3": comments["C3"],
        "D3": "Give the text in English, the original language.",  # the title
        "E3": "“31/02/2025” is not a date: write it as 2025-03-31.",
        "G3": "“many” is not a whole number of people.",
    }
    assert comments["C3"].startswith("“party” is not a kind of activity")
    assert _red_cells(content) == set(comments)
    with scope(network=network):
        assert not ActivityEntry.objects.exists()


def _cell(value):
    return value  # calamine gives the CSV's strings back as strings


def _comments(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read(next(n for n in archive.namelist() if re.fullmatch(r"xl/comments\d+\.xml", n))).decode()
    found = {}
    for ref, body in re.findall(r'<comment ref="([A-Z]+\d+)"[^>]*>(.*?)</comment>', xml, re.S):
        found[ref] = "".join(re.findall(r"<t(?: [^>]*)?>(.*?)</t>", body, re.S)).replace("&quot;", '"')
    return found


def _red_cells(content):
    """The cells whose style has the error fill."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        styles = archive.read("xl/styles.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    fills = re.findall(r"<fill>(.*?)</fill>", re.search(r"<fills[^>]*>(.*?)</fills>", styles, re.S)[1], re.S)
    red_fills = {i for i, fill in enumerate(fills) if "F8D7DA" in fill}
    xfs = re.findall(r"<xf [^>]*>", re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S)[1])
    red_styles = {i for i, xf in enumerate(xfs) if int(re.search(r'fillId="(\d+)"', xf)[1]) in red_fills}
    return {ref for ref, style in re.findall(r'<c r="([A-Z]+\d+)" s="(\d+)"', sheet) if int(style) in red_styles}


def test_the_confirmation_imports_the_dry_runs_file(client, network, partner, logframe):
    client.force_login(partner)
    url = reverse("projects:entry_import", kwargs={"network_slug": network.slug})
    response = client.post(url, {"file": csv_file(GOOD), "organisation": org(partner).pk})
    assert "2 entries would be created" in response.content.decode()
    assert count(network) == 0

    response = client.post(url, {"confirm": response.context["key"]})

    assert response.status_code == 302
    assert count(network) == 2
    stale = client.post(url, {"confirm": "0" * 32}, follow=True)  # a stale key: a message, not a 500
    assert "This dry run is no longer available: upload the file again." in stale.content.decode()
    assert count(network) == 2


def test_a_dry_run_s_files_left_behind_are_swept_after_a_day(client, network, partner, logframe, media_root):
    """A dry run nobody confirmed leaves its upload (and annotated copy) in the storage; the session that named
    them is long gone after a day, so a later dry run deletes them, at most once an hour."""
    old = default_storage.save("entry-imports/abandoned.csv", ContentFile(b"title,start_date\n"))
    recent = default_storage.save("entry-imports/recent.csv", ContentFile(b"title,start_date\n"))
    day_and_a_bit = time.time() - 25 * 3600
    os.utime(media_root / old, (day_and_a_bit, day_and_a_bit))
    os.utime(media_root / recent, (time.time() - 23 * 3600,) * 2)
    cache.delete(exchange.SWEEP_KEY)
    client.force_login(partner)
    url = reverse("projects:entry_import", kwargs={"network_slug": network.slug})

    client.post(url, {"file": csv_file(GOOD), "organisation": org(partner).pk})

    assert not default_storage.exists(old)
    assert default_storage.exists(recent)  # still within the day
    assert default_storage.exists(client.session[exchange.SESSION_KEY]["files"]["upload"])  # the new dry run's
    # Within the hour no dry run looks again: the next sweep takes the one abandoned since.
    os.utime(media_root / recent, (day_and_a_bit, day_and_a_bit))
    client.post(url, {"file": csv_file(GOOD), "organisation": org(partner).pk})
    assert default_storage.exists(recent)
    cache.delete(exchange.SWEEP_KEY)
    client.post(url, {"file": csv_file(GOOD), "organisation": org(partner).pk})
    assert not default_storage.exists(recent)
    _folders, left = default_storage.listdir("entry-imports")
    assert left == [client.session[exchange.SESSION_KEY]["files"]["upload"].split("/")[-1]]


# --- files refused as a whole --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, message",
    [
        (csv_file([["project", "titel", "start_date"], ["", "x", "2025-01-01"]]), "Unknown columns: “titel”."),
        (csv_file([["project", "kind"], ["", "training"]]), "these are missing: “title”, “start_date”"),
        (SimpleUploadedFile("empty.csv", b""), "The file is empty."),
        (csv_file([["title", "start_date"]]), "The file has its header row but no entries below it."),
        (xlsx_file([["Budget line", "Amount"], ["Travel", 100]], sheet="Budget"),
         "The sheet “Budget” does not hold entries: Unknown columns: “Budget line”, “Amount”."),
        (SimpleUploadedFile("entries.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "neither a CSV file nor an Excel"),
        (SimpleUploadedFile("entries.csv", "title,start_date\nČ,2025-01-01\n".encode("cp1250")), "not in UTF-8"),
    ],
)  # fmt: skip
def test_a_file_that_holds_no_entries_gets_one_clear_message(network, partner, file, message):
    errors = errors_of(lambda: run(network, partner, file))
    assert list(errors) == ["file"]
    assert message in errors["file"][0]


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
def test_a_file_of_100000_rows_is_refused_quickly(network, partner, make, settings):
    rows = [["title", "start_date"], *(["Training", "2025-01-01"] for _ in range(100_000))]
    file = make(rows)
    started = time.monotonic()

    errors = errors_of(lambda: run(network, partner, file))

    assert time.monotonic() - started < 5
    assert errors["file"] == [
        "The file has more than 5,000 rows of entries. Split it into files of at most 5,000 rows."
    ]


def test_the_import_page_never_answers_500_for_a_bad_file(client, network, partner):
    client.force_login(partner)
    url = reverse("projects:entry_import", kwargs={"network_slug": network.slug})
    response = client.post(
        url, {"file": SimpleUploadedFile("x.xlsx", b"PK\x03\x04garbage"), "organisation": org(partner).pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


# --- the round trip ------------------------------------------------------------------------------------


def _fields(entry):
    values = {name: getattr(entry, name) for name in ENTRY_FIELDS if name not in ("partners", "target_groups")}
    values = {k: (v.as_json() if hasattr(v, "as_json") else v) for k, v in values.items()}
    values["partners"] = sorted(entry.partners.values_list("pk", flat=True))
    values["target_groups"] = sorted(entry.target_groups.values_list("pk", flat=True))
    return values


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(client, network, project, partner, member, logframe, fmt):
    with scope(network=network):
        originals = [
            entry_create(network=network, acting_user=partner, organisation=org(partner), data={
                "project": project.pk, "activity": logframe["activity"].pk, "kind": "workshop", "language": "en",
                "title": {"en": "-5 °C outside: workshop", "az": "Seminar"}, "description": "Line one\nline two",
                "outcomes": {"en": "@mentions work", "sl": {"text": "Delavnica", "source": "machine"},
                             "az": "Nəticələr"}, "start_date": date(2025, 3, 3),
                "end_date": date(2025, 3, 4), "site": logframe["site"].pk, "participants_total": 20, "women": 12,
                "men": 7, "other_or_not_given": 1, "under_18": 2, "age_65_plus": 1, "with_disabilities": 3,
                "partners": [org(partner).pk, org(member).pk], "target_groups": [logframe["group"].pk],
                "links": ["https://example.org/a", "https://example.org/b"],
            }),
            entry_create(network=network, acting_user=partner, organisation=org(partner), data={
                "kind": "advocacy_meeting", "language": "sl", "title": "Srečanje na ministrstvu",
                "start_date": date(2025, 6, 1), "end_date": date(2025, 6, 1), "place": "Ljubljana", "country": "SI",
            }),
        ]  # fmt: skip
        before = [_fields(entry) for entry in originals]
    client.force_login(partner)
    response = client.get(reverse(f"projects:entry_export_{fmt}", kwargs={"network_slug": network.slug}))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    with scope(network=network):
        ActivityEntry.objects.all().delete()

    result = run(network, partner, SimpleUploadedFile(f"export.{fmt}", content), dry_run=False)

    assert result.saved, [row.errors for row in result.rows]
    with scope(network=network):
        after = [_fields(e) for e in ActivityEntry.objects.order_by("start_date")]
    assert after == before
    assert after[0]["outcomes"]["sl"] == {"text": "Delavnica", "source": "machine"}  # not made a person's


def test_a_translation_in_both_columns_of_its_language_keeps_the_person_s(network, partner):
    header = ["title", "start_date", "title [sl, machine]", "title [sl]", "title [az, machine]", "title [de]"]
    row = ["Workshop", "2025-03-03", "Strojno", "Delavnica", "Seminar", ""]
    result = run(network, partner, csv_file([header, row]))

    assert result.valid, [row.errors for row in result.rows]
    assert result.rows[0].entry.title.as_json() == {
        "en": {"text": "Workshop", "source": "original"},
        "az": {"text": "Seminar", "source": "machine"},
        "sl": {"text": "Delavnica", "source": "human"},
    }


# --- the template ----------------------------------------------------------------------------------------


def test_the_template_offers_the_projects_lists(client, network, project, partner, logframe):
    client.force_login(partner)
    url = reverse("projects:entry_template", kwargs={"network_slug": network.slug, "project_slug": project.slug})

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="activities-vet4f-template.xlsx"'
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert workbook.sheet_names == ["Activities", "Lists"]
    assert workbook.get_sheet_by_name("Activities").to_python()[0] == list(entry_columns.COLUMNS)
    lists = workbook.get_sheet_by_name("Lists").to_python()
    columns = {title: [row[i] for row in lists[1:] if row[i]] for i, title in enumerate(lists[0])}
    assert columns["Project"] == ["vet4f"]
    assert columns["Planned activities"] == ["1.4 Strengthening of career guidance"]
    assert columns["Kinds"][:2] == ["Training", "Workshop"] and len(columns["Kinds"]) == 9
    assert columns["Sites"] == ["VET school Ganja"]
    assert columns["Target groups"] == ["Career counsellors"]
    assert "Partner school" in columns["Partner organisations"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        book = archive.read("xl/workbook.xml").decode()
    assert "<formula1>Lists!$B$2:$B$2</formula1>" in sheet  # the activities' drop-down
    assert 'name="Lists" sheetId="2" state="hidden"' in book

    # Filled in and uploaded, the template imports.
    filled = [
        list(entry_columns.COLUMNS),
        [
            "vet4f",
            "1.4 Strengthening of career guidance",
            "Training",
            "en",
            "From the template",
            "",
            "",
            date(2025, 2, 2),
        ]
        + [""] * (len(entry_columns.COLUMNS) - 8),
    ]
    result = run(network, partner, xlsx_file(filled))
    assert result.valid, [row.errors for row in result.rows]


# --- who may ------------------------------------------------------------------------------------------


def test_who_may_import(client, network, project, partner, member, coordinator, logframe):
    url = reverse("projects:entry_import", kwargs={"network_slug": network.slug})
    template = reverse("projects:entry_template", kwargs={"network_slug": network.slug, "project_slug": project.slug})
    observer = person_in(network, Role.OBSERVER)
    assert client.get(url).status_code == 302  # visitors log in first
    for who, page, template_status in ((partner, 200, 200), (member, 200, 403), (coordinator, 200, 200),
                                        (observer, 403, 403)):  # fmt: skip
        client.force_login(who)
        assert (client.get(url).status_code, client.get(template).status_code) == (page, template_status)
    with pytest.raises(PermissionDenied):
        run(network, observer, csv_file(GOOD))
    # A member whose organisation is no partner of the project: its rows are refused, the others would go.
    result = run(network, member, csv_file(GOOD))
    assert result.rows[0].errors == {"project": [result.rows[0].errors["project"][0]]}
    assert "projects their organisation is a partner of" in result.rows[0].errors["project"][0]
    assert result.rows[1].errors == {}


def test_another_networks_project_cannot_be_named(network, partner):
    ProjectFactory(slug="elsewhere")  # in another network
    result = run(network, partner, csv_file([["project", "title", "start_date"], ["elsewhere", "x", "2025-01-01"]]))
    assert result.rows[0].errors == {"project": ["No project of this network has the address “elsewhere”."]}
