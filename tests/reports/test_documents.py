"""The recommendation package PDF (reports/documents/recommendation_package.py): read back with pdftotext."""

import datetime
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from advocacy.models import OutputVersion
from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_create, output_publish, output_start_review, output_update
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record, submission_respond
from network.models import Role
from reports import kinds
from reports.documents import common, recommendation_package
from tests.factories import NetworkFactory, OrganisationFactory, institution_person, person_in
from tests.reports.documents import flat, needs_poppler, page_count, pdf_fonts, pdf_text

MINISTRY = "Ministry of Education, Science, Culture and Sport"
AGENCY = "National Centre for VET Development"


@pytest.fixture
def network(db):
    return NetworkFactory(name="Partnership for Education Promotion Network", slug="pep", colour="#7a1f3d")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Lead NGO")


@pytest.fixture
def ministry(db):
    return OrganisationFactory(name=MINISTRY, kind="ministry")


@pytest.fixture
def agency(db):
    return OrganisationFactory(name=AGENCY, kind="government_agency")


def make_package(network, coordinator, institutions, *, recommendations=4, title="Recommendations for VET reforms",
                 body="<p>The network's proposals.</p>", language="en", publish=True, submissions=True):  # fmt: skip
    """A recommendation package written through the services: `recommendations` numbered ones spread over the
    institutions (the last one addressed to none), published once, with a submission and its response."""
    with scope(network=network):
        output = output_create(
            network=network, acting_user=coordinator,
            data={"title": title, "summary": "What the network proposes to the ministry.", "body": body,
                  "kind": "recommendation_package", "visibility": "public", "language": language},
        )  # fmt: skip
        for institution in institutions:
            output_address(output=output, institution=institution, acting_user=coordinator)
        added = []
        for n in range(1, recommendations + 1):
            institution = institutions[n % len(institutions)] if n < recommendations or n == 1 else None
            added.append(recommendation_add(
                output=output, acting_user=coordinator,
                data={"text": f"Recommendation text number {n}.", "rationale": f"Because of reason {n}.",
                      "institution": institution.pk if institution else None},
            ))  # fmt: skip
        if publish:
            output = output_start_review(output=output, acting_user=coordinator)
            output = output_publish(output=output, acting_user=coordinator)
        if submissions and publish:
            submission = submission_record(
                output=output, acting_user=coordinator,
                data={"recommendation": added[0].pk, "institution": added[0].institution.pk,
                      "submitted_on": datetime.date(2026, 3, 2), "channel": "meeting",
                      "response_due": datetime.date(2026, 4, 30)},
            )  # fmt: skip
            submission_respond(
                submission=submission, acting_user=coordinator,
                data={"responded_on": datetime.date(2026, 4, 15), "outcome": "adopted",
                      "response_text": "The ministry takes it up.", "evidence_url": "https://example.org/letter"},
            )  # fmt: skip
        return output


def render(output, language="en", **parameters):
    with scope(network=output.network):
        kind = kinds.get("recommendation_package")
        cleaned = kind.clean_parameters(output, parameters)
        fractions = []
        data = kind.render(output, parameters=cleaned, language=language, progress=fractions.append)
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    return data


def test_the_kind_is_registered():
    kind = kinds.get("recommendation_package")
    assert kind.subject_model == "advocacy.AdvocacyOutput"
    assert kind is recommendation_package.KIND


@needs_poppler
def test_the_pdf_holds_the_facts(network, coordinator, ministry, agency, tmp_path):
    output = make_package(network, coordinator, [ministry, agency])
    data = render(output)
    assert data.startswith(b"%PDF-")
    text = flat(pdf_text(data, tmp_path))
    cover = flat(pdf_text(data, tmp_path, 1, 1))
    for fact in ("Partnership for Education Promotion Network", "Recommendations for VET reforms",
                 "Recommendation package", "Version 1"):  # fmt: skip
        assert fact in cover
    published = output.published_at.date()
    assert f"{published.day} {published:%B} {published.year}" in cover  # the date, as English writes it
    assert "Contents" in text and "Annexes" in text
    for n in range(1, 5):
        assert f"{n} Recommendation text number {n}." in text
        assert f"Because of reason {n}." in text
    assert MINISTRY in text and AGENCY in text and "Not addressed to one institution" in text
    # The uptake ledger annex: the submission, its response and its outcome.
    assert "2 March 2026" in text and "15 April 2026" in text and "Adopted" in text
    assert "The ministry takes it up." in text
    # Page numbers in the footer, and the version with the date.
    pages = page_count(data, tmp_path)
    assert pages >= 4
    assert f"Page 2 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Page 1 of" not in text  # the cover has no footer
    assert f"Version 1 · {published.day} {published:%B} {published.year}" in text


def test_every_resource_of_the_document_loads_through_the_fetcher(network, coordinator, ministry, caplog):
    """Nothing the print stylesheet or the template names is refused: a refused font face (a @font-face
    `local()` becomes a file:// URL) would fall back silently and log a warning at every render."""
    output = make_package(network, coordinator, [ministry])
    with caplog.at_level(logging.INFO):
        render(output)
    refused = [
        r.getMessage() for r in caplog.records if "refused" in r.getMessage() or "cannot be loaded" in r.getMessage()
    ]
    assert refused == []


@needs_poppler
def test_recommendations_are_grouped_by_institution_with_their_numbers(
    network, coordinator, ministry, agency, tmp_path
):
    output = make_package(network, coordinator, [ministry, agency], recommendations=5)
    text = flat(pdf_text(render(output), tmp_path))
    body = text[text.index("grouped by the institution") :]
    # Groups by name (Ministry… before National…), then the unaddressed ones; numbers kept within.
    ministry_at, agency_at, none_at = body.index(MINISTRY), body.index(AGENCY), body.index("Not addressed")
    assert ministry_at < agency_at < none_at
    assert body.index("number 2.") < body.index("number 4.") < agency_at  # n % 2 == 0: the ministry
    assert agency_at < body.index("number 1.") < body.index("number 3.") < none_at
    assert none_at < body.index("number 5.")


@needs_poppler
def test_the_table_of_contents_has_page_numbers(network, coordinator, ministry, agency, tmp_path):
    output = make_package(network, coordinator, [ministry, agency], recommendations=20)
    data = render(output)
    toc = pdf_text(data, tmp_path, 2, 2)
    lines = [flat(line) for line in toc.splitlines() if "Annexes" in line or "Recommendations" in line]
    assert lines and all(line.rstrip(".").split(".")[-1].strip().split()[-1].isdigit() for line in lines), toc
    annexes_page = int(next(line for line in lines if "Annexes" in line).split()[-1])
    assert "Attachments" in pdf_text(data, tmp_path, annexes_page, annexes_page)


@needs_poppler
def test_an_earlier_version_is_rendered_as_it_was(network, coordinator, ministry, agency, tmp_path):
    output = make_package(network, coordinator, [ministry, agency], title="First title")
    with scope(network=network):
        output = output_update(output=output, acting_user=coordinator, data={"title": "Second title"})
        recommendation_add(output=output, acting_user=coordinator, data={"text": "A later recommendation."})
        output = output_publish(output=output, acting_user=coordinator)
    latest = flat(pdf_text(render(output), tmp_path))
    assert "Second title" in latest and "Version 2" in latest and "A later recommendation." in latest
    first = flat(pdf_text(render(output, version="1"), tmp_path))
    assert "First title" in first and "Version 1" in first
    assert "Second title" not in first and "A later recommendation." not in first


@needs_poppler
def test_an_unpublished_output_says_so(network, coordinator, ministry, tmp_path):
    output = make_package(network, coordinator, [ministry], publish=False)
    text = flat(pdf_text(render(output), tmp_path))
    assert "Not published: working copy" in text
    assert "Recommendation text number 1." in text


@pytest.mark.parametrize(
    ("parameters", "field", "message"),
    [
        ({"version": "7"}, "version", "This output has no published version 7."),
        ({"version": "0"}, "version", "This output has no published version 0."),
        ({"version": "latest"}, "version", "Choose a version by its number."),
        ({"colour": "red"}, "__all__", "Unknown report parameters: colour."),
    ],
)
def test_bad_parameters_are_refused_with_a_message(network, coordinator, ministry, parameters, field, message):
    output = make_package(network, coordinator, [ministry], submissions=False)
    with scope(network=network), pytest.raises(ValidationError) as refused:
        recommendation_package.clean_parameters(output, parameters)
    assert refused.value.message_dict == {field: [message]}


def test_parameters_name_the_version(network, coordinator, ministry):
    output = make_package(network, coordinator, [ministry], submissions=False)
    with scope(network=network):
        assert recommendation_package.clean_parameters(output, {}) == {"version": 1}
        assert recommendation_package.clean_parameters(output, {"version": 1}) == {"version": 1}
        draft = make_package(network, coordinator, [ministry], publish=False)
        assert recommendation_package.clean_parameters(draft, {"version": ""}) == {"version": None}


# --- languages and fonts ------------------------------------------------------------------------------

ARMENIAN_TITLE = "Մասնագիտական կրթության բարեփոխումների առաջարկությունների փաթեթ"
ARMENIAN_TEXT = "Ներդնել մասնագիտական կողմնորոշման ծառայություն բոլոր քոլեջներում։"
AZERBAIJANI_TEXT = "Peşə təhsili müəssisələrində karyera xidmətini gücləndirmək."


@needs_poppler
@pytest.mark.parametrize(("language", "title", "recommendation", "label"), [
    ("hy", ARMENIAN_TITLE, ARMENIAN_TEXT, None),
    ("az", "Peşə təhsili islahatı üzrə tövsiyələr", AZERBAIJANI_TEXT, None),
])  # fmt: skip
def test_armenian_and_azerbaijani_texts_have_real_glyphs(network, coordinator, ministry, language, title,
                                                         recommendation, label, tmp_path):  # fmt: skip
    with scope(network=network):
        output = output_create(
            network=network, acting_user=coordinator,
            data={"title": title, "kind": "recommendation_package", "visibility": "public", "language": language},
        )  # fmt: skip
        output_address(output=output, institution=ministry, acting_user=coordinator)
        recommendation_add(
            output=output, acting_user=coordinator, data={"text": recommendation, "institution": ministry.pk}
        )
        output = output_publish(output=output_start_review(output=output, acting_user=coordinator),
                                acting_user=coordinator)  # fmt: skip
    data = render(output, language=language)
    text = flat(pdf_text(data, tmp_path))
    assert title in text and recommendation in text
    fonts = pdf_fonts(data, tmp_path)
    assert fonts and all(" yes yes yes" in " ".join(line.split()) for line in fonts), fonts
    assert all("DejaVu" in line for line in fonts), fonts


@needs_poppler
def test_the_labels_are_in_the_requested_language_and_texts_fall_back(network, coordinator, ministry, tmp_path):
    """An English output read in Armenian: the dates in Armenian, the texts in their original English."""
    output = make_package(network, coordinator, [ministry], submissions=False)
    text = flat(pdf_text(render(output, language="hy"), tmp_path))
    assert "Recommendations for VET reforms" in text
    published = output.published_at.date()
    with common.translation.override("hy"):
        day = common.day(published)
    assert day in text
    assert any("\u0531" <= char <= "\u058f" for char in day)  # the month's Armenian name


# --- hostile content --------------------------------------------------------------------------------


class Canary:
    def __init__(self):
        self.hits = []
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                canary.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/svg+xml")
                self.end_headers()
                self.wfile.write(b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary():
    canary = Canary()
    yield canary
    canary.close()


@needs_poppler
def test_hostile_html_in_the_body_is_inert(network, coordinator, ministry, canary, tmp_path):
    hostile = (
        f'<p>Visible body text</p><img src="{canary.url}/img.svg"><script>document.write("SCRIPTRAN")</script>'
        f'<style>@import url("{canary.url}/x.css");</style><p style="background:url({canary.url}/bg.svg)">styled</p>'
        f'<svg><image href="{canary.url}/svg.svg"/></svg><iframe src="{canary.url}/frame"></iframe>'
        f'<a href="javascript:alert(1)">link</a>'
    )
    output = make_package(network, coordinator, [ministry], body=hostile, title="<b>Bold</b> & <script>x</script>")
    # Even were the stored body not clean (written around the service), the document cleans it again.
    with scope(network=network):
        OutputVersion.objects.filter(network=network, output=output).update(
            body={"en": {"text": hostile, "source": "original"}}
        )
    data = render(output)
    assert canary.hits == []
    text = flat(pdf_text(data, tmp_path))
    assert "Visible body text" in text and "styled" in text
    assert "SCRIPTRAN" not in text and "document.write" not in text
    assert "<b>Bold</b> &" in text and "<script>x" in text  # a title is text, shown as typed, never markup
    with scope(network=network):
        context = recommendation_package.context(output, parameters={"version": 1}, language="en")
    context["footer"] = common.page_footer(left="x")
    page = common.render_html(recommendation_package.TEMPLATE, context, language="en")
    assert canary.url not in page and "<script" not in page.lower() and "javascript:" not in page


def test_the_footer_text_cannot_leave_its_css_string():
    assert common.css_string('a"b</style><script>') == '"a\\22 b\\3c /style\\3e \\3c script\\3e "'


# --- permissions and data version -------------------------------------------------------------------


def test_who_may_request_and_download(network, coordinator, ministry, agency):
    output = make_package(network, coordinator, [ministry], submissions=False)
    ministry_user = institution_person("ministry")
    member = person_in(network, Role.MEMBER)
    kind = kinds.get("recommendation_package")
    with scope(network=network):
        assert kind.can_request(coordinator, output) and kind.can_download(member, output)
        assert kind.can_request(AnonymousUser(), output)  # public output of a public network
        output_update(output=output, acting_user=coordinator, data={"visibility": "restricted"})
        output.refresh_from_db()
        assert not kind.can_download(AnonymousUser(), output)
        assert not kind.can_download(ministry_user, output)  # another ministry's person
        assert kind.can_download(institution_person_of(ministry), output)


def institution_person_of(organisation):
    from tests.factories import AffiliationFactory

    return AffiliationFactory(organisation=organisation, is_admin=False).user


def test_inside_a_transaction_that_wrote_the_data_version_is_never_reused(network, coordinator, ministry):
    """The test's transaction has written the output and not committed: the counters do not know it yet."""
    output = make_package(network, coordinator, [ministry], submissions=False)
    with scope(network=network):
        first = recommendation_package.data_version(output, {"version": 1})
        assert recommendation_package.data_version(output, {"version": 1}) != first


@pytest.mark.django_db(transaction=True)
def test_the_data_version_follows_committed_changes():
    network = NetworkFactory(slug="committed")
    coordinator = person_in(network, Role.COORDINATOR, name="Lead NGO")
    ministry = OrganisationFactory(name=MINISTRY, kind="ministry")
    output = make_package(network, coordinator, [ministry], submissions=False)
    with scope(network=network):
        first = recommendation_package.data_version(output, {"version": 1})
        assert recommendation_package.data_version(output, {"version": 1}) == first
        recommendation_add(output=output, acting_user=coordinator, data={"text": "One more."})
        second = recommendation_package.data_version(output, {"version": 1})
        assert second != first
        assert recommendation_package.data_version(output, {"version": 1}) == second
    OrganisationFactory(name="Someone else")  # a row of no network: organisations are on the PDF
    with scope(network=network):
        assert recommendation_package.data_version(output, {"version": 1}) != second


# --- queries ------------------------------------------------------------------------------------------


def _queries(output):
    with scope(network=output.network), CaptureQueriesContext(connection) as queries:
        recommendation_package.context(output, parameters={"version": output.version}, language="en")
    return len(queries)


def test_the_query_count_does_not_grow_with_the_rows(network, coordinator, ministry, agency):
    small = make_package(network, coordinator, [ministry], recommendations=2)
    other = OrganisationFactory(name="Office for Youth", kind="government_agency")
    large = make_package(network, coordinator, [ministry, agency, other], recommendations=20)
    with scope(network=network):
        for n in range(3):
            data = {"institution": agency.pk, "submitted_on": datetime.date(2026, 5, n + 1)}
            submission_record(output=large, acting_user=coordinator, data=data)
    assert _queries(small) == _queries(large)


def test_the_filename(network, coordinator, ministry):
    output = make_package(network, coordinator, [ministry], submissions=False)
    assert recommendation_package.filename(output, parameters={"version": 1}, language="hy") == (
        "recommendations-for-vet-reforms-v1-hy.pdf"
    )
