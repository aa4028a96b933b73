"""The activity log API (projects/api.py, /api/v1/networks/<slug>/activities/): each action × each kind of
person, by session and by token; the list's filters as on the list page; the reviewer's version check;
bad input as 400 with the field's message; nothing of another network; a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from network.models import Network, Role
from projects.models import ActivityEntry
from projects.services.entries import entry_create, entry_submit
from projects.services.periods import period_lock
from tests.clients import sign_in
from tests.factories import (
    ActivityFactory,
    AffiliationFactory,
    NetworkFactory,
    PartnerFactory,
    ProjectFactory,
    org,
    person_in,
)

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.fixture
def partner(network, project):
    user = person_in(network, Role.MEMBER, name="Partner school")
    PartnerFactory(project=project, organisation=user.affiliations.get().organisation)
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
        "anonymous": None,
        "other_coordinator": person_in(elsewhere, Role.COORDINATOR),
    }


def body(**changes):
    return {"title": "Training of career counsellors", "kind": "training", "start_date": "2025-03-03",
            "end_date": "2025-03-05", "participants_total": 20, **changes}  # fmt: skip


def logged(network, user, state="draft", **changes):
    data = {"title": "Training of career counsellors", "kind": "training", "start_date": date(2025, 3, 3),
            "end_date": date(2025, 3, 5), "participants_total": 20, **changes}  # fmt: skip
    with scope(network=network):
        entry = entry_create(network=network, acting_user=user, organisation=org(user), data=data)
        if state in ("submitted", "approved"):
            entry = entry_submit(entry=entry, acting_user=user)
        if state == "approved":
            ActivityEntry.objects.filter(pk=entry.pk).update(status="approved")
        return ActivityEntry.objects.get(pk=entry.pk)


def base(network):
    return f"/api/v1/networks/{network.slug}/activities/"


def current(entry):
    with scopes_disabled():
        return ActivityEntry.objects.get(pk=entry.pk)


# --- the permission table ------------------------------------------------------------------------------

WHO = ["partner", "other_member", "observer", "coordinator", "anonymous", "other_coordinator"]

# action → who gets what. The network is public: an outsider may try, and is refused by the rules; an
# entry they may not see is 404 (as on the pages); a caller without credentials is asked for a token (401).
TABLE = {
    "list": {"partner": 200, "other_member": 200, "observer": 200, "coordinator": 200, "anonymous": 200,
             "other_coordinator": 200},
    "retrieve draft": {"partner": 200, "other_member": 404, "observer": 404, "coordinator": 200, "anonymous": 404,
                       "other_coordinator": 404},
    "retrieve approved": {"partner": 200, "other_member": 200, "observer": 200, "coordinator": 200,
                          "anonymous": 200, "other_coordinator": 200},
    "create for the project": {"partner": 201, "other_member": 403, "observer": 403, "coordinator": 201,
                               "anonymous": 401, "other_coordinator": 403},
    "create network-level": {"partner": 201, "other_member": 201, "observer": 403, "coordinator": 201,
                             "anonymous": 401, "other_coordinator": 403},
    "update": {"partner": 200, "other_member": 404, "observer": 403, "coordinator": 200, "anonymous": 401,
               "other_coordinator": 403},
    "replace": {"partner": 200, "other_member": 404, "observer": 403, "coordinator": 200, "anonymous": 401,
                "other_coordinator": 403},
    "submit": {"partner": 200, "other_member": 404, "observer": 403, "coordinator": 200, "anonymous": 401,
               "other_coordinator": 403},
    "withdraw": {"partner": 200, "other_member": 404, "observer": 403, "coordinator": 200, "anonymous": 401,
                 "other_coordinator": 403},
    "approve": {"partner": 403, "other_member": 403, "observer": 403, "coordinator": 200, "anonymous": 401,
                "other_coordinator": 403},
    "return": {"partner": 403, "other_member": 403, "observer": 403, "coordinator": 200, "anonymous": 401,
               "other_coordinator": 403},
    # Approving an approved entry: the coordinator passes every rule and is told why not (a 400).
    "update approved": {"partner": 403, "other_member": 403, "observer": 403, "coordinator": 200,
                        "anonymous": 401, "other_coordinator": 403},
}  # fmt: skip
# What the entry's status is after an allowed call.
AFTER = {"submit": "submitted", "withdraw": "draft", "approve": "approved", "return": "returned"}


def _call(client, network, entry, what):
    url = base(network) + (f"{entry.pk}/" if entry else "")
    version = {"updated_at": entry.updated_at.isoformat()} if entry else {}
    calls = {
        "list": lambda: client.get(url),
        "retrieve draft": lambda: client.get(url),
        "retrieve approved": lambda: client.get(url),
        "create for the project": lambda: client.post(url, body(project="vet4f"), content_type=JSON),
        "create network-level": lambda: client.post(url, body(), content_type=JSON),
        "update": lambda: client.patch(url, {"title": "Changed"}, content_type=JSON),
        "update approved": lambda: client.patch(url, {"title": "Changed"}, content_type=JSON),
        "replace": lambda: client.put(url, body(title="Replaced"), content_type=JSON),
        "submit": lambda: client.post(url + "submit/"),
        "withdraw": lambda: client.post(url + "withdraw/"),
        "approve": lambda: client.post(url + "approve/", version, content_type=JSON),
        "return": lambda: client.post(url + "return/", {**version, "reason": "Dates?"}, content_type=JSON),
    }
    return calls[what]()


STATE = {"retrieve draft": "draft", "retrieve approved": "approved", "update": "draft", "replace": "draft",
         "submit": "draft", "withdraw": "submitted", "approve": "submitted", "return": "submitted",
         "update approved": "approved"}  # fmt: skip


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("what", TABLE)
def test_who_may_do_what(client, client_kind, network, project, people, who, what):
    entry = logged(network, people["partner"], STATE[what], project=project) if what in STATE else None
    before = current(entry) if entry else None
    sign_in(client, people[who], client_kind)

    response = _call(client, network, entry, what)

    assert response.status_code == TABLE[what][who], response.content
    if response.status_code == 401:
        assert response["WWW-Authenticate"] == "Token"
    if entry is None:
        return
    after = current(entry)
    if response.status_code == 200 and what in AFTER:
        assert after.status == AFTER[what]
        assert response.json()["status"] == AFTER[what]
    elif response.status_code == 200 and what in ("update", "replace", "update approved"):
        assert str(after.title) == ("Replaced" if what == "replace" else "Changed")
    else:
        assert after.updated_at == before.updated_at  # a refusal changes nothing


def test_a_refusal_by_the_entrys_rule_says_why(client, network, project, partner, member):
    entry = logged(network, partner, "submitted", project=project)
    sign_in(client, partner, "token")
    response = client.patch(f"{base(network)}{entry.pk}/", {"title": "Changed"}, content_type=JSON)
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the organisation that logged an entry changes it, while it is a draft or returned."
    }


@pytest.mark.parametrize("client_kind", ["session", "token"])
def test_a_private_networks_entries_are_404_to_outsiders(client, client_kind):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    member = person_in(private, Role.MEMBER)
    entry = logged(private, member, "approved")
    for user in (None, AffiliationFactory().user, person_in(NetworkFactory(), Role.COORDINATOR)):
        client.defaults.pop("HTTP_AUTHORIZATION", None)
        client.logout()
        sign_in(client, user, client_kind)
        for path in ("", f"{entry.pk}/"):
            assert client.get(base(private) + path).status_code == 404
        assert client.post(f"{base(private)}{entry.pk}/submit/").status_code == 404
        assert client.post(base(private), body(), content_type=JSON).status_code == 404
    assert current(entry).status == "approved"
    sign_in(client, member, client_kind)
    assert [e["id"] for e in client.get(base(private)).json()["results"]] == [entry.pk]


# --- the list --------------------------------------------------------------------------------------------


def test_the_list_shows_what_the_list_page_shows_and_filters_the_same(client, network, project, partner, member):
    activity = ActivityFactory(project=project, component__project=project, position=4)
    mine = logged(network, partner, project=project, activity=activity.pk)
    workshop = logged(network, partner, kind="workshop", start_date=date(2025, 5, 2), end_date=date(2025, 5, 2))
    approved = logged(network, member, "approved", title="Study of graduates", kind="study_or_survey")
    hidden = logged(network, member, "draft", title="Another organisation's draft")
    sign_in(client, partner, "token")

    def ids(query=""):
        response = client.get(base(network) + query)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert set(ids()) == {mine.pk, workshop.pk, approved.pk} and hidden.pk not in ids()
    assert ids("?kind=workshop") == [workshop.pk]
    assert ids("?project=vet4f") == [mine.pk]
    assert ids(f"?project=vet4f&activity={activity.pk}") == [mine.pk]
    assert ids("?from=2025-04-01") == [workshop.pk]
    assert ids("?to=2025-04-01&status=approved") == [approved.pk]
    assert ids("?q=graduates") == [approved.pk]
    assert ids(f"?organisation={org(member).pk}") == [approved.pk]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("?kind=dance", "kind", "Select a valid choice. dance is not one of the available choices."),
        ("?from=yesterday", "from", "Enter a valid date."),
        ("?from=2025-05-01&to=2025-04-01", "to", "The end of the period comes before its start."),
        ("?project=no-such-project", "project",
         "Select a valid choice. That choice is not one of the available choices."),
        ("?status=deleted", "status", "Select a valid choice. deleted is not one of the available choices."),
        ("?q=%00", "q", "Null characters are not allowed."),
    ],
)  # fmt: skip
def test_a_bad_filter_is_a_400_with_the_fields_message(client, network, partner, query, field, message):
    sign_in(client, partner, "token")
    response = client.get(base(network) + query)
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_an_entry_shows_every_language_of_its_texts_with_their_provenance(client, network, partner):
    entry = logged(network, partner, language="az", title={"az": "Karyera məsləhətçilərinin təlimi",
                   "en": {"text": "Training of career counsellors", "source": "machine"}})  # fmt: skip
    sign_in(client, partner, "session")
    row = client.get(f"{base(network)}{entry.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert row["title"] == "Training of career counsellors"
    assert row["title_translations"] == {
        "az": {"text": "Karyera məsləhətçilərinin təlimi", "source": "original"},
        "en": {"text": "Training of career counsellors", "source": "machine"},
    }
    assert row["language"] == "az" and row["organisation"]["id"] == org(partner).pk


@pytest.mark.parametrize("client_kind", ["session", "token"])
def test_the_list_takes_the_same_number_of_queries_for_5_and_25_entries(client, client_kind, network, partner):
    sign_in(client, partner, client_kind)
    counts = []
    for size in (5, 25):
        while current_count(network) < size:
            logged(network, partner, partners=[org(partner).pk])
        client.get(base(network))  # warm the caches (content types, the session)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(base(network))
        assert response.json()["count"] == size
        counts.append(len(queries))
    print(f"\nAPI activity list ({client_kind}): {counts[0]} queries for 5 entries, {counts[1]} for 25")
    assert counts[0] == counts[1], counts
    assert counts[0] <= 12, counts


def current_count(network):
    with scopes_disabled():
        return ActivityEntry.objects.filter(network=network).count()


# --- writing -------------------------------------------------------------------------------------------


def test_logging_and_editing_through_the_api_goes_through_the_services(client, network, project, partner):
    activity = ActivityFactory(project=project, component__project=project, position=2)
    sign_in(client, partner, "token")
    response = client.post(base(network), body(project="vet4f", activity=activity.pk, women=12, men=8,
                                               links=["https://example.org/report"]), content_type=JSON)  # fmt: skip
    assert response.status_code == 201, response.content
    row = response.json()
    expected = ("vet4f", activity.pk, activity.code, "draft")
    assert (row["project"], row["activity"], row["activity_code"], row["status"]) == expected
    assert row["organisation"]["id"] == org(partner).pk and row["links"] == ["https://example.org/report"]

    url = f"{base(network)}{row['id']}/"
    assert client.patch(url, {"participants_total": 25}, content_type=JSON).json()["participants_total"] == 25
    assert client.post(url + "submit/").json()["status"] == "submitted"
    with scope(network=network):
        from portal.models import AuditEntry

        actions = list(AuditEntry.objects.filter(object_id=row["id"], action__startswith="entry.")
                       .order_by("pk").values_list("action", flat=True))  # fmt: skip
    assert actions == ["entry.created", "entry.updated", "entry.submitted"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"end_date": "2025-03-01"}, {"end_date": ["The activity cannot end before it starts (2025-03-03)."]}),
        ({"women": 15, "men": 6}, {"women": ["The participants by sex add up to 21, more than the total of 20."]}),
        ({"start_date": "soon"},
         {"start_date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]}),
        ({"participants_total": -1}, {"participants_total": ["Ensure this value is greater than or equal to 0."]}),
        ({"title": ["a", "list"]}, {"title": ["A text, or an object of language codes and texts."]}),
        ({"title": "   "}, {"title": ["Give the text in English, the original language."]}),
        ({"project": "someone-elses"}, {"project": ["Choose one of this network's projects."]}),
        ({"activity": 10**12}, {"activity": ["Choose the project first: a planned activity belongs to one project."]}),
    ],
)  # fmt: skip
def test_bad_input_is_a_400_with_the_fields_message_and_nothing_saved(client, network, partner, changes, expected):
    sign_in(client, partner, "token")
    response = client.post(base(network), body(**changes), content_type=JSON)
    assert response.status_code == 400
    assert response.json() == expected
    assert current_count(network) == 0


def test_another_networks_project_activity_and_entry_cannot_be_named(client, network, project, partner):
    with scopes_disabled():
        elsewhere = NetworkFactory()
        foreign_project = ProjectFactory(network=elsewhere, slug="foreign")
        foreign_activity = ActivityFactory(project=foreign_project, component__project=foreign_project)
    foreign_entry = logged(elsewhere, person_in(elsewhere, Role.MEMBER))
    sign_in(client, partner, "token")

    assert client.post(base(network), body(project="foreign"), content_type=JSON).json() == {
        "project": ["Choose one of this network's projects."]
    }
    response = client.post(base(network), body(project="vet4f", activity=foreign_activity.pk), content_type=JSON)
    assert response.json() == {"activity": ["Choose a planned activity of the chosen project."]}
    for method, path in (("get", ""), ("patch", ""), ("post", "submit/"), ("post", "withdraw/")):
        response = getattr(client, method)(f"{base(network)}{foreign_entry.pk}/{path}", {}, content_type=JSON)
        assert response.status_code == 404, (method, path)
    assert current_count(network) == 0 and current(foreign_entry).updated_at == foreign_entry.updated_at


def test_the_organisation_is_one_of_the_callers(client, network, partner, coordinator):
    AffiliationFactory(user=partner)  # a second organisation: the caller must say which
    sign_in(client, partner, "token")
    message = {"organisation": ["Log in the name of an organisation you work for."]}
    assert client.post(base(network), body(), content_type=JSON).json() == message
    assert client.post(base(network), body(organisation=org(coordinator).pk), content_type=JSON).json() == message
    response = client.post(base(network), body(organisation=partner.affiliations.first().organisation.pk),
                           content_type=JSON)  # fmt: skip
    assert response.status_code == 201


# --- the workflow ------------------------------------------------------------------------------------------


def test_approving_needs_the_version_the_reviewer_saw(client, network, partner, coordinator):
    entry = logged(network, partner, "submitted")
    sign_in(client, coordinator, "token")
    url = f"{base(network)}{entry.pk}/approve/"
    seen = client.get(f"{base(network)}{entry.pk}/").json()["updated_at"]

    assert client.post(url, {}, content_type=JSON).json() == {"updated_at": ["This field is required."]}
    # The organisation withdraws and resubmits meanwhile: the copy the reviewer read is stale.
    partner_client = sign_in(type(client)(), partner, "token")
    assert partner_client.post(f"{base(network)}{entry.pk}/withdraw/").status_code == 200
    assert partner_client.post(f"{base(network)}{entry.pk}/submit/").status_code == 200
    stale = client.post(url, {"updated_at": seen}, content_type=JSON)
    assert stale.status_code == 400
    assert stale.json() == {
        "non_field_errors": ["This entry changed since you opened it (it is now “Submitted”). Look at it again first."]
    }
    assert current(entry).status == "submitted"

    fresh = client.get(f"{base(network)}{entry.pk}/").json()["updated_at"]
    assert client.post(url, {"updated_at": fresh}, content_type=JSON).json()["status"] == "approved"


def test_returning_needs_a_reason_which_the_organisation_then_reads(client, network, partner, coordinator):
    entry = logged(network, partner, "submitted")
    sign_in(client, coordinator, "session")
    url = f"{base(network)}{entry.pk}/return/"
    version = {"updated_at": client.get(f"{base(network)}{entry.pk}/").json()["updated_at"]}

    assert client.post(url, {**version, "reason": ""}, content_type=JSON).json() == {
        "reason": ["This field may not be blank."]
    }
    assert client.post(url, {**version, "reason": "   "}, content_type=JSON).status_code == 400
    assert current(entry).status == "submitted"
    assert client.post(url, {**version, "reason": "Add the participants list"}, content_type=JSON).status_code == 200

    partner_client = sign_in(type(client)(), partner, "token")
    row = partner_client.get(f"{base(network)}{entry.pk}/").json()
    assert (row["status"], row["returned_reason"]) == ("returned", "Add the participants list")


def test_an_entry_in_a_locked_period_is_refused_with_the_lock_named(client, network, partner, coordinator):
    entry = logged(network, partner)
    with scope(network=network):
        period_lock(network=network, start=date(2025, 1, 1), end=date(2025, 3, 31), note="", acting_user=coordinator)
    sign_in(client, partner, "token")
    response = client.patch(f"{base(network)}{entry.pk}/", {"title": "Changed"}, content_type=JSON)
    assert response.status_code == 400
    (message,) = response.json()["non_field_errors"]
    assert message.startswith("The reporting period 1 January 2025 – 31 March 2025 is locked for the whole network")
    response = client.post(base(network), body(), content_type=JSON)
    assert response.status_code == 400 and list(response.json()) == ["start_date"]
