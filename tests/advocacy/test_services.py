"""The advocacy services: each refusal with its message and nothing partial saved, the sanitised body in
every language, versions, the audit log, and that nothing of another network or project can be named."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from advocacy.models import AddressedInstitution, AdvocacyOutput, Comment, OutputVersion, Recommendation, Submission
from advocacy.services.comments import comment_add
from advocacy.services.institutions import output_address, output_unaddress
from advocacy.services.outputs import output_create, output_publish, output_start_review, output_update
from advocacy.services.recommendations import recommendation_add, recommendation_remove, recommendation_update
from advocacy.services.submissions import submission_record, submission_respond
from portal.models import AuditEntry
from tests.advocacy.conftest import make_output
from tests.factories import OrganisationFactory, ProjectFactory, org
from tests.portal.test_uploads import HTML, real_pdf

pytestmark = pytest.mark.django_db

D = datetime.date


def _errors(excinfo):
    return excinfo.value.message_dict if hasattr(excinfo.value, "error_dict") else {"__all__": excinfo.value.messages}


def _count(model):
    with scopes_disabled():
        return model.objects.count()


# --- outputs ------------------------------------------------------------------------------------------


def test_create_cleans_every_language_of_the_body(network, people, in_network):
    output = output_create(
        network=network, acting_user=people.coordinator,
        data={"title": "Predlog", "language": "sl", "visibility": "restricted", "body": {
            "sl": {"text": '<p onclick="x()">Besedilo<script>alert(1)</script></p>', "source": "original"},
            "en": {"text": '<a href="javascript:alert(1)">Text</a><img src=x onerror=alert(1)>', "source": "human"},
        }},
    )  # fmt: skip
    output.refresh_from_db()
    assert output.body.text("sl") == "<p>Besedilo</p>"
    assert output.body.text("en") == '<a rel="noopener noreferrer nofollow">Text</a>'
    assert output.body.source("en") == "human"
    output_update(output=output, acting_user=people.coordinator, data={"body": "<p>Nov <svg onload=x()></svg></p>"})
    output.refresh_from_db()
    assert output.body.text("sl") == "<p>Nov </p>"
    actions = list(AuditEntry.objects.filter(network=network).order_by("pk").values_list("action", flat=True))
    assert actions == ["output.created", "output.updated"]


def test_only_coordinators_write_outputs(network, people, in_network):
    with pytest.raises(PermissionDenied):
        output_create(network=network, acting_user=people.member, data={"title": "X"})
    with pytest.raises(PermissionDenied):
        output_create(network=network, acting_user=people.other_coordinator, data={"title": "X"})
    assert _count(AdvocacyOutput) == 0


def test_a_project_of_another_network_and_a_result_of_another_project_are_refused(network, people, in_network):
    with scopes_disabled():
        foreign = ProjectFactory(network=people.other_network)
        mine, other = ProjectFactory(network=network), ProjectFactory(network=network)
        result_of_other = other.results.create(network=network, title="Result of the other project")
        result = mine.results.create(network=network, title="Better VET law")
    with pytest.raises(ValidationError) as refused:
        output_create(network=network, acting_user=people.coordinator, data={"title": "X", "project": foreign.pk})
    assert _errors(refused) == {"project": ["Choose one of this network's projects."]}
    with pytest.raises(ValidationError) as refused:
        output_create(network=network, acting_user=people.coordinator,
                      data={"title": "X", "project": mine.pk, "result": result_of_other.pk})  # fmt: skip
    assert _errors(refused) == {"result": ["Choose an expected result of the chosen project."]}
    with pytest.raises(ValidationError) as refused:
        output_create(network=network, acting_user=people.coordinator, data={"title": "X", "result": result.pk})
    assert _errors(refused) == {"result": ["Choose the project first: an expected result belongs to one project."]}
    assert _count(AdvocacyOutput) == 0
    output = output_create(network=network, acting_user=people.coordinator,
                           data={"title": "X", "project": mine.pk, "result": result.pk})  # fmt: skip
    assert (output.project, output.result) == (mine, result)
    # Changing the project checks the result kept against the new one.
    with pytest.raises(ValidationError) as refused:
        output_update(output=output, acting_user=people.coordinator, data={"project": other.pk})
    assert _errors(refused) == {"result": ["Choose an expected result of the chosen project."]}
    output.refresh_from_db()
    assert output.project == mine


def test_publishing_needs_a_title_and_a_review(network, people, in_network):
    output = output_create(network=network, acting_user=people.coordinator, data={"title": ""})
    with pytest.raises(ValidationError) as refused:
        output_publish(output=output, acting_user=people.coordinator)
    assert _errors(refused) == {"__all__": ["Send the output for review before publishing it."]}
    output_start_review(output=output, acting_user=people.coordinator)
    with pytest.raises(ValidationError) as refused:
        output_publish(output=output, acting_user=people.coordinator)
    assert _errors(refused) == {"title": ["Give the output a title before publishing it."]}
    output.refresh_from_db()
    assert (output.status, output.version, output.published_at) == ("in_review", 0, None)
    assert _count(OutputVersion) == 0


def test_publishing_twice_keeps_both_versions_readable(network, people, in_network):
    output = make_output(network, people, status="in_review", title="First title")
    recommendation_add(output=output, acting_user=people.coordinator,
                       data={"text": "Fund VET schools", "institution": people.ministry.pk})  # fmt: skip
    first = output_publish(output=output, acting_user=people.coordinator)
    output_update(output=output, acting_user=people.coordinator, data={"title": "Second title", "body": "<p>v2</p>"})
    recommendation_add(output=output, acting_user=people.coordinator, data={"text": "Train teachers"})
    second = output_publish(output=output, acting_user=people.coordinator)
    assert (first.version, second.version) == (1, 2)
    v1, v2 = OutputVersion.objects.filter(network=network, output=output).order_by("number")
    assert (str(v1.title), str(v2.title)) == ("First title", "Second title")
    assert v1.body.text("en") == "" and v2.body.text("en") == "<p>v2</p>"
    assert [r["text"]["en"]["text"] for r in v1.recommendations] == ["Fund VET schools"]
    assert [r["position"] for r in v2.recommendations] == [1, 2]
    assert v1.recommendations[0]["institution"] == people.ministry.pk
    assert v1.published_by == people.coordinator and v1.published_at < v2.published_at


# --- addressed institutions and recommendations --------------------------------------------------------


@pytest.mark.parametrize("kind", ["ngo", "vet_school", "donor", "business", "university"])
def test_addressing_a_non_institution_is_refused(network, people, in_network, kind):
    output = make_output(network, people, address=False)
    school = OrganisationFactory(name="Vocational School No. 2", kind=kind)
    with pytest.raises(ValidationError) as refused:
        output_address(output=output, institution=school, acting_user=people.coordinator)
    message = _errors(refused)["institution"][0]
    assert message.startswith("Vocational School No. 2 (ORG") and "is not an institution" in message
    assert "address a ministry, a government agency or a local government" in message
    assert _count(AddressedInstitution) == 0


def test_addressing_twice_and_removing_what_a_recommendation_names(network, people, in_network, agency):
    output = make_output(network, people)
    with pytest.raises(ValidationError) as refused:
        output_address(output=output, institution=people.ministry, acting_user=people.coordinator)
    assert "already addressed" in _errors(refused)["institution"][0]
    data = {"text": "A", "institution": people.ministry}
    recommendation_add(output=output, acting_user=people.coordinator, data=data)
    with pytest.raises(ValidationError) as refused:
        output_unaddress(output=output, institution=people.ministry, acting_user=people.coordinator)
    assert _errors(refused)["institution"][0].startswith("Recommendations 1 are addressed to Ministry of Education")
    assert AddressedInstitution.objects.filter(network=network, output=output).count() == 1


def test_a_recommendation_addressed_to_an_institution_the_output_does_not_address(network, people, in_network, agency):
    output = make_output(network, people)
    with pytest.raises(ValidationError) as refused:
        recommendation_add(output=output, acting_user=people.coordinator, data={"text": "A", "institution": agency.pk})
    assert _errors(refused) == {
        "institution": ["Address the recommendation to one of the institutions this output addresses."]
    }
    with pytest.raises(ValidationError) as refused:
        recommendation_add(output=output, acting_user=people.coordinator, data={"text": ""})
    assert "text" in _errors(refused)
    assert _count(Recommendation) == 0


def test_recommendations_are_numbered_and_renumbered(network, people, in_network, agency):
    output = make_output(network, people)
    output_address(output=output, institution=agency, acting_user=people.coordinator)
    first, second, third = (
        recommendation_add(output=output, acting_user=people.coordinator, data={"text": text}) for text in "ABC"
    )
    assert [r.position for r in (first, second, third)] == [1, 2, 3]
    recommendation_update(recommendation=third, acting_user=people.coordinator, data={"institution": agency.pk})
    recommendation_remove(recommendation=first, acting_user=people.coordinator)
    rows = list(Recommendation.objects.filter(network=network, output=output).values_list("position", "text"))
    assert [(position, text.text("en")) for position, text in rows] == [(1, "B"), (2, "C")]
    actions = set(AuditEntry.objects.filter(network=network).values_list("action", flat=True))
    assert {"recommendation.added", "recommendation.updated", "recommendation.removed"} <= actions


# --- comments ------------------------------------------------------------------------------------------


def test_members_comment_while_in_review_only(network, people, in_network):
    output = make_output(network, people, status="draft")
    with pytest.raises(PermissionDenied):
        comment_add(output=output, acting_user=people.member, organisation=org(people.member), text="Good")
    output_start_review(output=output, acting_user=people.coordinator)
    output.refresh_from_db()
    with pytest.raises(PermissionDenied):
        comment_add(output=output, acting_user=people.observer, organisation=org(people.observer), text="Hm")
    with pytest.raises(ValidationError) as refused:
        comment_add(output=output, acting_user=people.member, organisation=org(people.coordinator), text="Hm")
    assert _errors(refused) == {"organisation": ["Comment in the name of an organisation you work for."]}
    comment = comment_add(output=output, acting_user=people.member, organisation=org(people.member), text="Good")
    assert Comment.objects.filter(network=network).get() == comment
    output_publish(output=output, acting_user=people.coordinator)
    output.refresh_from_db()
    with pytest.raises(PermissionDenied):
        comment_add(output=output, acting_user=people.member, organisation=org(people.member), text="Late")


# --- the uptake ledger ---------------------------------------------------------------------------------


def _submit(output, people, **data):
    return submission_record(
        output=output, acting_user=people.coordinator,
        data={"institution": people.ministry.pk, "submitted_on": D(2025, 3, 10), "channel": "letter", **data},
    )  # fmt: skip


def test_a_response_dated_before_its_submission(network, people, in_network):
    output = make_output(network, people, status="published")
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, responded_on=D(2025, 3, 9), outcome="acknowledged")
    assert _errors(refused) == {"responded_on": ["The response cannot be dated before the submission (2025-03-10)."]}
    submission = _submit(output, people, response_due=D(2025, 4, 10))
    with pytest.raises(ValidationError) as refused:
        submission_respond(submission=submission, acting_user=people.coordinator,
                           data={"responded_on": D(2025, 1, 1), "outcome": "rejected"})  # fmt: skip
    assert _errors(refused) == {"responded_on": ["The response cannot be dated before the submission (2025-03-10)."]}
    submission.refresh_from_db()
    assert (submission.responded_on, submission.outcome) == (None, "")
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, response_due=D(2025, 3, 1))
    assert _errors(refused) == {"response_due": ["The response cannot be due before the submission (2025-03-10)."]}
    assert Submission.objects.filter(network=network).count() == 1


def test_a_follow_up_earlier_than_what_it_follows(network, people, in_network):
    output = make_output(network, people, status="published")
    first = _submit(output, people, submitted_on=D(2025, 5, 1))
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, submitted_on=D(2025, 4, 1), follows_up=first.pk)
    assert _errors(refused) == {
        "follows_up": ["A follow-up cannot be earlier than the submission it follows up (2025-05-01)."]
    }
    other_output = make_output(network, people, status="published", title="Other")
    with pytest.raises(ValidationError) as refused:
        _submit(other_output, people, submitted_on=D(2025, 6, 1), follows_up=first.pk)
    assert _errors(refused) == {"follows_up": ["Choose an earlier submission of this output."]}
    follow_up = _submit(output, people, submitted_on=D(2025, 6, 1), follows_up=first.pk, channel="meeting")
    assert follow_up.follows_up == first
    assert Submission.objects.filter(network=network).count() == 2


def test_already_implemented_needs_evidence(network, people, in_network, media_root):
    output = make_output(network, people, status="published")
    message = "“Already implemented” needs evidence: give a link or attach a document that shows it."
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, responded_on=D(2025, 4, 1), outcome="already_implemented")
    assert _errors(refused) == {"evidence_url": [message]}
    submission = _submit(output, people)
    with pytest.raises(ValidationError) as refused:
        submission_respond(submission=submission, acting_user=people.coordinator,
                           data={"responded_on": D(2025, 4, 1), "outcome": "already_implemented"})  # fmt: skip
    assert _errors(refused) == {"evidence_url": [message]}
    # A hostile file is refused by the upload floor, and nothing is stored.
    with pytest.raises(ValidationError) as refused:
        submission_respond(
            submission=submission, acting_user=people.coordinator,
            data={"responded_on": D(2025, 4, 1), "outcome": "already_implemented"},
            evidence=SimpleUploadedFile("letter.pdf", HTML),
        )  # fmt: skip
    assert set(_errors(refused)) == {"evidence_file"}
    assert [path for path in media_root.rglob("*") if path.is_file()] == []
    # With a document it is accepted and stored under a random name; a link alone does too.
    done = submission_respond(
        submission=submission, acting_user=people.coordinator,
        data={"responded_on": D(2025, 4, 1), "outcome": "already_implemented", "response_text": "Done in 2024."},
        evidence=SimpleUploadedFile("Ministry letter.pdf", real_pdf()),
    )  # fmt: skip
    assert done.evidence_name == "Ministry letter.pdf"
    assert done.evidence_file.name.startswith("advocacy/evidence/") and done.evidence_file.name.endswith(".pdf")
    assert "Ministry" not in done.evidence_file.name
    for address in ("javascript:alert(1)", "ftp://gov.example/law", "not a link"):
        with pytest.raises(ValidationError) as refused:
            _submit(output, people, outcome="already_implemented", responded_on=D(2025, 4, 2), evidence_url=address)
        assert _errors(refused) == {"evidence_url": ["Give the evidence's web address (https://…)."]}, address
    by_link = _submit(output, people, responded_on=D(2025, 4, 2), outcome="already_implemented",
                      evidence_url="https://gov.example/law")  # fmt: skip
    assert by_link.has_evidence
    actions = list(AuditEntry.objects.filter(network=network, action__startswith="submission.").values_list(
        "action", flat=True).order_by("pk"))  # fmt: skip
    assert actions == ["submission.recorded", "submission.response_recorded", "submission.recorded"]


def test_submissions_name_institutions_recommendations_of_the_output_and_a_published_output(network, people,
                                                                                          in_network):  # fmt: skip
    draft = make_output(network, people, status="in_review")
    with pytest.raises(ValidationError) as refused:
        _submit(draft, people)
    assert _errors(refused) == {"__all__": ["Publish the output before recording its submission to an institution."]}
    output = make_output(network, people, status="published")
    other = make_output(network, people, status="published", title="Other")
    foreign = recommendation_add(output=other, acting_user=people.coordinator, data={"text": "Not this one"})
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, recommendation=foreign.pk)
    assert _errors(refused) == {
        "recommendation": ["Choose one of this output's recommendations, or none for the whole output."]
    }
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, institution=org(people.member).pk)
    assert "is not an institution" in _errors(refused)["institution"][0]
    with pytest.raises(ValidationError) as refused:
        submission_record(output=output, acting_user=people.coordinator, data={"submitted_on": D(2025, 1, 1)})
    assert _errors(refused) == {"institution": ["Choose the institution it was submitted to."]}
    with pytest.raises(PermissionDenied):
        submission_record(output=output, acting_user=people.member,
                          data={"institution": people.ministry.pk, "submitted_on": D(2025, 1, 1)})  # fmt: skip
    assert Submission.objects.filter(network=network).count() == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"submitted_on": "yesterday"}, "submitted_on"),
        ({"channel": "carrier pigeon"}, "channel"),
        ({"outcome": "maybe"}, "outcome"),
        ({"responded_on": "2025-13-40"}, "responded_on"),
        ({"institution": "../../etc"}, "institution"),
        ({"institution": 2**70}, "institution"),
        ({"recommendation": "1; DROP TABLE"}, "recommendation"),
    ],
)
def test_bad_submission_input_is_a_message_on_its_field(network, people, in_network, data, field):
    output = make_output(network, people, status="published")
    with pytest.raises(ValidationError) as refused:
        _submit(output, people, **data)
    assert field in _errors(refused)
    assert Submission.objects.filter(network=network).count() == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "manifesto"}, "kind"),
        ({"visibility": "secret"}, "visibility"),
        ({"language": "xx"}, "language"),
        ({"title": {"xx": "Unknown language"}}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"authors": [2**70]}, "authors"),
        ({"project": "abc"}, "project"),
    ],
)
def test_bad_output_input_is_a_message_on_its_field(network, people, in_network, data, field):
    with pytest.raises(ValidationError) as refused:
        output_create(network=network, acting_user=people.coordinator, data={"title": "Fine", **data})
    assert field in _errors(refused)
    assert _count(AdvocacyOutput) == 0
