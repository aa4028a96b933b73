"""The activity log entry's pages (projects.views.entries): the form without JavaScript (create, edit,
"save and log another", the remembered project, the one-day end date, each bad input), the entry page
(facts, the returned reason, the timeline, a fixed number of queries) and every workflow button for
every kind of person."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from network.models import Role
from portal.models import AuditEntry
from projects.models import ActivityEntry, Site, TargetGroup
from projects.services.entries import entry_create, entry_return, entry_submit, entry_update, entry_withdraw
from tests.factories import (
    ActivityFactory,
    AffiliationFactory,
    ComponentFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    org,
    person_in,
)
from tests.pages import field_error, messages, page_queries, text


def seen(response):
    """The page as a reader sees it: no tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", text(response)).split())


pytestmark = pytest.mark.django_db


@pytest.fixture
def logframe(network, project):
    """The project's pillar 1 with activity 1.4, a site and a target group; another project's activity."""
    with scopes_disabled():
        component = ComponentFactory(project=project, position=1, title="Capacity")
        activity = ActivityFactory(component=component, position=4, title="Strengthening of career guidance")
        site = Site.objects.create(network=network, project=project, position=1, name="VET school 1", city="Baku")
        group = TargetGroup.objects.create(network=network, project=project, position=1, name="Career counsellors")
        other = ProjectFactory(network=network, slug="other", title="Other project")
        foreign = ActivityFactory(component=ComponentFactory(project=other, position=1), position=1)
    return {"activity": activity, "site": site, "group": group, "other": other, "foreign_activity": foreign}


@pytest.fixture
def partner(network, project):
    """A member of the network whose organisation is a partner of the project."""
    user = person_in(network, Role.MEMBER, name="Partner school", acronym="")
    with scopes_disabled():
        PartnerFactory(project=project, organisation=org(user))
    return user


@pytest.fixture
def people(network, partner, coordinator, member):
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


def create_url(network, **query):
    url = reverse("projects:entry_create", kwargs={"network_slug": network.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def entry_url(entry, name="entry_detail"):
    return reverse(f"projects:{name}", kwargs={"network_slug": entry.network.slug, "entry_id": entry.pk})


def posted(project=None, **changes):
    """What the form posts for a training of 20 people in March 2025."""
    data = {
        "project": project.slug if project else "", "kind": "training", "language": "en",
        "title": "Training of career counsellors", "start_date": "2025-03-03", "end_date": "2025-03-05",
        "participants_total": "20", "women": "12", "men": "8", "save": "draft",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def log(network, user, project=None, **changes):
    values = {"title": "Workshop on guidance", "kind": "workshop", "start_date": date(2025, 3, 3),
              "end_date": date(2025, 3, 3), "participants_total": 10, "project": project, **changes}  # fmt: skip
    with scope(network=network):
        return entry_create(network=network, acting_user=user, organisation=org(user), data=values)


def stored(network):
    with scopes_disabled():
        return list(ActivityEntry.objects.filter(network=network).order_by("pk"))


# --- the form -------------------------------------------------------------------------------------------


def test_the_form_logs_an_activity_with_everything_without_javascript(client, network, project, partner, logframe):
    client.force_login(partner)
    page = client.get(create_url(network, project=project.slug))
    assert page.status_code == 200
    body = text(page)
    assert "1.4 Strengthening of career guidance" in body and "VET school 1" in body and "Career counsellors" in body
    assert "<script" not in re.sub(r'<script src="[^"]+" defer></script>', "", page.content.decode())  # no inline

    response = client.post(
        create_url(network),
        posted(
            project, activity=logframe["activity"].pk, site=logframe["site"].pk, target_groups=logframe["group"].pk,
            partners=org(partner).pk, organisation=org(partner).pk, links="https://example.org/agenda\n\nhttps://example.org/photos",
            description="Two days in Baku.", under_18="0", age_18_29="15", with_disabilities="2", save="submit",
        ),
    )  # fmt: skip

    (entry,) = stored(network)
    assert response.status_code == 302 and response.url == entry_url(entry)
    with scopes_disabled():
        assert (entry.project, entry.activity, entry.site) == (project, logframe["activity"], logframe["site"])
        assert list(entry.target_groups.all()) == [logframe["group"]] and list(entry.partners.all()) == [org(partner)]
    assert entry.status == "submitted" and entry.organisation == org(partner)
    assert entry.links == ["https://example.org/agenda", "https://example.org/photos"]
    assert (entry.participants_total, entry.women, entry.age_18_29, entry.with_disabilities) == (20, 12, 15, 2)
    assert str(entry.description) == "Two days in Baku."


def test_an_empty_end_date_is_the_start_date_and_empty_counts_are_zero(client, network, partner):
    client.force_login(partner)
    client.post(create_url(network), posted(end_date="", women="", men="", organisation=org(partner).pk))
    (entry,) = stored(network)
    assert entry.end_date == entry.start_date == date(2025, 3, 3)
    assert (entry.women, entry.men, entry.status) == (0, 0, "draft")


def test_save_and_log_another_opens_a_fresh_form_with_the_same_project_and_activity(
    client, network, project, partner, logframe
):
    client.force_login(partner)
    activity = logframe["activity"]
    response = client.post(
        create_url(network), posted(project, activity=activity.pk, organisation=org(partner).pk, save="another")
    )
    assert response.status_code == 302
    assert response.url == create_url(network, project=project.slug, activity=activity.pk)
    fresh = client.get(response.url)
    assert fresh.context["form"]["project"].value() == project.slug
    assert str(fresh.context["form"]["activity"].value()) == str(activity.pk)
    assert fresh.context["form"]["title"].value() in (None, "") or not str(fresh.context["form"]["title"].value())
    assert "The activity is logged as a draft" in " ".join(messages(fresh))


def test_the_form_remembers_the_last_project_and_activity(client, network, project, partner, logframe):
    client.force_login(partner)
    activity = logframe["activity"]
    client.post(create_url(network), posted(project, activity=activity.pk, organisation=org(partner).pk))
    form = client.get(create_url(network)).context["form"]
    assert form["project"].value() == project.slug and str(form["activity"].value()) == str(activity.pk)
    assert form.project == project
    # ?project= still wins, and an empty one means network-level work.
    assert client.get(create_url(network, project="")).context["form"].project is None


def test_choosing_a_project_shows_its_choices_and_keeps_what_was_typed(client, network, project, partner, logframe):
    client.force_login(partner)
    response = client.post(
        create_url(network), posted(project, title="Half typed", start_date="", choose="1", save=None)
    )
    assert response.status_code == 200 and stored(network) == []
    body = text(response)
    assert "1.4 Strengthening of career guidance" in body and "Half typed" in body
    assert 'class="error"' not in response.content.decode()  # not judged yet


def test_a_member_logs_only_for_projects_their_organisation_is_a_partner_of(client, network, project, member):
    client.force_login(member)
    form = client.get(create_url(network, project=project.slug)).context["form"]
    assert list(form.fields["project"].queryset) == [] and form.project is None
    response = client.post(create_url(network), posted(project, organisation=org(member).pk))
    field_error(response, "project", "Choose one of the projects you log activities for.")
    assert stored(network) == []


def test_the_organisation_is_chosen_for_a_person_with_only_one(client, network, project, partner):
    client.force_login(partner)
    field = client.get(create_url(network, project=project.slug)).context["form"].fields["organisation"]
    assert field.initial == org(partner).pk and field.empty_label is None


BAD_INPUT = [
    ({"end_date": "2025-03-01"}, "end_date", "The activity cannot end before it starts (2025-03-03)."),
    ({"women": "15", "men": "10"}, "women", "The participants by sex add up to 25, more than the total of 20."),
    ({"under_18": "30"}, "under_18", "The participants by age add up to 30, more than the total of 20."),
    ({"with_disabilities": "21"}, "with_disabilities", "There cannot be more persons with disabilities than"),
    ({"participants_total": "-1"}, "participants_total", "greater than or equal to 0"),
    ({"start_date": "3 March"}, "start_date", "Enter a valid date."),
    ({"title": ""}, "title", "This field is required."),
    ({"links": "not a link"}, "links", "“not a link” is not a web address"),
    ({"kind": "party"}, "kind", "Select a valid choice."),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT, ids=[b[1] for b in BAD_INPUT])
def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(
    client, network, project, partner, changes, field, message
):
    client.force_login(partner)
    response = client.post(create_url(network), posted(project, organisation=org(partner).pk, **changes))
    assert response.status_code == 200
    field_error(response, field, message)
    assert stored(network) == []
    with scopes_disabled():
        assert not AuditEntry.objects.filter(network=network).exists()


@pytest.mark.parametrize("which", ["foreign_activity", "another_network"])
def test_a_planned_activity_of_another_project_or_network_is_refused(
    client, network, project, partner, logframe, which
):
    client.force_login(partner)
    if which == "another_network":
        with scopes_disabled():
            foreign = ActivityFactory(component=ComponentFactory(project=ProjectFactory()), position=1)
    else:
        foreign = logframe[which]
    response = client.post(create_url(network), posted(project, activity=foreign.pk, organisation=org(partner).pk))
    field_error(response, "activity", "Choose a planned activity of the chosen project.")
    assert stored(network) == []


def test_a_site_or_target_group_of_another_project_is_refused(client, network, project, partner, logframe):
    client.force_login(partner)
    with scopes_disabled():
        other = logframe["other"]
        site = Site.objects.create(network=network, project=other, position=1, name="Elsewhere")
        group = TargetGroup.objects.create(network=network, project=other, position=1, name="Others")
    response = client.post(
        create_url(network), posted(project, site=site.pk, target_groups=group.pk, organisation=org(partner).pk)
    )
    field_error(response, "site", "Choose one of the chosen project's sites.")
    assert "Choose target groups of the chosen project only." in text(response) or 'id="id_target_groups_error"' in (
        response.content.decode()
    )
    assert stored(network) == []


def test_a_submit_that_fails_saves_no_draft_either(client, network, partner, monkeypatch):
    """Save and submit is one step: if submitting is refused, the entry is not left behind as a draft."""
    from django.core.exceptions import ValidationError

    from projects.services import entries

    def refuse(**kwargs):
        raise ValidationError({"start_date": "This period is locked."})

    monkeypatch.setattr(entries, "entry_submit", refuse)
    client.force_login(partner)
    response = client.post(create_url(network), posted(organisation=org(partner).pk, save="submit"))
    field_error(response, "start_date", "This period is locked.")
    assert stored(network) == []


def test_editing_changes_the_entry_and_can_submit_it(client, network, project, partner, logframe):
    entry = log(network, partner, project=project)
    client.force_login(partner)
    page = client.get(entry_url(entry, "entry_edit"))
    assert page.status_code == 200 and page.context["form"]["project"].value() == project.slug
    assert "organisation" not in page.context["form"].fields

    response = client.post(
        entry_url(entry, "entry_edit"),
        posted(project, title="Workshop on guidance, day two", activity=logframe["activity"].pk, save="submit"),
    )
    assert response.status_code == 302 and response.url == entry_url(entry)
    entry.refresh_from_db()
    assert str(entry.title) == "Workshop on guidance, day two" and entry.status == "submitted"
    assert entry.activity_id == logframe["activity"].pk


def test_bad_input_when_editing_keeps_the_entry_as_it_was(client, network, project, partner):
    entry = log(network, partner, project=project)
    client.force_login(partner)
    response = client.post(entry_url(entry, "entry_edit"), posted(project, title="Changed", end_date="2025-01-01"))
    field_error(response, "end_date", "The activity cannot end before it starts")
    entry.refresh_from_db()
    assert str(entry.title) == "Workshop on guidance"


def test_a_person_of_two_organisations_logs_a_project_only_for_its_partner(client, network, project, partner):
    """The second organisation (a member, no partner of the project) is not offered for it; moving an
    entry of that organisation to the project is refused next to the project."""
    first = org(partner)
    with scopes_disabled():
        other = OrganisationFactory(name="Second member NGO")
        MembershipFactory(network=network, organisation=other)
        AffiliationFactory(user=partner, organisation=other)
    client.force_login(partner)
    form = client.get(create_url(network, project=project.slug)).context["form"]
    assert list(form.fields["organisation"].queryset) == [first]
    response = client.post(create_url(network), posted(project, organisation=other.pk))
    field_error(response, "organisation", "Select a valid choice.")
    assert stored(network) == []

    with scope(network=network):
        meeting = {"title": "Network meeting", "start_date": date(2025, 3, 3), "end_date": date(2025, 3, 3)}
        entry = entry_create(network=network, acting_user=partner, organisation=other, data=meeting)
    response = client.post(entry_url(entry, "entry_edit"), posted(project))
    field_error(response, "project", "is not a partner of VET4F: VET for the Future")
    entry.refresh_from_db()
    assert entry.project_id is None


# --- who may open the form ------------------------------------------------------------------------------

FORM_TABLE = {
    # who: (new entry, editing the partner's draft)
    "partner": (200, 200),
    "other_member": (200, 404),
    "observer": (403, 404),
    "coordinator": (200, 200),
    "anonymous": (302, 302),
    "other_coordinator": (403, 404),
}


@pytest.mark.parametrize("who", FORM_TABLE)
def test_who_may_open_the_form(client, network, project, people, who):
    entry = log(network, people["partner"], project=project)
    if who != "anonymous":
        client.force_login(people[who])
    answers = (client.get(create_url(network)).status_code, client.get(entry_url(entry, "entry_edit")).status_code)
    assert answers == FORM_TABLE[who]


# --- the entry page -------------------------------------------------------------------------------------


def test_the_entry_page_shows_the_facts_participants_partners_and_links(client, network, project, partner, logframe):
    entry = log(
        network, partner, project=project, activity=logframe["activity"], site=logframe["site"],
        target_groups=[logframe["group"]], partners=[org(partner)], participants_total=20, women=12, men=8,
        with_disabilities=2, links=["https://example.org/agenda"], description="Two days in Baku.",
    )  # fmt: skip
    client.force_login(partner)
    body = seen(client.get(entry_url(entry)))
    for words in ("Workshop on guidance", "Draft", "1.4", "Strengthening of career guidance", "VET school 1, Baku",
                  "Partner school", "Career counsellors", "https://example.org/agenda", "Two days in Baku.",
                  "women 12", "men 8", "2 persons with disabilities", "Activity logged"):  # fmt: skip
        assert words in body, words


def test_a_returned_entry_is_marked_with_its_reason_at_the_top_and_in_the_timeline(
    client, network, project, partner, coordinator
):
    entry = log(network, partner, project=project)
    with scope(network=network):
        entry = entry_submit(entry=entry, acting_user=partner)
        entry_return(entry=entry, acting_user=coordinator, reason="Add the participants by age, please.")
    client.force_login(partner)
    page = client.get(entry_url(entry))
    body = seen(page)
    notice = body.index("Returned for changes. The reason:")
    assert body.index("Add the participants by age, please.") > notice
    assert notice < body.index("Participants")  # at the top, before the facts
    timeline = body[body.index("Timeline") :]
    for words in ("Activity logged", "Activity log entry submitted", "Activity log entry returned",
                  "Submitted → Returned", "Add the participants by age, please."):  # fmt: skip
        assert words in timeline, words


def test_the_timeline_names_what_changed(client, network, project, partner, logframe):
    entry = log(network, partner, project=project)
    client.force_login(partner)
    client.post(
        entry_url(entry, "entry_edit"),
        posted(project, title="Workshop, renamed", activity=logframe["activity"].pk, partners=org(partner).pk),
    )
    timeline = seen(client.get(entry_url(entry)))
    timeline = timeline[timeline.index("Timeline") :]
    assert "Activity log entry updated" in timeline
    assert "Workshop, renamed" in timeline and "1.4 Strengthening of career guidance" in timeline
    assert "Partner school" in timeline


def _entry_with(network, project, partner, coordinator, *, partners, rounds):
    with scopes_disabled():
        orgs = [OrganisationFactory(name=f"Partner {project.slug} {i}") for i in range(partners)]
        for organisation in orgs:
            PartnerFactory(project=project, organisation=organisation)
    entry = log(network, partner, project=project, partners=orgs[:1])
    with scope(network=network):
        entry = entry_update(entry=entry, acting_user=partner, data={"partners": orgs, "participants_total": 40})
        for _round in range(rounds):
            entry = entry_submit(entry=entry, acting_user=partner)
            entry = entry_return(entry=entry, acting_user=coordinator, reason="Once more.")
    return entry


# The network, the entry with its project (what the rules read), the session, the user, their role; their
# organisations (a member's rules ask; a coordinator's need not); then, the page not kept, the entry with
# its activity, site, organisation and people; the audit rows, the organisations named in them, the
# partners, the target groups; the files.
ENTRY_PAGE_QUERIES = {"partner": 12, "coordinator": 11}


@pytest.mark.parametrize("who", ["partner", "coordinator"])
def test_the_entry_page_costs_the_same_however_long_its_timeline_and_lists(
    client, network, project, partner, coordinator, who
):
    small = _entry_with(network, project, partner, coordinator, partners=2, rounds=1)
    large = _entry_with(network, project, partner, coordinator, partners=30, rounds=8)
    client.force_login({"partner": partner, "coordinator": coordinator}[who])
    counts = [page_queries(client, entry_url(entry))[0] for entry in (small, large)]
    assert counts == [ENTRY_PAGE_QUERIES[who]] * 2


# --- the buttons, for each kind of person ----------------------------------------------------------------


def _in_state(network, project, people, state):
    entry = log(network, people["partner"], project=project)
    with scope(network=network):
        if state in ("submitted", "approved", "deleted"):
            entry = entry_submit(entry=entry, acting_user=people["partner"])
        if state in ("approved", "deleted"):
            from projects.services.entries import entry_approve

            entry = entry_approve(entry=entry, acting_user=people["coordinator"])
        if state == "deleted":
            from projects.services.entries import entry_delete

            entry = entry_delete(entry=entry, acting_user=people["coordinator"])
    return entry


def _press(client, entry, verb, **extra):
    data = {"seen": entry.updated_at.isoformat(), "seen_status": entry.status, **extra}
    return client.post(entry_url(entry, f"entry_{verb}"), data)


# verb, the state it starts from, the state it leads to; who may (they get 302 to the entry and the change).
BUTTONS = {
    ("submit", "draft", "submitted"): {"partner", "coordinator"},
    ("withdraw", "submitted", "draft"): {"partner", "coordinator"},
    ("approve", "submitted", "approved"): {"coordinator"},
    ("return", "submitted", "returned"): {"coordinator"},
    ("delete", "approved", "deleted"): {"coordinator"},
    ("restore", "deleted", "approved"): {"coordinator"},
}
# Who may not: anonymous people are sent to log in; who cannot see the entry gets 404; who sees it, 403.
SEES = {
    "draft": {"partner", "coordinator"},
    "submitted": {"partner", "coordinator"},
    "approved": {"partner", "other_member", "observer", "coordinator", "other_coordinator"},
    "deleted": {"coordinator"},
}


def _state(entry):
    with scopes_disabled():
        entry = ActivityEntry.objects.get(pk=entry.pk)
    return "deleted" if entry.is_deleted else entry.status


@pytest.mark.parametrize(
    "who", ["partner", "other_member", "observer", "coordinator", "anonymous", "other_coordinator"]
)
@pytest.mark.parametrize(("verb", "start", "end"), BUTTONS)
def test_each_button_for_each_person(client, network, project, people, who, verb, start, end):
    entry = _in_state(network, project, people, start)
    if who != "anonymous":
        client.force_login(people[who])

    response = _press(client, entry, verb, reason="Please add the dates.")

    if who in BUTTONS[verb, start, end]:
        assert response.status_code == 302 and response.url == entry_url(entry)
        assert _state(entry) == end
    else:
        expected = 302 if who == "anonymous" else (403 if who in SEES[start] else 404)
        assert response.status_code == expected
        if who == "anonymous":
            assert "/login/" in response.url
        assert _state(entry) == start


@pytest.mark.parametrize("who", ["partner", "coordinator", "observer"])
def test_the_page_offers_the_buttons_its_reader_may_press(client, network, project, people, who):
    entry = _in_state(network, project, people, "approved" if who == "observer" else "submitted")
    client.force_login(people[who])
    body = client.get(entry_url(entry)).content.decode()
    offered = {verb for verb in ("submit", "withdraw", "approve", "return", "delete", "restore", "edit")
               if entry_url(entry, f"entry_{verb}") in body}  # fmt: skip
    assert offered == {"partner": {"withdraw"}, "coordinator": {"approve", "return", "withdraw", "delete", "edit"},
                       "observer": set()}[who]  # fmt: skip


def test_return_needs_a_reason(client, network, project, people):
    entry = _in_state(network, project, people, "submitted")
    client.force_login(people["coordinator"])
    response = _press(client, entry, "return", reason="   ")
    assert response.status_code == 302
    assert messages(client.get(response.url)) == ["Say what to change, so the organisation can fix it."]
    assert _state(entry) == "submitted"


def test_approving_an_entry_withdrawn_meanwhile_is_refused_with_a_message(client, network, project, people):
    entry = _in_state(network, project, people, "submitted")
    seen = {"seen": entry.updated_at.isoformat(), "seen_status": "submitted"}
    with scope(network=network):
        entry_withdraw(entry=entry, acting_user=people["partner"])
    client.force_login(people["coordinator"])
    response = client.post(entry_url(entry, "entry_approve"), seen)
    assert response.status_code == 302
    assert messages(client.get(response.url)) == ["This entry is a draft: it has not been submitted."]
    assert _state(entry) == "draft"


def test_approving_an_entry_changed_since_it_was_opened_is_refused(client, network, project, people):
    entry = _in_state(network, project, people, "submitted")
    seen = {"seen": entry.updated_at.isoformat(), "seen_status": "submitted"}
    with scope(network=network):
        entry_withdraw(entry=entry, acting_user=people["partner"])
        entry_submit(entry=entry, acting_user=people["partner"])
    client.force_login(people["coordinator"])
    response = client.post(entry_url(entry, "entry_approve"), seen)
    assert "This entry changed since you opened it" in messages(client.get(response.url))[0]
    assert _state(entry) == "submitted"
    # Without the copy seen (a forged post), nothing is decided either.
    response = client.post(entry_url(entry, "entry_approve"), {})
    assert messages(client.get(response.url)) == ["Open the entry again and decide on what it says now."]
    assert _state(entry) == "submitted"


def test_submitting_twice_is_a_message_not_an_error(client, network, project, people):
    entry = _in_state(network, project, people, "submitted")
    client.force_login(people["coordinator"])
    response = _press(client, entry, "submit")
    assert messages(client.get(response.url)) == ["This entry has already been submitted."]


def test_another_networks_entry_is_not_found_under_this_network(client, network, project, people):
    entry = _in_state(network, project, people, "approved")
    coordinator = people["other_coordinator"]
    client.force_login(coordinator)
    with scopes_disabled():
        elsewhere = coordinator.affiliations.get().organisation.memberships.get().network
    for name in ("entry_detail", "entry_edit"):
        url = reverse(f"projects:{name}", kwargs={"network_slug": elsewhere.slug, "entry_id": entry.pk})
        assert client.get(url).status_code == 404


def test_the_decision_e_mail_links_to_the_entry(
    client, network, project, people, mailoutbox, django_capture_on_commit_callbacks
):
    entry = _in_state(network, project, people, "submitted")
    client.force_login(people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        _press(client, entry, "return", reason="Which school?")
    (mail,) = mailoutbox
    assert entry_url(entry) in mail.body and "Which school?" in mail.body


# --- files on the form ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("media_root")
def test_the_form_logs_an_activity_with_its_files_in_one_step(client, network, partner):
    """The agenda and a photo go with the entry's first save: one page, one transaction."""
    from tests.projects.test_attachments import pdf, png

    client.force_login(partner)
    assert 'enctype="multipart/form-data"' in client.get(create_url(network)).content.decode()
    response = client.post(
        create_url(network),
        {**posted(organisation=org(partner).pk, save="submit"), "files-attachments": [pdf()], "files-photos": [png()]},
    )
    (entry,) = stored(network)
    assert response.status_code == 302 and entry.status == "submitted"
    with scopes_disabled():
        assert sorted((a.kind, a.original_name) for a in entry.attachments.all()) == [
            ("attachment", "agenda.pdf"), ("photo", "flipchart.png")
        ]  # fmt: skip


@pytest.mark.usefixtures("media_root")
def test_a_refused_file_saves_no_entry_and_says_why_on_its_field(client, network, partner):
    from tests.projects.test_attachments import a_file

    client.force_login(partner)
    page = client.post(
        create_url(network),
        {
            **posted(organisation=org(partner).pk),
            "files-attachments": [a_file(b"<html><body>hi</body></html>", "agenda.pdf")],
        },
    )
    assert page.status_code == 200
    field_error(page, "files-attachments", "agenda.pdf")
    assert stored(network) == []
