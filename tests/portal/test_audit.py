"""The audit log (portal.audit): every service a coordinator cares about writes its entry, inside the
service's transaction; jobs write theirs without a user; the table is scoped like every tenant row.

One table drives the services: each case prepares what the service needs (writing nothing in the log,
or whatever its own setup writes), runs it, and names the one entry that must follow, with the fields
that must be in its before and after.
"""

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from advocacy.services import attachments as advocacy_attachments
from advocacy.services import comments as advocacy_comments
from advocacy.services import institutions as advocacy_institutions
from advocacy.services import outputs as advocacy_outputs
from advocacy.services import recommendations as advocacy_recommendations
from advocacy.services import submissions as advocacy_submissions
from network import tasks
from network.models import Membership, NetworkObjective, PartnershipAgreement, Role
from network.services import agreements, invitations, memberships, networks, news
from portal import audit
from portal.models import AuditEntry
from portal.uploads import describe
from projects.services import attachments, entries, evaluators, imports, items, periods, projects
from tests.factories import (
    ActivityEntryFactory,
    AffiliationFactory,
    AgreementFactory,
    ComponentFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    NewsPostFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)
from tests.portal.test_uploads import real_pdf

pytestmark = pytest.mark.django_db


def _org(user):
    return user.affiliations.get().organisation


@pytest.fixture
def w():
    """A network with a coordinator and a member (both organisation admins), and an outsider's admin."""
    network = NetworkFactory(name="Career Guidance Network", slug="cgn")
    coordinator = person_in(network, Role.COORDINATOR, name="Lead NGO", acronym="")
    member = person_in(network, Role.MEMBER, name="Member School", acronym="")
    with scopes_disabled():
        membership = Membership.objects.get(network=network, organisation=_org(member))
    return SimpleNamespace(
        network=network,
        coordinator=coordinator,
        member=member,
        membership=membership,
        applicant=AffiliationFactory(organisation__name="Applicant Association", organisation__acronym="").user,
    )


def _request(w):
    return MembershipFactory(network=w.network, organisation=_org(w.applicant), status=Membership.Status.REQUESTED)


def _parties(w):
    return [{"organisation": _org(w.coordinator), "role": "Lead"}, {"organisation": _org(w.member), "role": ""}]


@dataclass
class Case:
    action: str
    run: object  # function(w) -> function() -> the object the entry is about
    before: dict = field(default_factory=dict)  # must be contained in the entry's before
    after: dict = field(default_factory=dict)
    actor: str = "coordinator"  # the attribute of `w` who acts


def _prepared(prepare, act):
    """run = prepare everything, then return the thunk that calls the service under test."""

    def run(w):
        thing = prepare(w)
        return lambda: act(w, thing)

    return run


def _now(act):
    return _prepared(lambda w: None, lambda w, _: act(w))


def _entry(w, **kwargs):
    """An entry the member's organisation logged (made by the factory: it writes nothing in the log)."""
    return ActivityEntryFactory(network=w.network, organisation=_org(w.member), created_by=w.member,
                                title="Teachers' workshop", **kwargs)  # fmt: skip


def _pdf_file(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, real_pdf())


def _logo_file(name):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (24, 12), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


def _output(w, status="draft", **data):
    """An advocacy output written through its services with their log entries kept out of the case's count
    (the case's `seen` is taken after the preparation)."""
    output = advocacy_outputs.output_create(network=w.network, acting_user=w.coordinator,
                                            data={"title": "VET package", **data})  # fmt: skip
    if status in ("in_review", "published"):
        output = advocacy_outputs.output_start_review(output=output, acting_user=w.coordinator)
    if status == "published":
        output = advocacy_outputs.output_publish(output=output, acting_user=w.coordinator)
    return output


def _ministry():
    return OrganisationFactory(name="Ministry of Education", acronym="", kind="ministry")


def _addressed(w):
    output = _output(w)
    ministry = _ministry()
    advocacy_institutions.output_address(output=output, institution=ministry, acting_user=w.coordinator)
    return output, ministry


def _submission(w):
    output = _output(w, status="published")
    return advocacy_submissions.submission_record(
        output=output, acting_user=w.coordinator,
        data={"institution": _ministry().pk, "submitted_on": datetime.date(2025, 3, 1)},
    )  # fmt: skip


def _evaluator(w):
    """An evaluator written through its service (its entry kept out of the case's count, as `_output`'s)."""
    return evaluators.evaluator_add(
        project=ProjectFactory(network=w.network), email=UserFactory(email="eva@audit.example").email,
        until=datetime.date(2999, 1, 31), acting_user=w.coordinator,
    )  # fmt: skip


CASES = [
    Case(
        "membership.requested",
        _now(lambda w: memberships.membership_request(
            network=w.network, organisation=_org(w.applicant), acting_user=w.applicant, message="Hello"
        )),
        after={"status": "requested", "role": "member"},
        actor="applicant",
    ),
    Case(
        "membership.approved",
        _prepared(_request, lambda w, m: memberships.membership_approve(
            membership=m, acting_user=w.coordinator, role=Role.OBSERVER
        )),
        before={"status": "requested", "role": "member"},
        after={"status": "active", "role": "observer"},
    ),
    Case(
        "membership.declined",
        _prepared(_request, lambda w, m: memberships.membership_decline(
            membership=m, acting_user=w.coordinator, reason="Not a school"
        )),
        before={"status": "requested"},
        after={"status": "declined", "decision_reason": "Not a school"},
    ),
    Case(
        "membership.withdrawn",
        _prepared(_request, lambda w, m: memberships.membership_withdraw(membership=m, acting_user=w.applicant)),
        before={"status": "requested"},
        after={"status": "withdrawn"},
        actor="applicant",
    ),
    Case(
        "membership.left",
        _now(lambda w: memberships.membership_leave(membership=w.membership, acting_user=w.member)),
        before={"status": "active"},
        after={"status": "left"},
        actor="member",
    ),
    Case(
        "membership.suspended",
        _now(lambda w: memberships.membership_suspend(
            membership=w.membership, acting_user=w.coordinator, reason="Unpaid fees"
        )),
        before={"status": "active"},
        after={"status": "suspended", "decision_reason": "Unpaid fees"},
    ),
    Case(
        "membership.removed",
        _now(lambda w: memberships.membership_remove(
            membership=w.membership, acting_user=w.coordinator, reason="Left the country"
        )),
        before={"status": "active"},
        after={"status": "left", "decision_reason": "Left the country"},
    ),
    Case(
        "membership.reinstated",
        _prepared(
            lambda w: Membership.objects.filter(pk=w.membership.pk).update(status=Membership.Status.SUSPENDED),
            lambda w, _: memberships.membership_reinstate(membership=w.membership, acting_user=w.coordinator),
        ),
        before={"status": "suspended"},
        after={"status": "active"},
    ),
    Case(
        "membership.role_changed",
        _now(lambda w: memberships.membership_change_role(
            membership=w.membership, role=Role.COORDINATOR, acting_user=w.coordinator
        )),
        before={"role": "member"},
        after={"role": "coordinator"},
    ),
    Case(
        "invitation.created",
        _now(lambda w: invitations.invitation_create(
            network=w.network, email="New@School.example", role=Role.MEMBER, acting_user=w.coordinator
        )),
        after={"email": "new@school.example", "role": "member"},
    ),
    Case(
        "invitation.revoked",
        _prepared(
            lambda w: InvitationFactory(network=w.network, invited_by=w.coordinator),
            lambda w, i: invitations.invitation_revoke(invitation=i, acting_user=w.coordinator) or i,
        ),
    ),
    Case(
        "invitation.accepted",
        _prepared(
            lambda w: InvitationFactory(network=w.network, email=w.applicant.email, invited_by=w.coordinator),
            lambda w, i: invitations.invitation_accept(
                invitation=i, token=i.token, acting_user=w.applicant, organisation=_org(w.applicant)
            ) and i,
        ),
        after={"organisation": "Applicant Association", "status": "active"},
        actor="applicant",
    ),
    Case(
        "network.updated",
        _now(lambda w: networks.network_update(
            network=w.network, data={"description": "Guidance for all", "founded_on": datetime.date(2019, 5, 1)},
            acting_user=w.coordinator,
        )),
        before={"description": {}},
        after={"description": {"en": "Guidance for all"}, "founded_on": "2019-05-01"},
    ),
    Case(
        "network.objectives_changed",
        _prepared(
            lambda w: NetworkObjective.objects.create(network=w.network, text="Old objective"),
            lambda w, _: networks.network_update(
                network=w.network, data={}, objectives=["New objective"], tasks_=["A task"], acting_user=w.coordinator
            ),
        ),
        before={"objectives": ["Old objective"], "tasks": []},
        after={"objectives": ["New objective"], "tasks": ["A task"]},
    ),
    Case(
        "network.logo_changed",
        _now(lambda w: networks.network_update(
            network=w.network, data={}, logo=_logo_file("guidance.png"), acting_user=w.coordinator
        )),
        before={"logo": ""},
        after={"logo": "guidance.png, 24 × 12 px"},
    ),
    Case(
        "agreement.created",
        _now(lambda w: agreements.agreement_create(
            network=w.network, data={"title": "Our pact", "signed_on": datetime.date(2024, 3, 1)},
            parties=_parties(w), areas=["Guidance"], acting_user=w.coordinator,
        )),
        after={"title": {"en": "Our pact"}, "signed_on": "2024-03-01", "parties": ["Lead NGO – Lead", "Member School"],
               "areas": ["Guidance"]},
    ),
    Case(
        "agreement.updated",
        _prepared(
            lambda w: agreements.agreement_create(
                network=w.network, data={"title": "Our pact", "signed_on": datetime.date(2024, 3, 1)},
                parties=_parties(w), areas=["Guidance"], acting_user=w.coordinator,
            ),
            lambda w, a: agreements.agreement_update(
                agreement=a, data={"title": "Our pact", "signed_on": datetime.date(2024, 3, 1),
                                   "valid_until": datetime.date(2026, 3, 1)},
                parties=_parties(w), signatories=(), areas=["Guidance", "Training"], acting_user=w.coordinator,
            ),
        ),
        before={"valid_until": None, "areas": ["Guidance"]},
        after={"valid_until": "2026-03-01", "areas": ["Guidance", "Training"]},
    ),
    Case(
        "agreement.deleted",
        _prepared(
            lambda w: AgreementFactory(network=w.network, title="Old pact"),
            lambda w, a: agreements.agreement_delete(agreement=a, acting_user=w.coordinator) or a,
        ),
        before={"title": {"en": "Old pact"}},
    ),
    Case(
        "agreement.imported",
        _now(lambda w: agreements.agreement_import(
            network=w.network, acting_user=w.coordinator,
            data={"title": "Imported pact", "signed_on": "2020-12-08",
                  "parties": [{"organisation": "Lead NGO"}, {"organisation": "Member School"}]},
        )),
        after={"title": {"en": "Imported pact"}, "signed_on": "2020-12-08"},
    ),
    Case(
        "news.created",
        _now(lambda w: news.news_post_create(
            network=w.network, acting_user=w.coordinator,
            data={"title": "We met", "body": "In Gyumri.", "published_on": datetime.date(2024, 5, 2)},
        )),
        after={"title": {"en": "We met"}, "published_on": "2024-05-02", "visibility": "public"},
    ),
    Case(
        "news.updated",
        _prepared(
            lambda w: NewsPostFactory(network=w.network, title="We met"),
            lambda w, p: news.news_post_update(post=p, data={"title": "We met again"}, acting_user=w.coordinator),
        ),
        before={"title": {"en": "We met"}},
        after={"title": {"en": "We met again"}},
    ),
    Case(
        "news.deleted",
        _prepared(
            lambda w: NewsPostFactory(network=w.network, title="We met"),
            lambda w, p: news.news_post_delete(post=p, acting_user=w.coordinator) or p,
        ),
        before={"title": {"en": "We met"}},
    ),
    Case(
        "project.created",
        _now(lambda w: projects.project_create(
            network=w.network, data={"title": "Guidance for All", "acronym": "G4A"}, acting_user=w.coordinator
        )),
        after={"title": {"en": "Guidance for All"}, "slug": "g4a"},
    ),
    Case(
        "project.updated",
        _prepared(
            lambda w: ProjectFactory(network=w.network, budget_amount=Decimal("1000.00")),
            lambda w, p: projects.project_update(
                project=p, data={"budget_amount": Decimal("1250.50"), "status": "closed"}, acting_user=w.coordinator
            ),
        ),
        before={"budget_amount": "1000.00", "status": "active"},
        after={"budget_amount": "1250.50", "status": "closed"},
    ),
    Case(
        "project.imported",
        _now(lambda w: imports.project_import(
            network=w.network, acting_user=w.coordinator,
            data={"title": "Imported project", "components": [{"title": "Pillar", "activities": ["One", "Two"]}]},
        )),
        after={"title": {"en": "Imported project"}, "rows": 3},
    ),
    Case(
        "logframe.activity.added",
        _prepared(
            lambda w: ComponentFactory(project=ProjectFactory(network=w.network), position=1),
            lambda w, c: items.project_item_add(
                project=c.project, kind="activity", data={"title": "Visit schools"}, parent=c, acting_user=w.coordinator
            ),
        ),
        after={"title": {"en": "Visit schools"}, "code": "1.1", "position": 1},
    ),
    Case(
        "logframe.activity.updated",
        _prepared(
            lambda w: items.project_item_add(
                project=(c := ComponentFactory(project=ProjectFactory(network=w.network), position=1)).project,
                kind="activity", data={"title": "Visit schools"}, parent=c, acting_user=w.coordinator,
            ),
            lambda w, a: items.project_item_update(
                item=a, data={"title": "Visit all schools"}, acting_user=w.coordinator
            ),
        ),
        before={"title": {"en": "Visit schools"}},
        after={"title": {"en": "Visit all schools"}},
    ),
    Case(
        "logframe.component.removed",
        _prepared(
            lambda w: ComponentFactory(project=ProjectFactory(network=w.network), position=1, title="Pillar"),
            lambda w, c: items.project_item_remove(item=c, acting_user=w.coordinator) or c,
        ),
        before={"title": {"en": "Pillar"}, "position": 1},
    ),
    Case(
        "logframe.component.moved",
        _prepared(
            lambda w: [ComponentFactory(project=(p := ProjectFactory(network=w.network)), position=1),
                       ComponentFactory(project=p, position=2)][1],
            lambda w, c: items.project_item_move(item=c, direction="up", acting_user=w.coordinator) or c,
        ),
        before={"position": 2},
        after={"position": 1},
    ),
    Case(
        "entry.created",
        _now(lambda w: entries.entry_create(
            network=w.network, acting_user=w.member, organisation=_org(w.member),
            data={"title": "Teachers' workshop", "start_date": datetime.date(2025, 3, 1),
                  "end_date": datetime.date(2025, 3, 1), "participants_total": 12},
        )),
        after={"title": {"en": "Teachers' workshop"}, "participants_total": 12, "start_date": "2025-03-01"},
        actor="member",
    ),
    Case(
        "entry.updated",
        _prepared(_entry, lambda w, e: entries.entry_update(
            entry=e, acting_user=w.member, data={"participants_total": 25, "women": 13}
        )),
        before={"participants_total": 20, "women": 0},
        after={"participants_total": 25, "women": 13},
        actor="member",
    ),
    Case(
        "entry.submitted",
        _prepared(_entry, lambda w, e: entries.entry_submit(entry=e, acting_user=w.member)),
        before={"status": "draft"},
        after={"status": "submitted"},
        actor="member",
    ),
    Case(
        "entry.withdrawn",
        _prepared(lambda w: _entry(w, status="submitted"),
                  lambda w, e: entries.entry_withdraw(entry=e, acting_user=w.member)),
        before={"status": "submitted"},
        after={"status": "draft"},
        actor="member",
    ),
    Case(
        "entry.approved",
        _prepared(lambda w: _entry(w, status="submitted"),
                  lambda w, e: entries.entry_approve(entry=e, acting_user=w.coordinator)),
        before={"status": "submitted"},
        after={"status": "approved"},
    ),
    Case(
        "entry.returned",
        _prepared(lambda w: _entry(w, status="submitted"),
                  lambda w, e: entries.entry_return(entry=e, acting_user=w.coordinator, reason="Add the dates.")),
        before={"status": "submitted", "returned_reason": ""},
        after={"status": "returned", "returned_reason": "Add the dates."},
    ),
    Case(
        "entry.deleted",
        _prepared(_entry, lambda w, e: entries.entry_delete(entry=e, acting_user=w.coordinator)),
        before={"deleted": False},
        after={"deleted": True},
    ),
    Case(
        "entry.restored",
        _prepared(lambda w: _entry(w, deleted_at=datetime.datetime(2025, 4, 1, tzinfo=datetime.UTC)),
                  lambda w, e: entries.entry_restore(entry=e, acting_user=w.coordinator)),
        before={"deleted": True},
        after={"deleted": False},
    ),
    Case(
        "entry.files_added",
        _prepared(_entry, lambda w, e: attachments.attachments_add(
            entry=e, files=[_pdf_file("agenda.pdf")], kind="attachment", acting_user=w.member
        )[0].entry),
        after={"attachments": [f"agenda.pdf, {len(real_pdf())}\xa0bytes"]},
        actor="member",
    ),
    Case(
        "entry.file_removed",
        _prepared(lambda w: attachments.attachments_add(
            entry=_entry(w), files=[_pdf_file("agenda.pdf")], kind="attachment", acting_user=w.member
        )[0], lambda w, a: attachments.attachment_delete(attachment=a, acting_user=w.coordinator)),
        before={"attachments": [f"agenda.pdf, {len(real_pdf())}\xa0bytes"]},
    ),
    Case(
        "period.locked",
        _now(lambda w: periods.period_lock(network=w.network, start=datetime.date(2025, 1, 1),
                                           end=datetime.date(2025, 3, 31), note="Report sent",
                                           acting_user=w.coordinator)),
        after={"start": "2025-01-01", "end": "2025-03-31", "note": "Report sent", "project": None},
    ),
    Case(
        "period.reopened",
        _prepared(lambda w: periods.period_lock(network=w.network, start=datetime.date(2025, 1, 1),
                                                end=datetime.date(2025, 3, 31), acting_user=w.coordinator),
                  lambda w, lock: periods.period_reopen(lock=lock, reason="Corrected figures",
                                                        acting_user=w.coordinator)),
        before={"reopened": False},
        after={"reopened": True, "reopen_reason": "Corrected figures"},
    ),
    Case(
        "output.created",
        _now(lambda w: _output(w, visibility="restricted")),
        after={"title": {"en": "VET package"}, "visibility": "restricted"},
    ),
    Case(
        "output.updated",
        _prepared(_output, lambda w, o: advocacy_outputs.output_update(
            output=o, acting_user=w.coordinator, data={"body": "<p>Text<script>x</script></p>"}
        )),
        after={"body": {"en": "<p>Text</p>"}},
    ),
    Case(
        "output.review_started",
        _prepared(_output, lambda w, o: advocacy_outputs.output_start_review(output=o, acting_user=w.coordinator)),
        before={"status": "draft"},
        after={"status": "in_review"},
    ),
    Case(
        "output.published",
        _prepared(lambda w: _output(w, status="in_review"),
                  lambda w, o: advocacy_outputs.output_publish(output=o, acting_user=w.coordinator)),
        before={"status": "in_review", "version": 0},
        after={"status": "published", "version": 1},
    ),
    Case(
        "output.institution_addressed",
        _prepared(lambda w: (_output(w), _ministry()), lambda w, pair: advocacy_institutions.output_address(
            output=pair[0], institution=pair[1], acting_user=w.coordinator
        ).output),
    ),
    Case(
        "output.institution_removed",
        _prepared(_addressed, lambda w, pair: advocacy_institutions.output_unaddress(
            output=pair[0], institution=pair[1], acting_user=w.coordinator
        ) or pair[0]),
    ),
    Case(
        "recommendation.added",
        _prepared(_output, lambda w, o: advocacy_recommendations.recommendation_add(
            output=o, acting_user=w.coordinator, data={"text": "Fund schools"}
        )),
        after={"position": 1, "text": {"en": "Fund schools"}},
    ),
    Case(
        "recommendation.updated",
        _prepared(lambda w: advocacy_recommendations.recommendation_add(
            output=_output(w), acting_user=w.coordinator, data={"text": "Fund schools"}
        ), lambda w, r: advocacy_recommendations.recommendation_update(
            recommendation=r, acting_user=w.coordinator, data={"rationale": "They lack money"}
        )),
        after={"rationale": {"en": "They lack money"}},
    ),
    Case(
        "recommendation.removed",
        _prepared(lambda w: advocacy_recommendations.recommendation_add(
            output=_output(w), acting_user=w.coordinator, data={"text": "Fund schools"}
        ), lambda w, r: advocacy_recommendations.recommendation_remove(recommendation=r, acting_user=w.coordinator)),
        before={"position": 1},
    ),
    Case(
        "output.commented",
        _prepared(lambda w: _output(w, status="in_review"), lambda w, o: advocacy_comments.comment_add(
            output=o, acting_user=w.member, organisation=_org(w.member), text="Add the budget."
        ).output),
        actor="member",
    ),
    Case(
        "submission.recorded",
        _prepared(lambda w: (_output(w, status="published"), _ministry()),
                  lambda w, pair: advocacy_submissions.submission_record(
            output=pair[0], acting_user=w.coordinator,
            data={"institution": pair[1].pk, "submitted_on": datetime.date(2025, 3, 1), "channel": "hearing"},
        )),
        after={"submitted_on": "2025-03-01", "channel": "hearing", "outcome": ""},
    ),
    Case(
        "submission.response_recorded",
        _prepared(_submission, lambda w, s: advocacy_submissions.submission_respond(
            submission=s, acting_user=w.coordinator,
            data={"responded_on": datetime.date(2025, 4, 1), "outcome": "adopted"},
        )),
        before={"responded_on": None, "outcome": ""},
        after={"responded_on": "2025-04-01", "outcome": "adopted"},
    ),
    Case(
        "output.cover_changed",
        _prepared(_output, lambda w, o: advocacy_attachments.output_cover_set(
            output=o, image=_logo_file("cover.png"), acting_user=w.coordinator,
        )),
        before={"cover": None},
        after={"cover": "cover.png, 24 × 12 px"},
    ),
    Case(
        "output.file_added",
        _prepared(_output, lambda w, o: advocacy_attachments.output_attachment_add(
            output=o, file=_pdf_file("study.pdf"), acting_user=w.coordinator,
        ).output),
        after={"file": describe("study.pdf", len(real_pdf()))},
    ),
    Case(
        "output.file_removed",
        _prepared(lambda w: advocacy_attachments.output_attachment_add(
            output=_output(w), file=_pdf_file("study.pdf"), acting_user=w.coordinator,
        ), lambda w, a: advocacy_attachments.output_attachment_remove(attachment=a, acting_user=w.coordinator)),
        before={"file": describe("study.pdf", len(real_pdf()))},
    ),
    Case(
        "evaluator.added",
        _prepared(lambda w: (ProjectFactory(network=w.network), UserFactory(email="eva@audit.example")),
                  lambda w, pair: evaluators.evaluator_add(
            project=pair[0], email="eva@audit.example", until=datetime.date(2999, 1, 31), acting_user=w.coordinator
        )),
        after={"person": "eva@audit.example", "until": "2999-01-31"},
    ),
    Case(
        "evaluator.changed",
        _prepared(_evaluator, lambda w, e: evaluators.evaluator_change(
            evaluator=e, until=datetime.date(2999, 6, 30), acting_user=w.coordinator
        )),
        before={"until": "2999-01-31"},
        after={"until": "2999-06-30"},
    ),
    Case(
        "evaluator.removed",
        _prepared(_evaluator, lambda w, e: evaluators.evaluator_remove(evaluator=e, acting_user=w.coordinator) or e),
        before={"person": "eva@audit.example", "until": "2999-01-31"},
    ),
]  # fmt: skip


def test_every_registered_action_of_a_service_is_in_the_table():
    """A new action must get its case here (the expiry reminder and network.created have their own tests)."""
    # Funders' grants follow the funding rows, written by nobody in particular: tests/projects/test_grants.py.
    own_tests = {
        "agreement.expiry_reminder_sent",
        "network.created",
        "project.access_granted",
        "project.access_revoked",
    }
    logframe = {a for a in audit.action_labels() if a.startswith("logframe.")}
    assert set(audit.action_labels()) - logframe - own_tests == {c.action for c in CASES} - logframe


@pytest.mark.parametrize("case", CASES, ids=[c.action for c in CASES])
def test_each_service_writes_its_entry(w, case):
    with scope(network=w.network):
        act = case.run(w)
        seen = set(AuditEntry.objects.values_list("pk", flat=True))
        with transaction.atomic():  # as a request would; the test's transaction stays around it
            obj = act()
        new = list(AuditEntry.objects.exclude(pk__in=seen))

    assert [e.action for e in new] == [case.action]
    entry = new[0]
    actor = getattr(w, case.actor)
    assert entry.acting_user == actor
    assert entry.actor_label == actor.get_full_name()
    assert entry.network_id == w.network.pk
    assert entry.object_id == (obj.pk or entry.object_id)  # a deleted object has lost its pk, not the entry
    assert entry.content_type.model_class() is type(obj)
    assert entry.object_repr
    assert case.before.items() <= entry.before.items(), entry.before
    assert case.after.items() <= entry.after.items(), entry.after
    for key in set(entry.before) & set(entry.after):  # only changed fields
        assert entry.before[key] != entry.after[key], key


def test_founding_a_network_writes_its_first_entry():
    founder = AffiliationFactory(organisation__name="Founding NGO", organisation__acronym="").user
    network = networks.network_create(
        data={"name": "Green Schools"}, organisation=_org(founder), acting_user=founder, objectives=["Plant trees"]
    )
    with scope(network=network):
        entry = AuditEntry.objects.get()
    assert (entry.action, entry.acting_user, entry.object_repr) == ("network.created", founder, "Green Schools")
    assert entry.after == {"name": "Green Schools", "slug": "green-schools", "visibility": "public",
                           "organisation": "Founding NGO"}  # fmt: skip


def test_an_update_that_changes_nothing_writes_nothing(w):
    with scope(network=w.network):
        networks.network_update(network=w.network, data={"name": w.network.name}, acting_user=w.coordinator)
        assert not AuditEntry.objects.exists()


def test_a_refused_or_rolled_back_change_leaves_no_entry(w):
    with scope(network=w.network):
        request = _request(w)
        with pytest.raises(ValidationError):  # the service refuses: its own transaction rolls back
            memberships.membership_decline(membership=request, acting_user=w.coordinator, reason=" ")
        with pytest.raises(RuntimeError), transaction.atomic():  # the caller's transaction rolls back
            memberships.membership_approve(membership=request, acting_user=w.coordinator)
            assert AuditEntry.objects.filter(action="membership.approved").exists()  # it was written…
            raise RuntimeError("the caller fails after the service")
        assert not AuditEntry.objects.exists()  # …and went with the change
        request.refresh_from_db()
        assert request.status == Membership.Status.REQUESTED


def test_a_failed_import_leaves_no_entry_and_a_good_one_leaves_one(w):
    bad = {"title": "Broken", "components": [{"title": "Pillar", "activities": [{"code": "9.9", "title": "x"}]}]}
    with scope(network=w.network):
        with pytest.raises(ValidationError):
            imports.project_import(network=w.network, data=bad, acting_user=w.coordinator)
        assert not AuditEntry.objects.exists()
        # The rows an import adds are folded into its one entry; later changes are written again.
        project = imports.project_import(network=w.network, data={"title": "Good"}, acting_user=w.coordinator)
        projects.project_update(project=project, data={"summary": "Now"}, acting_user=w.coordinator)
        assert list(AuditEntry.objects.values_list("action", flat=True)) == ["project.updated", "project.imported"]


def test_the_expiry_reminder_job_writes_an_entry_with_no_user(w, django_capture_on_commit_callbacks):
    end = datetime.date(2022, 6, 30)
    agreement = AgreementFactory(
        network=w.network, title="Ending pact", signed_on=datetime.date(2020, 12, 8), valid_until=end
    )
    with django_capture_on_commit_callbacks(execute=True):
        tasks.agreement_expiry_reminders(today=end - datetime.timedelta(days=60))  # outside any scope
        tasks.agreement_expiry_reminders(today=end - datetime.timedelta(days=59))  # nothing new to send
    with scope(network=w.network):
        entry = AuditEntry.objects.get()
    assert entry.action == "agreement.expiry_reminder_sent"
    assert entry.acting_user is None
    assert entry.actor_label == "system: expiry reminders"
    assert (entry.object_id, entry.object_repr, entry.after) == (agreement.pk, "Ending pact", {"days_left": 60})


def test_reading_the_log_outside_a_scope_raises(w):
    with pytest.raises(ScopeError):
        list(AuditEntry.objects.all())
    with scope(network=NetworkFactory()):
        assert not AuditEntry.objects.exists()  # another network's scope sees none of w's rows


def test_record_refuses_unknown_actions_and_writes_outside_a_transaction(w):
    with transaction.atomic(), pytest.raises(LookupError, match="membership.eaten"):
        audit.record(network=w.network, acting_user=None, action="membership.eaten", obj=w.membership)


@pytest.mark.django_db(transaction=True)
def test_record_needs_the_services_transaction():
    network = NetworkFactory()
    with pytest.raises(RuntimeError, match="transaction"):
        audit.record(network=network, acting_user=None, action="network.updated", obj=network)


def test_snapshot_and_changes_give_json_values_of_the_changed_fields_only():
    agreement = PartnershipAgreement(title="A", signed_on=datetime.date(2024, 1, 2), valid_until=None)
    before = audit.snapshot(agreement, ("title", "signed_on", "valid_until", "network"))
    assert before == {"title": {"en": "A"}, "signed_on": "2024-01-02", "valid_until": None, "network": None}
    agreement.title, agreement.valid_until = "B", datetime.date(2025, 1, 1)
    assert audit.changes(before, agreement) == {
        "before": {"title": {"en": "A"}, "valid_until": None},
        "after": {"title": {"en": "B"}, "valid_until": "2025-01-01"},
    }
    assert audit.snapshot(ProjectFactory.build(budget_amount=Decimal("1.50")), ("budget_amount",)) == {
        "budget_amount": "1.50"
    }


def test_a_change_to_a_translation_alone_is_logged_with_every_language(w):
    post = news.news_post_create(
        network=w.network,
        data={"title": "We met", "body": "In Gyumri.", "published_on": datetime.date(2024, 5, 2)},
        acting_user=w.coordinator,
    )
    news.news_post_update(
        post=post, data={"title": {"en": "We met", "sl": "Srečali smo se"}}, acting_user=w.coordinator
    )
    with scope(network=w.network):
        entry = AuditEntry.objects.filter(action="news.updated").get()
    assert entry.before == {"title": {"en": "We met"}}
    assert entry.after == {"title": {"en": "We met", "sl": "Srečali smo se"}}
