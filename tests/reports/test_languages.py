"""The PDFs in the requested language (Armenian, Azerbaijani) and in two (sl + en): the labels through the
catalogs (whatever their wording: each label is looked up with gettext under that language), real glyphs
(DejaVu embedded, the script extracted back), A4 pages, the bilingual layouts, and the report request's
second language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_scopes import scope, scopes_disabled

from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_create, output_publish, output_start_review
from advocacy.services.recommendations import recommendation_add
from network.models import Role
from portal.texts import language_name
from projects import models as m
from reports import kinds, services
from reports.documents import progress_report
from reports.models import ReportJob
from reports.templatetags.pdf import original_mark
from tests.clients import sign_in
from tests.factories import NetworkFactory, OrganisationFactory, person_in
from tests.pages import field_error, text
from tests.reports.documents import flat, needs_poppler, page_sizes, pdf_fonts, pdf_layout, pdf_pngs, pdf_text
from tests.reports.test_documents_progress import PERIOD, build

ARMENIAN = re.compile("[\u0531-\u058f]")
AZERBAIJANI = re.compile("[əğıöüşçƏĞİÖÜŞÇ]")
SCRIPTS = {"hy": ARMENIAN, "az": AZERBAIJANI}
A4_AT_60_DPI = (210 / 25.4 * 60, 297 / 25.4 * 60)  # 496.1 × 701.6 pixels: pdftoppm rounds each up or down

PACKAGE_LABELS = ("Contents", "Summary", "Recommendations", "Annexes", "Attachments", "Submissions and responses")
PROGRESS_LABELS = ("Contents", "Summary", "Planned activities", "Indicators", "Reach", "Sites")

TEXTS = {
    "hy": {
        "title": "Մասնագիտական կրթության բարեփոխումների առաջարկություններ",
        "summary": "Ցանցի առաջարկները նախարարությանը։",
        "recommendation": "Ներդնել մասնագիտական կողմնորոշման ծառայություն բոլոր քոլեջներում։",
        "rationale": "Ուսանողների կեսը չի ստանում խորհրդատվություն։",
    },
    "az": {
        "title": "Peşə təhsili islahatı üzrə tövsiyələr",
        "summary": "Şəbəkənin nazirliyə təklifləri.",
        "recommendation": "Peşə təhsili müəssisələrində karyera xidmətini gücləndirmək.",
        "rationale": "Tələbələrin yarısı məsləhət almır.",
    },
}


def labels(language, msgids):
    """{msgid: its translation in `language`} as the catalogs have it now."""
    with translation.override(language):
        return {msgid: gettext(msgid) for msgid in msgids}


def assert_labels(text, language, msgids):
    """Every label in the PDF as gettext gives it in `language`; those the catalog translates differ from the
    English and are in the language's script. At least one is translated (the check would prove nothing
    otherwise)."""
    found = labels(language, msgids)
    for msgid, label in found.items():
        assert label in text, (msgid, label)
    translated = {msgid: label for msgid, label in found.items() if label != msgid}
    assert translated, f"none of {msgids} is translated into {language}"
    for label in translated.values():
        assert SCRIPTS[language].search(label) or language != "hy", label


def assert_real_glyphs(data, tmp_path, language, expected):
    fonts = pdf_fonts(data, tmp_path)
    assert fonts and all("DejaVu" in line for line in fonts), fonts
    assert all(" yes yes " in " ".join(line.split()) for line in fonts), fonts  # embedded, subset
    extracted = pdf_text(data, tmp_path)
    assert "\ufffd" not in extracted  # no glyph without its character (tofu)
    folded = flat(extracted)
    for phrase in expected:
        assert phrase in folded, phrase
    assert SCRIPTS[language].search(folded)


def assert_a4_pngs(data, tmp_path, name):
    """Every page rendered with pdftoppm -png -r 60 (kept in REPORT_PDF_DIR to look at) is A4."""
    pngs = pdf_pngs(data, tmp_path, name)
    sizes = page_sizes(pngs)
    assert pngs and all(abs(w - A4_AT_60_DPI[0]) < 1 and abs(h - A4_AT_60_DPI[1]) < 1 for w, h in sizes), sizes


# --- the recommendation package --------------------------------------------------------------------------


@pytest.fixture
def network(db):
    return NetworkFactory(name="Partnership for Education Promotion Network", slug="pep", colour="#7a1f3d",
                          languages=["hy", "en"])  # fmt: skip


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Lead NGO")


@pytest.fixture
def ministry(db):
    return OrganisationFactory(name="Ministry of Education, Science, Culture and Sport", kind="ministry")


def package(network, coordinator, ministry, *, language, title, summary, recommendations, publish=True):
    """An output in `language` with `recommendations` [(text, rationale)]: each a string (the original) or a
    {language: text} dict (the output's language the original, the others a person's translations)."""
    with scope(network=network):
        output = output_create(
            network=network, acting_user=coordinator,
            data={"title": title, "summary": summary, "kind": "recommendation_package", "visibility": "public",
                  "language": language},
        )  # fmt: skip
        output_address(output=output, institution=ministry, acting_user=coordinator)
        for text_, rationale in recommendations:
            recommendation_add(output=output, acting_user=coordinator,
                               data={"text": text_, "rationale": rationale, "institution": ministry.pk})  # fmt: skip
        if publish:
            output = output_publish(output=output_start_review(output=output, acting_user=coordinator),
                                    acting_user=coordinator)  # fmt: skip
    return output


def render_package(output, language, second_language=""):
    kind = kinds.get("recommendation_package")
    with scope(network=output.network):
        parameters = kind.clean_parameters(output, {})
        return kind.render(output, parameters=parameters, language=language, second_language=second_language,
                           progress=lambda fraction: None)  # fmt: skip


@needs_poppler
@pytest.mark.parametrize("language", ["hy", "az"])
def test_a_recommendation_package_in_armenian_and_in_azerbaijani(network, coordinator, ministry, language,
                                                                 tmp_path):  # fmt: skip
    words = TEXTS[language]
    output = package(network, coordinator, ministry, language=language, title=words["title"], summary=words["summary"],
                     recommendations=[(words["recommendation"], words["rationale"])])  # fmt: skip
    data = render_package(output, language)
    text = flat(pdf_text(data, tmp_path))
    assert_labels(text, language, PACKAGE_LABELS)
    assert_real_glyphs(data, tmp_path, language, words.values())
    assert original_mark("en").split(",")[0] not in text  # every text has this language: nothing marked
    assert_a4_pngs(data, tmp_path, f"package-{language}")


# --- the progress report ---------------------------------------------------------------------------------


def progress_project(network, language):
    project = build(network, language=language)
    words = TEXTS[language]
    with scopes_disabled():
        m.Project.objects.filter(pk=project.pk).update(
            title={language: {"text": words["title"], "source": "original"}},
            summary={language: {"text": words["summary"], "source": "original"}},
        )
        first = m.ActivityEntry.objects.filter(project=project, status="approved").order_by("start_date").first()
        m.ActivityEntry.objects.filter(pk=first.pk).update(
            language=language, title={language: {"text": words["recommendation"], "source": "original"}}
        )
    project.refresh_from_db()
    return project


def render_progress(project, language, second_language=""):
    kind = kinds.get("progress_report")
    with scope(network=project.network):
        parameters = kind.clean_parameters(project, PERIOD)
        return kind.render(project, parameters=parameters, language=language, second_language=second_language,
                           progress=lambda fraction: None)  # fmt: skip


@needs_poppler
@pytest.mark.parametrize("language", ["hy", "az"])
def test_a_progress_report_in_armenian_and_in_azerbaijani(network, language, tmp_path):
    project = progress_project(network, language)
    data = render_progress(project, language)
    text = flat(pdf_text(data, tmp_path))
    assert_labels(text, language, PROGRESS_LABELS)
    words = TEXTS[language]
    assert_real_glyphs(data, tmp_path, language, [words["title"], words["summary"], words["recommendation"]])
    with translation.override(language):
        assert translation.gettext("Progress report") in text
    assert_a4_pngs(data, tmp_path, f"progress-{language}")


# --- bilingual ------------------------------------------------------------------------------------------

SL_EN = [
    ({"sl": "Uvesti karierno svetovanje v vse šole.", "en": "Introduce career guidance in every school."},
     {"sl": "Polovica dijakov ga nima.", "en": "Half of the students have none."}),
    ({"sl": "Okrepiti sodelovanje z delodajalci."}, ""),  # no English version: the original stands in, marked
]  # fmt: skip


@pytest.fixture
def sl_network(db):
    return NetworkFactory(name="Karierna vzgoja", slug="karierna-vzgoja", languages=["sl", "en"])


@needs_poppler
def test_a_bilingual_package_lays_the_recommendations_side_by_side_with_both_languages_labels(
    sl_network, ministry, tmp_path
):
    coordinator = person_in(sl_network, Role.COORDINATOR, name="Zavod")
    output = package(sl_network, coordinator, ministry, language="sl",
                     title={"sl": "Predlogi za karierno vzgojo", "en": "Proposals for career education"},
                     summary={"sl": "Kaj predlaga mreža.", "en": "What the network proposes."},
                     recommendations=SL_EN)  # fmt: skip
    data = render_package(output, "sl", "en")
    text = flat(pdf_text(data, tmp_path))
    for language in ("sl", "en"):
        for label in labels(language, PACKAGE_LABELS).values():
            assert label in text, (language, label)
    assert labels("sl", ["Summary"]) != labels("en", ["Summary"])  # the two languages' labels really differ
    for phrase in ("Predlogi za karierno vzgojo", "Proposals for career education", "Kaj predlaga mreža.",
                   "What the network proposes.", "Uvesti karierno svetovanje v vse šole.",
                   "Introduce career guidance in every school.", "Polovica dijakov ga nima.",
                   "Half of the students have none."):  # fmt: skip
        assert phrase in text, phrase
    # The recommendation without English: its Slovenian original in the English column, marked as such.
    assert text.count("Okrepiti sodelovanje z delodajalci.") == 2
    with translation.override("en"):
        assert f"({original_mark('sl')})" in text and original_mark("sl") == f"original, {language_name('sl')}"
    # Two columns: the Slovenian and English texts of recommendation 1 start on the same line of the page.
    layout = pdf_layout(data, tmp_path)
    assert any("Uvesti karierno" in line and "Introduce career" in line for line in layout.splitlines()), layout
    assert_a4_pngs(data, tmp_path, "package-sl-en")


@needs_poppler
def test_a_bilingual_progress_report_has_parallel_sections(sl_network, tmp_path):
    project = build(sl_network, language="sl")
    with scopes_disabled():
        m.Project.objects.filter(pk=project.pk).update(
            title={"sl": {"text": "Karierna vzgoja v šolah", "source": "original"},
                   "en": {"text": "Career education in schools", "source": "human"}},
            summary={"sl": {"text": "Svetovalci v vseh šolah.", "source": "original"}},
        )  # fmt: skip
    project.refresh_from_db()
    data = render_progress(project, "sl", "en")
    text = flat(pdf_text(data, tmp_path))
    assert "Karierna vzgoja v šolah" in text and "Career education in schools" in text
    for language in ("sl", "en"):
        found = labels(language, PROGRESS_LABELS)
        for label in found.values():
            assert label in text, (language, label)
    # Each section twice, the second language's after the first's, each with its own heading.
    sl_reach, en_reach = labels("sl", ["Reach"])["Reach"], labels("en", ["Reach"])["Reach"]
    body = text[text.index("Slovenščina", text.index(labels("en", ["Contents"])["Contents"]) + 1) :]
    assert f"{sl_reach} (Slovenščina)" in body and f"{en_reach} (English)" in body
    assert body.index(f"{sl_reach} (Slovenščina)") < body.index(f"{en_reach} (English)")
    # The entries' English-less titles stand in for themselves in the English sections, marked.
    with translation.override("en"):
        assert text.count("Training of career counsellors 1") == 2
    assert_a4_pngs(data, tmp_path, "progress-sl-en")


# --- the request's second language -----------------------------------------------------------------------


def test_a_second_language_is_part_of_the_request_and_the_filename(sl_network, ministry):
    coordinator = person_in(sl_network, Role.COORDINATOR, name="Zavod")
    output = package(sl_network, coordinator, ministry, language="sl", title="Predlogi", summary="",
                     recommendations=[("Uvesti svetovanje.", "")])  # fmt: skip
    with scope(network=sl_network), TestCase_commit():
        one = services.report_request(kind="recommendation_package", subject=output, parameters={}, language="sl",
                                      acting_user=coordinator)  # fmt: skip
        two = services.report_request(kind="recommendation_package", subject=output, parameters={}, language="sl",
                                      second_language="en", acting_user=coordinator)  # fmt: skip
        again = services.report_request(kind="recommendation_package", subject=output, parameters={},
                                        language="sl", second_language="en", acting_user=coordinator)  # fmt: skip
    # The same request is found again by its key (reused once its data is committed: test_services shows that).
    assert two.request_key == again.request_key != one.request_key
    assert (one.second_language, two.second_language) == ("", "en")
    assert two.languages == ["sl", "en"]
    kind = kinds.get("recommendation_package")
    assert kind.filename(output, parameters={"version": 1}, **kinds.language_arguments(kind, "sl", "en")) == (
        "predlogi-v1-sl-en.pdf"
    )
    assert progress_report.filename(build(sl_network), parameters=PERIOD, language="sl", second_language="en")\
        .endswith("-2025-01-01-2025-12-31-sl-en.pdf")  # fmt: skip


def TestCase_commit():  # noqa: N802  (the conftest's helper, under its own name here)
    from tests.reports.conftest import committed

    return committed()


def test_a_one_language_request_keeps_its_key():
    kind = kinds.get("recommendation_package")

    class Subject:
        pk = 7

    assert services._request_key(kind, Subject, {"version": 1}, "en") == services._request_key(
        kind, Subject, {"version": 1}, "en", ""
    )


@pytest.mark.parametrize(
    ("kind", "second", "message"),
    [
        ("recommendation_package", "sl", "Choose a second language other than the report's language"),
        ("recommendation_package", "xx", "Choose one of the languages offered, or none."),
        ("evidence_pack", "en", "This report is prepared in one language only."),
    ],
)
def test_a_second_language_the_service_refuses(sl_network, ministry, kind, second, message):
    coordinator = person_in(sl_network, Role.COORDINATOR, name="Zavod")
    subject = (
        package(sl_network, coordinator, ministry, language="sl", title="Predlogi", summary="", recommendations=[])
        if kind == "recommendation_package"
        else build(sl_network)
    )
    parameters = {} if kind == "recommendation_package" else PERIOD
    with scope(network=sl_network), pytest.raises(services.ValidationError) as refused:
        services.report_request(kind=kind, subject=subject, parameters=parameters, language="sl",
                                second_language=second, acting_user=coordinator)  # fmt: skip
    assert message in refused.value.message_dict["second_language"][0]
    with scopes_disabled():
        assert not ReportJob.objects.exists()


def request_url(subject, kind="recommendation_package"):
    return reverse("reports:request", kwargs={"kind": kind, "subject_id": subject.pk})


def test_the_form_offers_none_by_default_and_refuses_the_same_language_twice(client, sl_network, ministry):
    coordinator = person_in(sl_network, Role.COORDINATOR, name="Zavod")
    output = package(sl_network, coordinator, ministry, language="sl", title="Predlogi", summary="",
                     recommendations=[("Uvesti svetovanje.", "")])  # fmt: skip
    sign_in(client, coordinator)
    page = text(client.get(request_url(output)))
    assert re.search(r'<option value="" selected>', page[page.index('name="second_language"') :])
    response = client.post(request_url(output), {"language": "sl", "second_language": "sl"})
    assert response.status_code == 400
    field_error(response, "second_language",
                "Choose a second language other than the report's language, or none.")  # fmt: skip
    with scopes_disabled():
        assert not ReportJob.objects.exists()
    project = build(sl_network)
    evidence = text(client.get(request_url(project, "evidence_pack")))
    assert 'name="second_language"' not in evidence  # the evidence pack is in one language


def test_a_bilingual_request_warns_of_missing_translations_first_and_then_prepares_it(
    client, sl_network, ministry, media_root
):
    coordinator = person_in(sl_network, Role.COORDINATOR, name="Zavod")
    output = package(sl_network, coordinator, ministry, language="sl", title={"sl": "Predlogi", "en": "Proposals"},
                     summary="Povzetek.", recommendations=SL_EN)  # fmt: skip
    sign_in(client, coordinator)
    response = client.post(request_url(output), {"language": "sl", "second_language": "en"})
    page = text(response)
    assert response.status_code == 200 and 'id="translation-check"' in page
    assert 'name="confirm_missing"' in page
    with scopes_disabled():
        assert not ReportJob.objects.exists()
        second = output.recommendations.get(position=2)
    edit = reverse("advocacy:recommendation_edit", kwargs={"network_slug": sl_network.slug, "output_id": output.pk,
                                                          "recommendation_id": second.pk})  # fmt: skip
    assert f'href="{edit}"' in page and "Okrepiti sodelovanje" in page and "Povzetek." in page
    assert "Uvesti karierno" not in page  # translated in both: not listed
    # "Prepare it anyway": the same request, confirmed.
    response = client.post(request_url(output), {"language": "sl", "second_language": "en", "confirm_missing": "1"})
    with scopes_disabled():
        job = ReportJob.objects.get()
    assert response.status_code == 302 and (job.language, job.second_language) == ("sl", "en")
    # One language asked: no check, straight to the job.
    response = client.post(request_url(output), {"language": "en", "second_language": ""})
    assert response.status_code == 302
