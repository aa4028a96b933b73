"""Bad input on each advocacy form: a clear message next to the field (or above the form), nothing saved,
never a 500. Rows are counted before and after; then one good submission of each form, so the form is
known to work and the refusals are about the input."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from advocacy.models import (
    AddressedInstitution,
    AdvocacyOutput,
    Comment,
    OutputAttachment,
    OutputVersion,
    Recommendation,
    Submission,
)
from advocacy.services.submissions import submission_record
from tests.advocacy.conftest import make_output
from tests.factories import OrganisationFactory, ProjectFactory, org
from tests.portal.test_uploads import HTML, real_pdf

pytestmark = pytest.mark.django_db

D = datetime.date
MODELS = (AdvocacyOutput, AddressedInstitution, OutputVersion, Recommendation, Comment, Submission, OutputAttachment)


def _rows():
    with scopes_disabled():
        return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def _url(name, output=None, network=None, **kwargs):
    network = network or output.network
    if output is not None:
        kwargs["output_id"] = output.pk
    return reverse(f"advocacy:{name}", kwargs={"network_slug": network.slug, **kwargs})


def _field_error(response, field):
    """The message next to `field` (includes/field.html: <p class="error" id="id_<field>_error">)."""
    html = response.content.decode()
    marker = f'id="id_{field}_error">'
    assert marker in html, f"no error next to {field}"
    return html.split(marker, 1)[1].split("</p>", 1)[0]


def _refused(client, url, data, field, message, **kwargs):
    before = _rows()
    response = client.post(url, data, **kwargs)
    assert response.status_code in (200, 400), response.status_code
    assert message in _field_error(response, field)
    assert _rows() == before
    return response


@pytest.fixture
def coordinator(client, people):
    client.force_login(people.coordinator)
    return client


@pytest.fixture
def published(network, people):
    return make_output(network, people, visibility="restricted", status="published")


def test_the_output_form(coordinator, network, people):
    url = _url("output_create", network=network)
    base = {"kind": "policy_proposal", "language": "en", "visibility": "members", "title": "Proposal"}
    _refused(coordinator, url, {**base, "kind": "manifesto"}, "kind", "Select a valid choice")
    with scopes_disabled():
        project = ProjectFactory(network=network)
        result = project.results.create(network=network, title="Better law")
        foreign = ProjectFactory(network=people.other_network)
    _refused(coordinator, url, {**base, "result": result.pk}, "result",
             "Choose the project first: an expected result belongs to one project.")  # fmt: skip
    _refused(coordinator, url, {**base, "project": foreign.pk}, "project", "Select a valid choice")
    _refused(coordinator, url, {**base, "title": "x" * 301}, "title", "at most 300")
    response = coordinator.post(url, {**base, "project": project.pk, "result": result.pk})
    assert response.status_code == 302
    with scope(network=network):
        output = AdvocacyOutput.objects.get(network=network)
        assert (str(output.title), output.project, output.result) == ("Proposal", project, result)
    edit = _url("output_edit", output)
    _refused(coordinator, edit, {**base, "visibility": "secret"}, "visibility", "Select a valid choice")


def test_publishing_with_no_title_says_so_and_publishes_nothing(coordinator, network, people):
    output = make_output(network, people, title="", status="in_review")
    before = _rows()
    response = coordinator.post(_url("output_publish", output), follow=True)
    assert "Give the output a title before publishing it." in response.content.decode()
    assert _rows() == before


def test_a_draft_is_not_published_and_a_published_one_not_sent_for_review(coordinator, network, people, published):
    draft = make_output(network, people)
    before = _rows()
    body = coordinator.post(_url("output_publish", draft), follow=True).content.decode()
    assert "Send the output for review before publishing it." in body
    body = coordinator.post(_url("output_review", published), follow=True).content.decode()
    assert "Only a draft is sent for review" in body
    assert _rows() == before


def test_the_recommendation_form(coordinator, network, people, published):
    url = _url("recommendation_add", published)
    _refused(coordinator, url, {"text": ""}, "text", "required")
    with scopes_disabled():
        not_addressed = OrganisationFactory(kind="ministry")
    _refused(coordinator, url, {"text": "Fund it", "institution": not_addressed.pk}, "institution",
             "Select a valid choice")  # fmt: skip
    assert coordinator.post(url, {"text": "Fund it", "institution": people.ministry.pk}).status_code == 302
    with scope(network=network):
        recommendation = Recommendation.objects.get(network=network)
    edit = _url("recommendation_edit", published, recommendation_id=recommendation.pk)
    _refused(coordinator, edit, {"text": ""}, "text", "required")


def test_removing_a_submitted_recommendation_says_the_ledger_keeps_it(coordinator, network, people, published):
    with scope(network=network):
        recommendation = Recommendation.objects.create(network=network, output=published, position=1, text="R")
        submission_record(output=published, acting_user=people.coordinator, data={
            "recommendation": recommendation.pk, "institution": people.ministry.pk, "submitted_on": D(2026, 1, 1),
        })  # fmt: skip
    before = _rows()
    url = _url("recommendation_remove", published, recommendation_id=recommendation.pk)
    body = coordinator.post(url, follow=True).content.decode()
    assert "Recommendation 1 has been submitted to an institution: the ledger keeps it." in body
    assert _rows() == before


def test_addressing_an_organisation_that_is_no_institution_shows_the_services_message(coordinator, network, people,
                                                                                        published):  # fmt: skip
    url = _url("output_institutions", published)
    ngo = org(people.member)  # a member of the network: offered (the network deals with it), refused
    _refused(coordinator, url, {"institution": ngo.pk}, "institution", "is not an institution")
    _refused(coordinator, url, {"institution": ""}, "institution", "Choose the institution to address.")
    with scopes_disabled():
        agency = OrganisationFactory(name="Office for Youth", kind="government_agency")
    assert coordinator.post(url, {"institution": agency.pk}).status_code == 302
    with scopes_disabled():
        assert AddressedInstitution.objects.filter(output=published, organisation=agency).exists()


def test_unaddressing_an_institution_a_recommendation_names_says_which(coordinator, network, people, published):
    with scope(network=network):
        Recommendation.objects.create(
            network=network, output=published, position=1, text="R", institution=people.ministry
        )
    before = _rows()
    url = _url("output_unaddress", published, organisation_id=people.ministry.pk)
    body = coordinator.post(url, follow=True).content.decode()
    assert "Recommendations 1 are addressed to" in body
    assert _rows() == before


def test_the_comment_form(client, network, people):
    output = make_output(network, people, status="in_review")
    client.force_login(people.member)
    url = _url("output_comment", output)
    _refused(client, url, {"organisation": org(people.member).pk, "text": ""}, "text", "required")
    _refused(client, url, {"organisation": org(people.coordinator).pk, "text": "Hi"}, "organisation",
             "Select a valid choice")  # fmt: skip
    assert client.post(url, {"organisation": org(people.member).pk, "text": "Good"}).status_code == 302
    with scopes_disabled():
        assert Comment.objects.get().organisation == org(people.member)


def _submission(people, **extra):
    return {"institution": people.ministry.pk, "submitted_on": "2026-03-10", "channel": "letter", **extra}


def test_the_submission_form(coordinator, network, people, published):
    url = _url("submission_add", published)
    _refused(coordinator, url, _submission(people, responded_on="2026-03-01", outcome="acknowledged"),
             "responded_on", "The response cannot be dated before the submission (2026-03-10).")  # fmt: skip
    _refused(coordinator, url, _submission(people, response_due="2026-03-01"), "response_due", "cannot be due before")
    _refused(coordinator, url, _submission(people, submitted_on="2026-13-45"), "submitted_on", "Enter a valid date")
    _refused(coordinator, url, _submission(people, outcome="already_implemented"), "evidence_url",
             "“Already implemented” needs evidence")  # fmt: skip
    _refused(coordinator, url, _submission(people, evidence_url="javascript:alert(1)"), "evidence_url",
             "Enter a valid URL")  # fmt: skip
    hostile = SimpleUploadedFile("letter.pdf", HTML, content_type="application/pdf")
    _refused(coordinator, url, _submission(people, evidence_file=hostile), "evidence_file", "")
    with scopes_disabled():
        ngo = org(people.member)
    _refused(coordinator, url, _submission(people, institution=ngo.pk), "institution", "Select a valid choice")
    letter = SimpleUploadedFile("letter.pdf", real_pdf(), content_type="application/pdf")
    response = coordinator.post(url, _submission(people, outcome="already_implemented", evidence_file=letter))
    assert response.status_code == 302
    with scopes_disabled():
        submission = Submission.objects.get()
        assert submission.evidence_name == "letter.pdf"
    evidence = _url("submission_evidence", published, submission_id=submission.pk)
    served = coordinator.get(evidence)
    assert served.status_code == 200 and served["Content-Disposition"].startswith("attachment")


def test_the_response_form(coordinator, network, people, published):
    with scope(network=network):
        submission = submission_record(
            output=published,
            acting_user=people.coordinator,
            data={"institution": people.ministry.pk, "submitted_on": D(2026, 3, 10)},
        )
    url = _url("submission_respond", published, submission_id=submission.pk)
    _refused(coordinator, url, {"responded_on": "2026-03-09", "outcome": "adopted"}, "responded_on",
             "The response cannot be dated before the submission (2026-03-10).")  # fmt: skip
    _refused(coordinator, url, {"outcome": "maybe"}, "outcome", "Select a valid choice")
    response = coordinator.post(url, {"responded_on": "2026-04-01", "outcome": "adopted", "response_text": "Yes"})
    assert response.status_code == 302
    with scopes_disabled():
        submission.refresh_from_db()
    assert (submission.outcome, submission.responded_on) == ("adopted", D(2026, 4, 1))


def test_the_cover_and_file_forms_refuse_what_is_not_an_image_or_a_document(coordinator, network, people, published):
    cover_url = _url("output_cover_set", published)
    _refused(coordinator, cover_url, {"cover": SimpleUploadedFile("cover.png", real_pdf())}, "cover", "")
    _refused(coordinator, _url("output_files", published), {"file": SimpleUploadedFile("page.html", HTML)}, "file", "")
    response = coordinator.post(_url("output_files", published), {"file": SimpleUploadedFile("study.pdf", real_pdf())})
    assert response.status_code == 302
    with scopes_disabled():
        attachment = OutputAttachment.objects.get()
    served = coordinator.get(_url("output_file", published, key=attachment.key))
    assert served.status_code == 200 and served["Content-Disposition"].startswith('attachment; filename="study.pdf"')
    # a reader without access gets 404 for the file, as for a key that does not exist
    coordinator.force_login(people.other_ministry_user)
    assert coordinator.get(_url("output_file", published, key=attachment.key)).status_code == 404
    coordinator.force_login(people.ministry_user)
    assert coordinator.get(_url("output_file", published, key=attachment.key)).status_code == 200
    assert coordinator.get(_url("output_file", published, key="0" * 32)).status_code == 404
