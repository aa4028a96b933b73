"""The evidence pack (reports/documents/evidence_pack.py): the ZIP opened and checked as an auditor would,
the files it must leave out, its tables against the indicator values, its cap, who may ask for it, the
dashboard's section that asks for it, and one run through a real worker."""

import csv
import datetime
import hashlib
import io
import json
import secrets
import time
import zipfile
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection
from django.template import Context, RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled
from python_calamine import CalamineWorkbook

from network.models import Role
from portal import sections
from projects import models as m
from projects.selectors import computed_indicators, project_page
from reports import kinds
from reports.documents import evidence_pack
from reports.models import ReportJob
from reports.services import report_request
from tests.factories import ActivityEntryFactory, NetworkFactory, OrganisationFactory, person_in, project_with_logframe
from tests.reports.conftest import committed

PERIOD = {"period_start": "2025-01-01", "period_end": "2025-12-31"}
KIND = "evidence_pack"


def attach(entry, name, content, content_type="application/pdf", kind="attachment"):
    """A file stored for `entry` as projects.services.attachments leaves it (through the storage)."""
    with scopes_disabled():
        attachment = m.EntryAttachment(
            network=entry.network, entry=entry, kind=kind, key=secrets.token_hex(16), original_name=name,
            content_type=content_type, size=len(content),
        )  # fmt: skip
        attachment.file.save(name, ContentFile(content), save=False)
        attachment.save()
    return attachment


def entry(project, activity, organisation, day, *, status="approved", kind="training", women=12, title=None):
    return ActivityEntryFactory(
        network=project.network, project=project, activity=activity, organisation=organisation, status=status,
        kind=kind, title=title or f"Training on {day}", start_date=day, end_date=day, participants_total=20,
        women=women, men=20 - women, under_18=5, age_18_29=15, with_disabilities=2,
    )  # fmt: skip


class Built:
    """A project with a typed indicator (2025: 1, 2026: 2), two computed from the log (the women of activity
    1.1's entries; the number of trainings), entries whose files belong in the 2025 pack and entries whose
    files do not."""

    def __init__(self, network, **project_kwargs):
        project_kwargs = {"title": "Career guidance in VET schools", "acronym": "CGV", **project_kwargs}
        self.project = project = project_with_logframe(
            network, components=1, activities=2, results=1, indicators=1, partners=1, **project_kwargs
        )
        organisation = OrganisationFactory(name="Youth Centre Gyumri")
        with scopes_disabled():
            self.activity = first, second = m.Activity.objects.filter(project=project).order_by("code")
            result = m.Result.objects.get(project=project)
            self.women = m.Indicator.objects.create(
                network=network, project=project, result=result, position=10, name="Women trained", unit="people",
                target=100, source="log", measure="participants", breakdown="women",
            )  # fmt: skip
            self.women.activities.set([first])
            self.trainings = m.Indicator.objects.create(
                network=network, project=project, result=result, position=11, name="Trainings held",
                unit="trainings", source="log", measure="entries", entry_kind="training",
            )  # fmt: skip
        self.march = entry(project, first, organisation, datetime.date(2025, 3, 10), women=12)
        self.june = entry(project, first, organisation, datetime.date(2025, 6, 10), women=9)
        self.files = {
            "march agenda": attach(self.march, "agenda.pdf", b"%PDF-1.4 the March agenda"),
            "march photo": attach(self.march, "group.jpg", b"\xff\xd8\xff a photo", "image/jpeg", "photo"),
            "june agenda": attach(self.june, "agenda.pdf", b"%PDF-1.4 the June agenda"),
            "june agenda again": attach(self.june, "agenda.pdf", b"%PDF-1.4 the June agenda, signed"),
        }
        # Files that stay out: an entry after the period, a draft, a deleted entry, another project's, and an
        # approved entry of the period that no indicator counted (a meeting of activity 1.2).
        later = entry(project, first, organisation, datetime.date(2026, 2, 1))
        draft = entry(project, first, organisation, datetime.date(2025, 5, 1), status="draft")
        deleted = entry(project, first, organisation, datetime.date(2025, 5, 2))
        with scopes_disabled():
            m.ActivityEntry.objects.filter(pk=deleted.pk).update(deleted_at=timezone.now())
        other = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1,
                                      slug="other-project")  # fmt: skip
        with scopes_disabled():
            other_activity = m.Activity.objects.get(project=other)
        elsewhere = entry(other, other_activity, organisation, datetime.date(2025, 4, 4))
        uncounted = entry(project, second, organisation, datetime.date(2025, 4, 1), kind="meeting")
        self.left_out = {
            "later.pdf": attach(later, "later.pdf", b"%PDF-1.4 later"),
            "draft.pdf": attach(draft, "draft.pdf", b"%PDF-1.4 draft"),
            "deleted.pdf": attach(deleted, "deleted.pdf", b"%PDF-1.4 deleted"),
            "other-project.pdf": attach(elsewhere, "other-project.pdf", b"%PDF-1.4 elsewhere"),
            "not-counted.pdf": attach(uncounted, "not-counted.pdf", b"%PDF-1.4 a meeting"),
        }


@pytest.fixture
def built(network, media_root):
    return Built(network, visibility="private")


def render(project, language="en", **parameters):
    fractions = []
    with scope(network=project.network):
        kind = kinds.get(KIND)
        cleaned = kind.clean_parameters(project, parameters or PERIOD)
        data = kind.render(project, parameters=cleaned, language=language, progress=fractions.append)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) >= 5
    return zipfile.ZipFile(io.BytesIO(data))


def manifest(pack):
    return list(csv.DictReader(io.StringIO(pack.read("manifest.csv").decode())))


def test_the_manifest_names_every_file_with_its_checksum_and_entry(built):
    pack = render(built.project)
    assert pack.testzip() is None
    lines = manifest(pack)
    listed = [line["path"] for line in lines]
    assert len(listed) == len(set(listed))
    # Every file listed is there, with the checksum and size it has; nothing is there unlisted but the manifests.
    assert set(pack.namelist()) == {*listed, "manifest.csv", "manifest.json"}
    for line in lines:
        content = pack.read(line["path"])
        assert hashlib.sha256(content).hexdigest() == line["sha256"]
        assert len(content) == int(line["size"])
    assert json.loads(pack.read("manifest.json"))["files"] == [
        {**line, "size": int(line["size"]), "entry_id": int(line["entry_id"]) if line["entry_id"] else ""}
        for line in lines
    ]
    pdf, xlsx = lines[0], lines[1]
    assert pdf["path"] == "cgv-progress-2025-01-01-2025-12-31-en.pdf" and pdf["entry_id"] == ""
    assert pack.read(pdf["path"]).startswith(b"%PDF")
    assert xlsx["path"] == "cgv-indicators-2025-01-01-2025-12-31-en.xlsx" and xlsx["entry_id"] == ""
    march = next(line for line in lines if line["path"].endswith("/group.jpg"))
    assert march == {
        "path": f"attachments/2025-03-10-{built.march.pk}/group.jpg",
        "sha256": hashlib.sha256(b"\xff\xd8\xff a photo").hexdigest(),
        "size": str(len(b"\xff\xd8\xff a photo")),
        "entry_id": str(built.march.pk),
        "entry_title": "Training on 2025-03-10",
        "entry_date": "2025-03-10",
        "entry_url": f"/networks/vet-reform/activities/{built.march.pk}/",
    }


def test_only_the_files_of_the_counted_entries_of_the_period_are_packed(built):
    pack = render(built.project)
    attachments = {line["path"]: line for line in manifest(pack) if line["entry_id"]}
    march, june = f"attachments/2025-03-10-{built.march.pk}", f"attachments/2025-06-10-{built.june.pk}"
    assert sorted(attachments) == [
        f"{march}/agenda.pdf", f"{march}/group.jpg", f"{june}/agenda-2.pdf", f"{june}/agenda.pdf"
    ]  # fmt: skip
    assert pack.read(f"{june}/agenda.pdf") == b"%PDF-1.4 the June agenda"
    assert pack.read(f"{june}/agenda-2.pdf") == b"%PDF-1.4 the June agenda, signed"
    names = " ".join(pack.namelist())
    for left_out in built.left_out:
        assert left_out not in names


def test_a_shorter_period_packs_only_its_own_entries(built):
    pack = render(built.project, period_start="2025-05-01", period_end="2025-12-31")
    entries = {line["entry_id"] for line in manifest(pack) if line["entry_id"]}
    assert entries == {str(built.june.pk)}


_SHEET_WORDS = ("Indicators", "Indicator", "Expected result", "Original language")


def _sheet_rows(pack, language="en"):
    """The indicators sheet's rows, keyed by the English of each column (the sheet speaks the report's
    language: its name and headers are looked up in `language`'s catalog)."""
    with translation.override(language):
        english = {translation.gettext(word): word for word in _SHEET_WORDS}
    name = next(n for n in pack.namelist() if n.endswith(".xlsx"))
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(pack.read(name)))
    sheet = next(key for key, word in english.items() if word == "Indicators")
    header, *rows = workbook.get_sheet_by_name(sheet).to_python()

    def key(cell):
        words, bracket, slot = str(cell).partition(" [")
        return english.get(words, words) + bracket + slot

    return [dict(zip(map(key, header), row, strict=True)) for row in rows]


def test_the_tables_hold_the_indicator_values_of_the_period(built):
    rows = _sheet_rows(render(built.project))
    by_name = {row["Indicator"]: row for row in rows}
    assert len(rows) == len(by_name) == 3  # one period each overlaps 2025: the year itself
    typed, women, trainings = by_name["Indicator 0"], by_name["Women trained"], by_name["Trainings held"]
    # As the indicators say (read here through the selectors the pages use)...
    with scope(network=built.project.network):
        page = project_page(project=built.project)
        computed = computed_indicators(project=built.project, indicators=page.indicators)
    typed_value = next(v for i in page.indicators if i.name == "Indicator 0" for v in i.values.all()
                       if v.period_start.year == 2025)  # fmt: skip
    in_2025 = {pk: next(v.value for v in c.values if v.period_start.year == 2025) for pk, c in computed.items()}
    assert typed["Actual value"] == float(typed_value.value)
    assert women["Actual value"] == in_2025[built.women.pk] and trainings["Actual value"] == in_2025[built.trainings.pk]
    # ...and as counted by hand: 12 + 9 women, two trainings (the meeting, the draft, the deleted, the later
    # and the other project's entries not counted).
    assert (typed["Actual value"], women["Actual value"], trainings["Actual value"]) == (1, 21, 2)
    assert typed["Where it came from"] == "Typed in" and women["Where it came from"] == "Activity log"
    assert (typed["Baseline"], typed["Target"], women["Target"]) == (0, 7, 100)
    assert (women["Period from"], women["Period to"]) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert women["Entries counted"] == trainings["Entries counted"] == 2 and typed["Entries counted"] == ""
    assert (women["Women"], women["Men"], women["Under 18"], women["Persons with disabilities"]) == (21, 19, 10, 4)
    assert trainings["Women"] == ""  # a count of entries has no breakdown of participants
    assert women["Shows what was counted"] == (
        f"/networks/vet-reform/activities/?project={built.project.slug}&status=approved&activity={built.activity[0].pk}"
        "&from=2025-01-01&to=2025-12-31"
    )


def _queries(project):
    with CaptureQueriesContext(connection) as queries:
        render(project)
    return len(queries)


def test_the_query_count_does_not_grow_with_the_entries_files_and_indicators(built):
    before = _queries(built.project)
    network, project = built.project.network, built.project
    organisation = OrganisationFactory(name="Another partner")
    with scopes_disabled():
        result = m.Result.objects.get(project=project)
        for n in range(3):
            indicator = m.Indicator.objects.create(
                network=network, project=project, result=result, position=20 + n, name=f"Participants {n}",
                source="log", measure="participants",
            )  # fmt: skip
            indicator.activities.set([built.activity[1]])
    for n in range(4):
        logged = entry(project, built.activity[1], organisation, datetime.date(2025, 7, 1 + n))
        attach(logged, "list.pdf", b"%PDF-1.4 participants")
        attach(logged, "photo.jpg", b"\xff\xd8\xff another", "image/jpeg", "photo")
    # Eight more files, and the meeting of activity 1.2's, which the new indicators count.
    assert len(manifest(render(project))) == 2 + len(built.files) + 8 + 1
    assert _queries(project) == before


def test_attachments_over_the_cap_fail_the_job_with_a_message(built, people, settings):
    total = sum(a.size for a in built.files.values())
    settings.REPORT_EVIDENCE_MAX_BYTES = total
    assert len(manifest(render(built.project))) == 2 + len(built.files)  # exactly at the cap: packed

    settings.REPORT_EVIDENCE_MAX_BYTES = total - 1
    with pytest.raises(kinds.RenderError) as refused:
        render(built.project)
    assert str(refused.value) == (
        f"The files of the period's entries add up to {total}\xa0bytes, more than an evidence pack may hold "
        f"({total - 1}\xa0bytes). Ask for a shorter period."
    )
    with scope(network=built.project.network), committed():
        job = report_request(kind=KIND, subject=built.project, parameters=PERIOD, language="en",
                             acting_user=people.member)  # fmt: skip
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and job.error == str(refused.value) and not job.file


def test_who_may_ask_for_and_download_a_pack(built, people, client):
    project = built.project
    kind = kinds.get(KIND)
    with scope(network=project.network):
        assert kind.can_request(people.coordinator, project) and kind.can_request(people.member, project)
        assert not kind.can_request(people.outsider, project) and not kind.can_download(people.outsider, project)
        assert not kind.can_request(AnonymousUser(), project)
        with committed():
            job = report_request(kind=KIND, subject=project, parameters=PERIOD, language="en",
                                 acting_user=people.member)  # fmt: skip
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE, job.error
    asking = reverse("reports:request", kwargs={"kind": KIND, "subject_id": project.pk})
    download = reverse("reports:download", kwargs={"key": job.key})

    assert client.get(download).status_code == 404  # a visitor
    assert client.get(asking).status_code == 302  # a visitor is sent to log in
    client.force_login(people.outsider)
    assert client.get(download).status_code == 404 and client.get(asking).status_code == 404
    client.force_login(people.member)
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert 'filename="cgv-evidence-2025-01-01-2025-12-31-en.zip"' in response["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).testzip() is None
    assert "Download the ZIP file" in client.get(reverse("reports:job", kwargs={"key": job.key})).content.decode()
    assert "Prepare the ZIP file" in client.get(asking).content.decode()


def test_a_public_project_still_needs_a_signed_in_reader(network):
    project = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1)
    with scope(network=network):
        assert kinds.get("progress_report").can_request(AnonymousUser(), project)  # the report is public
        assert not kinds.get(KIND).can_request(AnonymousUser(), project)  # the entries' files are not


def test_the_filename_and_the_period_checks(network):
    project = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1,
                                    acronym="CGV")  # fmt: skip
    assert evidence_pack.filename(project, parameters=PERIOD, language="sq") == (
        "cgv-evidence-2025-01-01-2025-12-31-sq.zip"
    )
    assert evidence_pack.clean_parameters is kinds.get("progress_report").clean_parameters


# --- the dashboard's section -----------------------------------------------------------------------


SECTION_TEMPLATE = "reports/sections/project_dashboard.html"
SECTION = Template(f'{{% include "{SECTION_TEMPLATE}" %}}')  # this app's section alone; others share the slot


def section(project, user, **period):
    request = RequestFactory().get("/")
    request.user = user
    with scope(network=project.network):
        return SECTION.render(RequestContext(request, {"project": project, **period}))


class Forms(HTMLParser):
    """{form action: {field name: value}} of the forms in a piece of HTML."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.current = {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = self.forms.setdefault(attrs["action"], {})
        elif tag in ("input", "select") and self.current is not None and attrs.get("name"):
            self.current[attrs["name"]] = attrs.get("value")


def test_the_dashboard_section_asks_for_both_with_the_dashboards_period(built, people):
    assert SECTION_TEMPLATE in sections.templates("project_dashboard")
    html = section(built.project, people.member, period_start=datetime.date(2025, 4, 1),
                   period_end=datetime.date(2025, 9, 30))  # fmt: skip
    forms = Forms(html).forms
    assert list(forms) == [
        reverse("reports:request", kwargs={"kind": kind, "subject_id": built.project.pk})
        for kind in ("progress_report", KIND)
    ]
    for fields in forms.values():
        assert fields["period_start"] == "2025-04-01" and fields["period_end"] == "2025-09-30"
        assert "language" in fields and "csrfmiddlewaretoken" in fields
    assert "Progress report (PDF)" in html and "Evidence pack (ZIP)" in html and "Prepare the ZIP file" in html


def test_the_dashboard_section_without_a_period_offers_the_projects_and_hides_from_outsiders(built, people):
    forms = Forms(section(built.project, people.member, period_start=None, period_end=None)).forms
    assert [fields["period_start"] for fields in forms.values()] == ["2025-01-01", "2025-01-01"]  # its start
    assert section(built.project, people.outsider, period_start=None, period_end=None).strip() == ""


def test_the_form_tag_refuses_a_parameter_the_kind_does_not_ask_for(built, people):
    request = RequestFactory().get("/")
    request.user = people.member
    template = Template('{% load reports %}{% report_form "evidence_pack" project version=2 as form %}')
    with scope(network=built.project.network), pytest.raises(TemplateSyntaxError):
        template.render(Context({"request": request, "project": built.project}))


# --- one run through a real worker ---------------------------------------------------------------------


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_worker_builds_the_pack(celery_worker_process):
    network = NetworkFactory(name="VET Reform Network", slug="vet-reform")
    built = Built(network, visibility="private")
    member = person_in(network, Role.MEMBER)
    with celery_worker_process.taking_jobs(), scope(network=network):
        job = report_request(kind=KIND, subject=built.project, parameters=PERIOD, language="en", acting_user=member)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with scopes_disabled():
            job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.2)
    assert job.status == ReportJob.Status.DONE, (job.error, celery_worker_process.log_tail())
    assert job.file.name.endswith(".zip") and job.progress == 100
    with job.file.open("rb") as file:
        pack = zipfile.ZipFile(io.BytesIO(file.read()))
    lines = manifest(pack)
    assert len(lines) == 2 + len(built.files)
    assert all(hashlib.sha256(pack.read(line["path"])).hexdigest() == line["sha256"] for line in lines)


def test_the_tables_carry_every_language_of_the_texts_with_its_provenance(built):
    """As the activity log's export writes them (projects.entry_columns): the original, then a column per
    translation, a machine's apart from a person's."""
    with scopes_disabled():
        m.Indicator.objects.filter(pk=built.women.pk).update(name={
            "en": {"text": "Women trained", "source": "original"},
            "hy": {"text": "Վերապատրաստված կանայք", "source": "human"},
            "sl": {"text": "Usposobljene ženske", "source": "machine"},
        })  # fmt: skip
        result = m.Result.objects.get(pk=built.women.result_id)
        m.Result.objects.filter(pk=result.pk).update(
            title={"en": {"text": str(result.title.original), "source": "original"},
                   "hy": {"text": "Արդյունք", "source": "human"}}
        )  # fmt: skip
    rows = _sheet_rows(render(built.project, language="hy"), language="hy")
    women = next(row for row in rows if row["Indicator"] == "Women trained")  # the original, whatever the language
    assert women["Original language"] == "en"
    assert women["Indicator [hy]"] == "Վերապատրաստված կանայք" and women["Expected result [hy]"] == "Արդյունք"
    assert women["Indicator [sl, machine]"] == "Usposobljene ženske" and "Indicator [sl]" not in women
    assert "Expected result [sl, machine]" in women and women["Expected result [sl, machine]"] == ""
    others = [row for row in rows if row["Indicator"] != "Women trained"]
    assert others and all(row["Indicator [hy]"] == "" for row in others)
