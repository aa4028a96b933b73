"""The audit log page in the workspace: who may read it, what a row shows, the filters, the pages, and a
query count that does not grow with the rows."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from network.models import Membership, Network, Role
from network.services.agreements import agreement_create, agreement_delete
from network.services.memberships import membership_approve
from portal import audit
from tests.factories import MembershipFactory, NetworkFactory, UserFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Career Guidance Network", slug="cgn")


@pytest.fixture
def coordinator(network):
    user = person_in(network, Role.COORDINATOR, name="Lead NGO", acronym="")
    user.full_name = "Ana Lead"
    user.save()
    return user


def url(network, **query):
    path = reverse("network:audit_log", kwargs={"network_slug": network.slug})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def approve_one(network, coordinator, name):
    with scopes_disabled():
        request = MembershipFactory(
            network=network, organisation__name=name, organisation__acronym="", status=Membership.Status.REQUESTED
        )
    with scope(network=network):
        return membership_approve(membership=request, acting_user=coordinator, role=Role.OBSERVER)


def note(network, n, action="network.updated"):
    """n entries written as a service would write them (cheaper than n real changes)."""
    with scope(network=network), transaction.atomic():
        for i in range(n):
            audit.record(
                network=network, acting_user=None, actor_label="system: test", action=action, obj=network,
                before={"description": f"old {i}"}, after={"description": f"new {i}"},
            )  # fmt: skip


def test_a_coordinator_reads_who_did_what_to_which_object_and_what_it_was_before(client, network, coordinator):
    approve_one(network, coordinator, "Gyumri College")
    client.force_login(coordinator)

    response = client.get(url(network))

    assert response.status_code == 200
    body = response.content.decode()
    [row] = response.context["rows"]
    assert (row["who"], row["action"], row["entry"].object_repr) == (
        "Ana Lead",
        "Membership approved",
        "Gyumri College",
    )
    assert ("status", "Requested", "Active") in row["fields"]  # choice labels, not the stored values
    assert ("role", "Member", "Observer") in row["fields"]
    assert f'href="{reverse("network:manage_members", kwargs={"network_slug": "cgn"})}">Gyumri College</a>' in body
    assert "<del>Requested</del> → <ins>Active</ins>" in body
    assert (
        reverse("network:audit_log", kwargs={"network_slug": "cgn"})
        in client.get("/networks/cgn/workspace/").content.decode()
    )


def test_a_job_shows_as_its_label_and_a_deleted_object_is_not_linked(client, network, coordinator):
    member = person_in(network, Role.MEMBER, name="Member School", acronym="")
    parties = [{"organisation": o, "role": ""} for o in (coordinator.affiliations.get().organisation,
                                                        member.affiliations.get().organisation)]  # fmt: skip
    with scope(network=network):
        kept = agreement_create(
            network=network, data={"title": "Kept pact", "signed_on": datetime.date(2024, 1, 1)}, parties=parties,
            acting_user=coordinator,
        )  # fmt: skip
        gone = agreement_create(
            network=network, data={"title": "Gone pact", "signed_on": datetime.date(2024, 1, 1)}, parties=parties,
            acting_user=coordinator,
        )  # fmt: skip
        agreement_delete(agreement=gone, acting_user=coordinator)
    note(network, 1)
    client.force_login(coordinator)

    rows = client.get(url(network)).context["rows"]

    assert rows[0]["who"] == "system: test"
    links = {row["entry"].object_repr: row["link"] for row in rows if row["entry"].action == "agreement.created"}
    assert links == {"Kept pact": f"/networks/cgn/agreements/{kept.pk}/", "Gone pact": None}


def test_members_may_not_read_the_log_and_do_not_see_the_link(client, network, coordinator):
    client.force_login(person_in(network, Role.MEMBER))
    assert client.get(url(network)).status_code == 403
    assert "workspace/log/" not in client.get("/networks/cgn/workspace/").content.decode()


def test_staff_may_read_the_log(client, network, coordinator):
    approve_one(network, coordinator, "Gyumri College")
    client.force_login(UserFactory(is_staff=True))
    assert len(client.get(url(network)).context["rows"]) == 1


def test_another_networks_coordinator_gets_404_for_a_private_network_and_sees_none_of_its_rows(client, coordinator):
    private = NetworkFactory(slug="hidden", visibility=Network.Visibility.PRIVATE)
    approve_one(private, person_in(private, Role.COORDINATOR), "Hidden School")
    other = NetworkFactory(slug="other")
    client.force_login(person_in(other, Role.COORDINATOR))

    assert client.get(url(private)).status_code == 404
    assert client.get(url(other)).context["rows"] == []


def test_filters_by_action_kind_of_object_and_words_of_the_object(client, network, coordinator):
    approve_one(network, coordinator, "Gyumri College")
    approve_one(network, coordinator, "Vanadzor School")
    note(network, 2)
    client.force_login(coordinator)
    membership_type = client.get(url(network)).context["form"].fields["type"].choices[1:]
    by_label = {label: pk for pk, label in membership_type}

    def shown(**query):
        return [row["entry"].object_repr for row in client.get(url(network, **query)).context["rows"]]

    assert len(shown()) == 4
    assert shown(action="membership.approved") == ["Vanadzor School", "Gyumri College"]
    assert shown(type=by_label["Network"]) == ["Career Guidance Network"] * 2
    assert shown(type=by_label["Membership"], q="gyumri") == ["Gyumri College"]
    assert shown(q="nothing like it") == []
    # The action choices are the actions present, with their labels.
    choices = client.get(url(network)).context["form"].fields["action"].choices
    assert choices == [("", "All actions"), ("membership.approved", "Membership approved"),
                       ("network.updated", "Profile updated")]  # fmt: skip
    # A stale or forged filter shows the whole log with a note, never a 500.
    response = client.get(url(network, action="membership.eaten", type="abc"))
    assert len(response.context["rows"]) == 4
    assert "no longer available" in response.content.decode()


def test_the_log_is_paged_by_50_and_the_pages_keep_the_filter(client, network, coordinator):
    note(network, 60)
    approve_one(network, coordinator, "Gyumri College")
    client.force_login(coordinator)

    first = client.get(url(network, action="network.updated"))
    second = client.get(url(network, action="network.updated", page=2))

    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == 10
    assert 'href="?action=network.updated&amp;page=2"' in first.content.decode()


@pytest.mark.parametrize("rows", [5, 50])
def test_the_page_costs_the_same_queries_for_5_and_50_rows(
    client, network, coordinator, rows, django_assert_num_queries
):
    """session, user, network, the reader's role, actions present, kinds present, count, the rows, the
    one existence check of the linkable memberships shown (whatever their number), and the count of join
    requests waiting on the coordinators' "Manage members" tab (issue 8)."""
    for i in range(rows // 5):
        approve_one(network, coordinator, f"College {i}")
    note(network, rows - rows // 5)
    client.force_login(coordinator)
    client.get(url(network))  # warm the content type cache, as any running server has it

    with django_assert_num_queries(11):
        response = client.get(url(network))

    assert len(response.context["rows"]) == rows


def test_the_filters_offer_exactly_the_actions_and_kinds_of_this_networks_log(network, coordinator):
    """portal.audit reads them one value at a time from an index (a recursive query): every value once, none
    of another network's, nothing for an empty log."""
    empty = NetworkFactory(slug="empty")
    other = NetworkFactory(slug="other")
    assert (audit.actions_present(empty), audit.types_present(empty)) == ([], [])
    note(other, 2, action="network.created")
    note(network, 3, action="network.updated")
    approve_one(network, coordinator, "Gyumri College")
    note(network, 2, action="network.updated")
    member = person_in(network, Role.MEMBER, name="Member School", acronym="")
    parties = [{"organisation": person.affiliations.get().organisation, "role": ""} for person in (coordinator, member)]
    with scope(network=network):
        pact = agreement_create(network=network, data={"title": "Pact", "signed_on": datetime.date(2024, 1, 1)},
                                parties=parties, acting_user=coordinator)  # fmt: skip
        agreement_delete(agreement=pact, acting_user=coordinator)
    assert audit.actions_present(network) == [
        ("agreement.deleted", "Agreement deleted"),
        ("agreement.created", "Agreement recorded"),
        ("membership.approved", "Membership approved"),
        ("network.updated", "Profile updated"),
    ]
    assert [label for _pk, label in audit.types_present(network)] == ["Membership", "Network", "Partnership agreement"]
    assert [action for action, _label in audit.actions_present(other)] == ["network.created"]
