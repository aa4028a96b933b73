"""The activity log (projects.services.entries): what is refused and why, the workflow with its audit
log and e-mails, and that nothing of another network can be named."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from network.models import Role
from portal.inputs import UnknownInput
from portal.models import AuditEntry
from portal.permissions import check, forget
from projects.models import ActivityEntry
from projects.services.entries import (
    ENTRY_FIELDS,
    entry_approve,
    entry_create,
    entry_delete,
    entry_restore,
    entry_return,
    entry_submit,
    entry_update,
    entry_withdraw,
)
from tests.factories import (
    ActivityFactory,
    AffiliationFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    org,
    person_in,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


@pytest.fixture
def partner(network, project):
    """A member of the network whose organisation is a partner of the project."""
    user = person_in(network, Role.MEMBER, name="Partner school")
    PartnerFactory(project=project, organisation=user.affiliations.get().organisation)
    return user


def data(**changes):
    return {"title": "Training of career counsellors", "kind": "training", "start_date": date(2025, 3, 3),
            "end_date": date(2025, 3, 5), "participants_total": 20, **changes}  # fmt: skip


def log(network, user, **changes):
    return entry_create(network=network, acting_user=user, organisation=org(user), data=data(**changes))


def actions(entry):
    return list(AuditEntry.objects.filter(object_id=entry.pk, action__startswith="entry.").order_by("pk")
                .values_list("action", flat=True))  # fmt: skip


def errors_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# --- the permission table ------------------------------------------------------------------------------


@pytest.fixture
def people(network, project, partner, coordinator, member):
    with scopes_disabled():
        elsewhere = NetworkFactory()
    return {
        "partner": partner,
        "other_member": member,  # a member whose organisation is no partner of the project
        "observer": person_in(network, Role.OBSERVER),
        "coordinator": coordinator,
        "anonymous": AnonymousUser(),
        "other_coordinator": person_in(elsewhere, Role.COORDINATOR),
    }


LOG_TABLE = {
    # who: (network-level, the project)
    "partner": (True, True),
    "other_member": (True, False),
    "observer": (False, False),
    "coordinator": (True, True),
    "anonymous": (False, False),
    "other_coordinator": (False, False),
}


@pytest.mark.parametrize("who", LOG_TABLE)
def test_who_may_log(people, network, project, who):
    assert (check("log_entry", people[who], network), check("log_entry", people[who], project)) == LOG_TABLE[who]


# rule → who may, for an entry the partner logged for the project, in each state
ENTRY_TABLE = {
    ("edit_entry", "draft"): {"partner", "coordinator"},
    ("edit_entry", "returned"): {"partner", "coordinator"},
    ("edit_entry", "submitted"): {"coordinator"},
    ("edit_entry", "approved"): {"coordinator"},
    ("withdraw_entry", "submitted"): {"partner", "coordinator"},
    ("review_entry", "submitted"): {"coordinator"},
    ("delete_entry", "approved"): {"coordinator"},
    ("restore_entry", "deleted"): {"coordinator"},
    ("see_entry", "draft"): {"partner", "coordinator"},
    ("see_entry", "submitted"): {"partner", "coordinator"},
    ("see_entry", "deleted"): {"coordinator"},
    # approved, in a public project of a public network: anyone
    ("see_entry", "approved"): {"partner", "other_member", "observer", "coordinator", "anonymous", "other_coordinator"},
}


@pytest.mark.parametrize(("action", "state"), ENTRY_TABLE)
def test_who_may_act_on_an_entry(people, network, project, action, state):
    entry = log(network, people["partner"], project=project)
    if state != "draft":
        entry.status = "approved" if state == "deleted" else state
        entry.deleted_at = timezone.now() if state == "deleted" else None
        entry.save()
    allowed = {who for who, user in people.items() if check(action, user, entry)}
    assert allowed == ENTRY_TABLE[action, state]


def test_an_approved_entry_of_a_private_project_is_seen_only_by_who_sees_the_project(people, network, project):
    project.visibility = "private"
    project.save()
    entry = log(network, people["partner"], project=project)
    entry.status = "approved"
    entry.save()
    assert {who for who, user in people.items() if check("see_entry", user, entry)} == {
        "partner", "other_member", "observer", "coordinator"
    }  # fmt: skip


def test_a_member_cannot_log_for_a_project_their_organisation_is_no_partner_of(network, project, member):
    with pytest.raises(PermissionDenied):
        log(network, member, project=project)
    assert not ActivityEntry.objects.exists()


def test_a_member_of_two_organisations_logs_project_work_only_in_the_partner_s_name(network, project, partner):
    """The person also works for a member organisation that is no partner of the project: the project's
    entries go in the partner's name, network-level work in either."""
    partner_organisation = org(partner)
    other = person_in(network, Role.MEMBER, name="Youth centre").affiliations.get().organisation
    AffiliationFactory(user=partner, organisation=other)
    forget(partner)
    errors = errors_of(lambda: entry_create(network=network, acting_user=partner, organisation=other,
                                            data=data(project=project)))  # fmt: skip
    assert errors == {
        "organisation": [f"{other} is not a partner of {project}: log in the name of one of its partners."]
    }
    entry = entry_create(network=network, acting_user=partner, organisation=other, data=data())
    errors = errors_of(lambda: entry_update(entry=entry, acting_user=partner, data={"project": project}))
    assert errors == {
        "organisation": [f"{other} is not a partner of {project}: log in the name of one of its partners."]
    }
    assert ActivityEntry.objects.get().project is None
    logged = entry_create(network=network, acting_user=partner, organisation=partner_organisation,
                          data=data(project=project))  # fmt: skip
    assert logged.project == project


def test_an_observer_cannot_log_at_all(network):
    observer = person_in(network, Role.OBSERVER)
    with pytest.raises(PermissionDenied):
        log(network, observer)


def test_one_logs_only_in_the_name_of_an_organisation_one_works_for(network, partner, coordinator):
    errors = errors_of(lambda: entry_create(network=network, acting_user=partner, organisation=org(coordinator),
                                            data=data()))  # fmt: skip
    assert errors == {"organisation": ["Log in the name of an organisation you work for."]}


def test_a_member_cannot_edit_a_submitted_entry(network, partner):
    entry = entry_submit(entry=log(network, partner), acting_user=partner)
    with pytest.raises(PermissionDenied):
        entry_update(entry=entry, acting_user=partner, data={"title": "Changed"})


def test_a_member_cannot_approve_delete_or_restore(network, partner):
    entry = entry_submit(entry=log(network, partner), acting_user=partner)
    for call in (entry_approve, entry_delete, entry_restore):
        with pytest.raises(PermissionDenied):
            call(entry=entry, acting_user=partner)
    with pytest.raises(PermissionDenied):
        entry_return(entry=entry, acting_user=partner, reason="No")


# --- validation ------------------------------------------------------------------------------------------


def test_a_network_level_entry_is_logged_as_a_draft_with_its_texts_in_its_language(network, partner):
    entry = log(network, partner, language="az", description="Üç günlük təlim", links=["https://example.org/a"])
    entry.refresh_from_db()
    assert entry.status == "draft" and entry.project is None and entry.organisation == org(partner)
    assert entry.created_by == partner and entry.links == ["https://example.org/a"]
    assert entry.description.original_language == "az"
    assert actions(entry) == ["entry.created"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"end_date": date(2025, 3, 1)}, {"end_date": ["The activity cannot end before it starts (2025-03-03)."]}),
        ({"women": 15, "men": 6}, {"women": ["The participants by sex add up to 21, more than the total of 20."]}),
        ({"under_18": 10, "age_30_64": 9, "age_not_given": 2},
         {"under_18": ["The participants by age add up to 21, more than the total of 20."]}),
        ({"with_disabilities": 21},
         {"with_disabilities": ["There cannot be more persons with disabilities than participants (20)."]}),
        ({"links": ["https://example.org/ok", "not a link"]},
         {"links": ["“not a link” is not a web address (https://…)."]}),
        ({"links": ["javascript:alert(1)"]}, {"links": ["“javascript:alert(1)” is not a web address (https://…)."]}),
        ({"title": ""}, {"title": ["Give the text in English, the original language."]}),
        ({"start_date": None}, {"start_date": ["This field cannot be null."]}),
    ],
)  # fmt: skip
def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(network, partner, changes, expected):
    assert errors_of(lambda: log(network, partner, **changes)) == expected
    assert not ActivityEntry.objects.exists() and not AuditEntry.objects.filter(action="entry.created").exists()


def test_a_breakdown_that_fits_the_total_is_accepted(network, partner):
    entry = log(network, partner, women=12, men=7, other_or_not_given=1, under_18=20, with_disabilities=20)
    assert (entry.women, entry.under_18, entry.with_disabilities) == (12, 20, 20)


def test_references_must_belong_to_the_project_and_the_network(network, project, coordinator):
    with scopes_disabled():
        other_project = ProjectFactory(network=network)
        foreign = ProjectFactory()  # another network's
        foreign_activity = ActivityFactory(component__project=foreign)
        other_activity = ActivityFactory(component__project=other_project)
        site = other_project.sites.create(network=network, name="Elsewhere school")
        group = other_project.target_groups.create(network=network, name="Teachers")
    stranger = OrganisationFactory(name="Nowhere Ltd", acronym="")

    def refused(**changes):
        return errors_of(lambda: log(network, coordinator, project=project, **changes))

    assert refused(activity=other_activity) == {"activity": ["Choose a planned activity of the chosen project."]}
    assert refused(activity=foreign_activity.pk) == {"activity": ["Choose a planned activity of the chosen project."]}
    assert refused(site=site) == {"site": ["Choose one of the chosen project's sites."]}
    assert refused(target_groups=[group]) == {"target_groups": ["Choose target groups of the chosen project only."]}
    assert refused(partners=[stranger]) == {
        "partners": [f"{stranger}: neither a partner of the project nor a member of the network."]
    }
    assert errors_of(lambda: log(network, coordinator, project=foreign)) == {
        "project": ["Choose one of this network's projects."]
    }
    assert errors_of(lambda: log(network, coordinator, activity=other_activity)) == {
        "activity": ["Choose the project first: a planned activity belongs to one project."]
    }
    assert not ActivityEntry.objects.exists()


def test_the_project_s_own_rows_and_partners_or_network_members_are_accepted(network, project, coordinator, member):
    with scopes_disabled():
        activity = ActivityFactory(component__project=project)
        site = project.sites.create(network=network, name="Pilot school 1", country="AZ")
        group = project.target_groups.create(network=network, name="Teachers")
    outside_partner = PartnerFactory(project=project, organisation=OrganisationFactory()).organisation
    entry = log(network, coordinator, project=project, activity=activity.pk, site=site, target_groups=[group],
                partners=[org(member), outside_partner])  # fmt: skip
    assert (entry.activity, entry.site) == (activity, site)
    assert set(entry.partners.all()) == {org(member), outside_partner}
    assert list(entry.target_groups.all()) == [group]


def test_changing_the_project_drops_nothing_silently(network, project, coordinator):
    """A site of the old project no longer fits: the update is refused, not half applied."""
    with scopes_disabled():
        site = project.sites.create(network=network, name="Pilot school 1")
        other = ProjectFactory(network=network)
    entry = log(network, coordinator, project=project, site=site)
    assert errors_of(lambda: entry_update(entry=entry, acting_user=coordinator, data={"project": other})) == {
        "site": ["Choose one of the chosen project's sites."]
    }
    entry.refresh_from_db()
    assert entry.project == project and entry.site == site


def test_an_unknown_field_is_a_programming_error(network, partner):
    with pytest.raises(UnknownInput):
        log(network, partner, colour="red")
    assert "participants_total" in ENTRY_FIELDS


# --- the workflow -----------------------------------------------------------------------------------------


def test_returned_then_resubmitted_then_approved_with_every_step_in_the_log(
    network, project, partner, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    entry = log(network, partner, project=project)
    entry = entry_update(entry=entry, acting_user=partner, data={"participants_total": 25, "women": 14})
    entry = entry_submit(entry=entry, acting_user=partner)
    assert (entry.status, entry.submitted_by) == ("submitted", partner)
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_return(entry=entry, acting_user=coordinator, reason="  Add the list of participants.  ")
    assert (entry.status, entry.returned_reason, entry.returned_by) == ("returned", "Add the list of participants.",
                                                                        coordinator)  # fmt: skip
    entry = entry_update(entry=entry, acting_user=partner, data={"outcomes": "List attached"})
    entry = entry_submit(entry=entry, acting_user=partner)
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_approve(entry=entry, acting_user=coordinator)
    assert (entry.status, entry.approved_by) == ("approved", coordinator)

    assert actions(entry) == ["entry.created", "entry.updated", "entry.submitted", "entry.returned", "entry.updated",
                              "entry.submitted", "entry.approved"]  # fmt: skip
    updated = AuditEntry.objects.filter(object_id=entry.pk, action="entry.updated").order_by("pk").first()
    assert updated.before == {"participants_total": 20, "women": 0}
    assert updated.after == {"participants_total": 25, "women": 14}
    returned = AuditEntry.objects.get(object_id=entry.pk, action="entry.returned")
    assert returned.after == {"status": "returned", "returned_reason": "Add the list of participants."}
    assert returned.acting_user == coordinator

    assert [m.to for m in mailoutbox] == [[partner.email], [partner.email]]
    assert "Returned for changes: Training of career counsellors" in mailoutbox[0].subject
    assert "Add the list of participants." in mailoutbox[0].body
    assert "Approved: Training of career counsellors" in mailoutbox[1].subject


def test_a_return_needs_a_reason(network, partner, coordinator):
    entry = entry_submit(entry=log(network, partner), acting_user=partner)
    assert errors_of(lambda: entry_return(entry=entry, acting_user=coordinator, reason="  ")) == {
        "reason": ["Say what to change, so the organisation can fix it."]
    }
    entry.refresh_from_db()
    assert entry.status == "submitted"


def test_a_second_return_sends_a_second_e_mail_and_each_decision_only_once(
    network, partner, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    from projects.tasks import notify_entry_decision

    entry = entry_submit(entry=log(network, partner), acting_user=partner)
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_return(entry=entry, acting_user=coordinator, reason="Dates?")
    notify_entry_decision(network=network.pk, entry_id=entry.pk)  # the job delivered twice
    assert len(mailoutbox) == 1
    entry = entry_submit(entry=entry, acting_user=partner)
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_return(entry=entry, acting_user=coordinator, reason="Still the dates.")
    assert len(mailoutbox) == 2 and "Still the dates." in mailoutbox[1].body
    entry = entry_submit(entry=entry, acting_user=partner)
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_approve(entry=entry, acting_user=coordinator)
    notify_entry_decision(network=network.pk, entry_id=entry.pk)
    assert len(mailoutbox) == 3


def test_a_refused_decision_sends_nothing(
    network, partner, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    entry = log(network, partner)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        entry_approve(entry=entry, acting_user=coordinator)
    assert mailoutbox == []


def test_approving_an_entry_withdrawn_meanwhile_is_refused_clearly(network, partner, coordinator):
    seen = entry_submit(entry=log(network, partner), acting_user=partner)  # what the coordinator opened
    entry_withdraw(entry=ActivityEntry.objects.get(pk=seen.pk), acting_user=partner)
    with pytest.raises(ValidationError) as caught:
        entry_approve(entry=seen, acting_user=coordinator)
    assert caught.value.messages == ["This entry is a draft: it has not been submitted."]
    assert ActivityEntry.objects.get(pk=seen.pk).status == "draft"
    assert "entry.approved" not in actions(seen)


def test_approving_an_entry_edited_since_it_was_opened_is_refused(network, partner, coordinator):
    seen = entry_submit(entry=log(network, partner), acting_user=partner)
    # another coordinator corrects the total meanwhile (coordinators may edit a submitted entry)
    entry_update(entry=ActivityEntry.objects.get(pk=seen.pk), acting_user=coordinator, data={"participants_total": 30})
    with pytest.raises(ValidationError) as caught:
        entry_approve(entry=seen, acting_user=coordinator)
    assert caught.value.messages == [
        "This entry changed since you opened it (it is now “Submitted”). Look at it again first."
    ]
    assert ActivityEntry.objects.get(pk=seen.pk).status == "submitted"
    with pytest.raises(ValidationError):
        entry_return(entry=seen, acting_user=coordinator, reason="Check")
    entry_approve(entry=ActivityEntry.objects.get(pk=seen.pk), acting_user=coordinator)  # looked again: fine


def test_an_entry_is_submitted_once_and_approved_once(network, partner, coordinator):
    entry = entry_submit(entry=log(network, partner), acting_user=partner)
    with pytest.raises(ValidationError) as caught:
        entry_submit(entry=entry, acting_user=coordinator)
    assert caught.value.messages == ["This entry has already been submitted."]
    entry = entry_approve(entry=entry, acting_user=coordinator)
    with pytest.raises(ValidationError) as caught:
        entry_approve(entry=entry, acting_user=coordinator)
    assert caught.value.messages == ["This entry has already been approved."]


def test_a_coordinator_deletes_and_restores_and_a_deleted_entry_cannot_be_changed(network, partner, coordinator):
    entry = log(network, partner)
    entry = entry_delete(entry=entry, acting_user=coordinator)
    assert entry.deleted_at is not None
    for call in (entry_submit, entry_delete):
        with pytest.raises(PermissionDenied):
            call(entry=entry, acting_user=coordinator)
    entry = entry_restore(entry=entry, acting_user=coordinator)
    assert entry.deleted_at is None and ActivityEntry.objects.filter(pk=entry.pk).exists()
    with pytest.raises(PermissionDenied):
        entry_restore(entry=entry, acting_user=coordinator)
    assert actions(entry) == ["entry.created", "entry.deleted", "entry.restored"]


def test_a_member_who_left_the_organisation_can_no_longer_edit_its_entry(network, partner):
    entry = log(network, partner)
    partner.affiliations.all().delete()
    forget(partner)
    with pytest.raises(PermissionDenied):
        entry_update(entry=entry, acting_user=partner, data={"title": "Mine"})


# --- scoping ------------------------------------------------------------------------------------------------


def test_another_network_s_entry_cannot_be_reached_from_this_scope(network, partner):
    with scopes_disabled():
        elsewhere = NetworkFactory()
    theirs_person = person_in(elsewhere, Role.COORDINATOR)
    with scope(network=elsewhere):
        theirs = log(elsewhere, theirs_person)
    assert not ActivityEntry.objects.filter(pk=theirs.pk).exists()  # this test runs in `network`'s scope
    with pytest.raises(ActivityEntry.DoesNotExist):  # the lock reads through this scope: no such row here
        entry_approve(entry=theirs, acting_user=partner)


def test_a_person_in_two_networks_logs_each_in_its_own(network, partner):
    with scopes_disabled():
        elsewhere = NetworkFactory()
    MembershipFactory(network=elsewhere, organisation=org(partner), role=Role.MEMBER, status="active")
    with scope(network=elsewhere):
        theirs = log(elsewhere, partner)
    assert theirs.network == elsewhere
    with scope(network=elsewhere):
        project_here = ProjectFactory(network=network)
        assert errors_of(lambda: log(elsewhere, partner, project=project_here)) == {
            "project": ["Choose one of this network's projects."]
        }


def test_moving_an_entry_to_another_project_rechecks_its_partners(network, project, coordinator):
    """A partner of the old project who is no member of the network does not come along silently."""
    outside_partner = PartnerFactory(project=project, organisation=OrganisationFactory(acronym="")).organisation
    with scopes_disabled():
        other = ProjectFactory(network=network)
    entry = log(network, coordinator, project=project, partners=[outside_partner])
    assert errors_of(lambda: entry_update(entry=entry, acting_user=coordinator, data={"project": other})) == {
        "partners": [f"{outside_partner}: neither a partner of the project nor a member of the network."]
    }
