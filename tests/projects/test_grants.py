"""A funder's people read the projects it funds (projects/grants.py): the django-guardian grant follows the
project's funder partners and funding chain, the people who join or leave the funding organisation, and the
organisation merge; each grant and revocation is in the audit log; the next request after a removal is 404."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from guardian.models import UserObjectPermission
from guardian.shortcuts import get_perms

from members.models import Affiliation
from network.models import Network, Role
from portal import permissions, tenancy
from portal.models import AuditEntry
from projects import grants
from projects.models import FundingLink, ProjectPartner
from projects.permissions import visible_projects
from projects.services.items import project_item_add, project_item_remove, project_item_update
from tests.factories import (
    AffiliationFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db


def _fresh(user):
    """The same person as the next request loads them (nothing memoised)."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def private_project(network):
    return ProjectFactory(network=network, slug="closed", visibility="private", acronym="CLOSED")


@pytest.fixture
def eu():
    return OrganisationFactory(name="European Union", acronym="EU", kind="donor")


@pytest.fixture
def donor(eu):
    return AffiliationFactory(organisation=eu, user__email="officer@eu.example", user__full_name="EU Officer").user


def _add_funder(project, organisation, coordinator, role="funder"):
    with scope(network=project.network):
        return project_item_add(
            project=project, kind="partner", data={"organisation": organisation, "role": role}, acting_user=coordinator
        )


def _add_link(project, name, coordinator, kind="funder"):
    with scope(network=project.network):
        return project_item_add(
            project=project, kind="funding", data={"kind": kind, "name": name}, acting_user=coordinator
        )


def _sees(user, project):
    with scope(network=project.network):
        return permissions.check("view_project", _fresh(user), project)


def _audit(project, action):
    with scopes_disabled():
        rows = AuditEntry.objects.filter(network=project.network, action=action, object_id=project.pk)
        return [{**row.before, **row.after} for row in rows.order_by("pk")]


def _detail(project):
    return reverse("projects:detail", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})


def test_a_funder_partner_gives_its_people_an_object_grant_and_the_log_says_so(
    network, coordinator, private_project, eu, donor
):
    colleague = AffiliationFactory(organisation=eu, is_admin=False).user
    stranger = AffiliationFactory(organisation__kind="donor").user
    assert not _sees(donor, private_project)

    _add_funder(private_project, eu, coordinator)

    assert get_perms(donor, private_project) == ["view_project"]
    assert get_perms(colleague, private_project) == ["view_project"]
    assert get_perms(stranger, private_project) == []
    assert _sees(donor, private_project) and _sees(colleague, private_project)
    assert not _sees(stranger, private_project)
    # Object grants only: no global permission, nothing to edit.
    assert not donor.user_permissions.exists() and not _fresh(donor).has_perm("projects.view_project")
    assert not permissions.check("edit_project", _fresh(donor), private_project)
    assert sorted(row["person"] for row in _audit(private_project, "project.access_granted")) == sorted(
        [donor.email, colleague.email]
    )
    assert {row["funder"] for row in _audit(private_project, "project.access_granted")} == {"European Union"}


def test_another_role_gives_no_grant(network, coordinator, private_project, eu, donor):
    _add_funder(private_project, eu, coordinator, role="partner")
    assert get_perms(donor, private_project) == []
    assert _audit(private_project, "project.access_granted") == []


def test_removing_the_funder_answers_404_on_the_next_request(client, network, coordinator, private_project, eu, donor):
    partner = _add_funder(private_project, eu, coordinator)
    client.force_login(donor)
    assert client.get(_detail(private_project)).status_code == 200

    with scope(network=network):
        project_item_remove(item=partner, acting_user=coordinator)

    assert client.get(_detail(private_project)).status_code == 404
    assert get_perms(donor, private_project) == []
    assert _audit(private_project, "project.access_revoked") == [{"person": donor.email}]
    with scope(network=network):
        assert private_project not in visible_projects(_fresh(donor), network)


def test_a_changed_role_takes_the_grant_back_and_gives_it_again(network, coordinator, private_project, eu, donor):
    partner = _add_funder(private_project, eu, coordinator)
    with scope(network=network):
        project_item_update(item=partner, data={"role": "partner"}, acting_user=coordinator)
    assert not _sees(donor, private_project)
    with scope(network=network):
        project_item_update(item=ProjectPartner.objects.get(pk=partner.pk), data={"role": "funder"},
                            acting_user=coordinator)  # fmt: skip
    assert _sees(donor, private_project)
    assert [row["person"] for row in _audit(private_project, "project.access_revoked")] == [donor.email]
    assert len(_audit(private_project, "project.access_granted")) == 2


@pytest.mark.parametrize(("kind", "grants_access"), [
    ("funder", True), ("programme", True), ("intermediary", True), ("implementer", False),
])  # fmt: skip
def test_a_funding_chain_step_with_the_organisation_grants_unless_it_implements(
    network, coordinator, private_project, eu, donor, kind, grants_access
):
    # The chain names the organisation in words; the service links it when the network knows that name.
    _add_funder(ProjectFactory(network=network), eu, coordinator)  # so the network knows the EU
    link = _add_link(private_project, "European Union", coordinator, kind=kind)
    assert link.organisation_id == eu.pk
    assert _sees(donor, private_project) is grants_access


def test_a_person_covered_by_another_funding_row_keeps_the_grant(network, coordinator, private_project, eu, donor):
    """The EU is both a funder partner and the chain's origin; removing the partner row leaves the link."""
    partner = _add_funder(private_project, eu, coordinator)
    with scopes_disabled():
        FundingLink.objects.create(network=network, project=private_project, kind="funder", name="EU", organisation=eu)
    with scope(network=network):
        project_item_remove(item=partner, acting_user=coordinator)
    assert _sees(donor, private_project)
    assert _audit(private_project, "project.access_revoked") == []


def test_people_who_join_or_leave_the_funder_later(network, coordinator, private_project, eu):
    _add_funder(private_project, eu, coordinator)
    newcomer = UserFactory()
    assert not _sees(newcomer, private_project)

    joined = Affiliation.objects.create(user=newcomer, organisation=eu)
    assert _sees(newcomer, private_project)
    joined.delete()

    assert not _sees(newcomer, private_project)
    assert [row["person"] for row in _audit(private_project, "project.access_granted")][-1] == newcomer.email
    assert _audit(private_project, "project.access_revoked") == [{"person": newcomer.email}]


def test_leaving_one_funder_keeps_what_another_funds(network, coordinator, private_project, eu, donor):
    undp = OrganisationFactory(name="UNDP", kind="donor")
    Affiliation.objects.create(user=donor, organisation=undp)
    other = ProjectFactory(network=network, visibility="private")
    _add_funder(private_project, eu, coordinator)
    _add_funder(private_project, undp, coordinator)
    _add_funder(other, eu, coordinator)

    Affiliation.objects.get(user=donor, organisation=eu).delete()

    assert _sees(donor, private_project)  # UNDP funds it too
    assert not _sees(donor, other)


def test_a_deleted_person_takes_their_grants_with_them(network, coordinator, private_project, eu, donor):
    _add_funder(private_project, eu, coordinator)
    donor.delete()
    assert not UserObjectPermission.objects.filter(object_pk=str(private_project.pk)).exists()
    assert _audit(private_project, "project.access_revoked") == []  # nobody's access was taken: they are gone


def test_a_deleted_project_takes_its_grants_with_it(network, coordinator, private_project, eu, donor):
    _add_funder(private_project, eu, coordinator)
    with scopes_disabled():
        private_project.delete()
    assert not UserObjectPermission.objects.filter(user=donor).exists()


def test_a_typed_in_funder_merged_into_the_real_one_gives_its_people_the_grant(
    network, coordinator, private_project, eu, donor
):
    """A coordinator typed the donor in as a record of the network's own (nobody works for it); once the
    donor's real record is merged in, its people read the project. The merge's updates send no signal:
    projects.services.organisations.organisation_merged tells projects.grants."""
    from projects.services.organisations import organisation_merge

    typed_in = OrganisationFactory(name="EU Delegation", kind="donor", created_in_network_id=network.pk)
    _add_funder(private_project, typed_in, coordinator)
    assert not _sees(donor, private_project)

    staff = UserFactory(is_staff=True)
    organisation_merge(record=typed_in, into=eu, acting_user=staff)

    assert _sees(donor, private_project)
    assert _audit(private_project, "project.access_granted")[-1] == {"person": donor.email, "funder": "European Union"}


def test_sync_changes_nothing_when_nothing_changed(network, coordinator, private_project, eu, donor):
    _add_funder(private_project, eu, coordinator)
    with scopes_disabled():
        count = AuditEntry.objects.filter(network=network).count()
    assert grants.sync_project(private_project) == (set(), set())
    assert grants.sync_person(donor.pk) == (set(), set())
    with scopes_disabled():
        assert AuditEntry.objects.filter(network=network).count() == count


# --- the doors: a funder's people are seldom members of the project's network -------------------------------


@pytest.fixture
def hidden():
    """A private network with a private project and a public one, funded by nobody yet."""
    network = NetworkFactory(name="Hidden Alliance", slug="hidden", visibility=Network.Visibility.PRIVATE)
    coordinator = person_in(network, Role.COORDINATOR)
    return network, coordinator


def _approved_entry(project):
    """An approved entry of planned activity 1.1: the page then links to the log's entries."""
    from tests.factories import ActivityEntryFactory, ActivityFactory, ComponentFactory

    with scopes_disabled():
        activity = ActivityFactory(component=ComponentFactory(project=project, position=1), position=1)
        ActivityEntryFactory(network=project.network, project=project, activity=activity, status="approved")


def test_the_project_page_and_the_dashboard_are_doors():
    assert tenancy.is_door("projects:detail")
    assert tenancy.is_door("projects:dashboard")


def test_a_donor_opens_the_funded_project_of_a_private_network_and_nothing_else(client, hidden, eu, donor):
    network, coordinator = hidden
    funded = ProjectFactory(network=network, visibility="private", title="Funded here", slug="funded")
    unfunded = ProjectFactory(network=network, visibility="public", slug="unfunded")
    another_donors = ProjectFactory(network=network, visibility="private", slug="other-donor")
    _add_funder(funded, eu, coordinator)
    _add_funder(another_donors, OrganisationFactory(kind="donor"), coordinator)
    _approved_entry(funded)
    client.force_login(donor)

    response = client.get(_detail(funded))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Funded here" in html
    # Let in through the door only: the network is named, never linked (its pages answer them 404).
    assert response.wsgi_request.network_entered is False
    for name in ("network:detail", "projects:list", "projects:entries"):
        assert f'href="{reverse(name, kwargs={"network_slug": network.slug})}"' not in html
    assert client.get(_detail(unfunded)).status_code == 404
    assert client.get(_detail(another_donors)).status_code == 404  # another donor's project
    for name in ("network:detail", "projects:list"):
        assert client.get(reverse(name, kwargs={"network_slug": network.slug})).status_code == 404
    edit = reverse("projects:edit", kwargs={"network_slug": network.slug, "project_slug": funded.slug})
    assert client.get(edit).status_code == 404  # no door: the network is closed to them there


def test_a_logged_out_visitor_at_the_door_gets_404_not_the_login_page(client, hidden, eu):
    network, coordinator = hidden
    funded = ProjectFactory(network=network, visibility="private")
    _add_funder(funded, eu, coordinator)
    assert client.get(_detail(funded)).status_code == 404
    assert client.get(_detail(funded).replace(funded.slug, "no-such-project")).status_code == 404


def test_a_member_of_the_private_network_still_sees_the_links(client, hidden):
    network, coordinator = hidden
    project = ProjectFactory(network=network, visibility="private")
    _approved_entry(project)
    client.force_login(coordinator)
    response = client.get(_detail(project))
    assert response.status_code == 200
    assert response.wsgi_request.network_entered is True
    for name in ("network:detail", "projects:list", "projects:entries"):
        assert f'href="{reverse(name, kwargs={"network_slug": network.slug})}' in response.content.decode()


# --- the API: a donor calling with a token gets what the pages give them ---------------------------------------


def _entry_ids(response):
    assert response.status_code == 200, response.content[:200]
    return {row["id"] for row in response.json()["results"]}


def test_a_donor_calling_the_api_sees_the_approved_entries_of_the_funded_project_only(
    client, client_kind, network, coordinator, private_project, eu, donor
):
    from tests.clients import sign_in
    from tests.factories import ActivityEntryFactory

    other_private = ProjectFactory(network=network, visibility="private")
    public = ProjectFactory(network=network)
    with scopes_disabled():
        funded = ActivityEntryFactory(network=network, project=private_project, status="approved")
        draft = ActivityEntryFactory(network=network, project=private_project, status="draft")
        hidden = ActivityEntryFactory(network=network, project=other_private, status="approved")
        open_ = ActivityEntryFactory(network=network, project=public, status="approved")
    _add_funder(private_project, eu, coordinator)
    sign_in(client, donor, client_kind)
    path = f"/api/v1/networks/{network.slug}/activities/"

    assert _entry_ids(client.get(path)) == {funded.pk, open_.pk}
    assert client.get(f"{path}{funded.pk}/").status_code == 200
    for entry in (draft, hidden):
        assert client.get(f"{path}{entry.pk}/").status_code == 404
    # The funder removed: the next call no longer lists it.
    with scope(network=network):
        project_item_remove(item=ProjectPartner.objects.get(project=private_project, role="funder"),
                            acting_user=coordinator)  # fmt: skip
    assert _entry_ids(client.get(path)) == {open_.pk}
    assert client.get(f"{path}{funded.pk}/").status_code == 404


def test_the_api_of_a_private_network_stays_closed_to_its_donors(client, client_kind, hidden, eu, donor):
    """The doors are pages (the project page, the dashboard): the API of a network they may not enter answers
    404, as it does for anyone outside it."""
    from tests.clients import sign_in

    network, coordinator = hidden
    _add_funder(ProjectFactory(network=network, visibility="private"), eu, coordinator)
    sign_in(client, donor, client_kind)
    assert client.get(f"/api/v1/networks/{network.slug}/activities/").status_code == 404


# --- the outputs of a funded project (advocacy/permissions.py) -------------------------------------------------


@pytest.mark.parametrize(("status", "visibility", "readable"), [
    ("published", "restricted", True), ("published", "public", True), ("published", "members", False),
    ("in_review", "restricted", False), ("draft", "restricted", False),
])  # fmt: skip
def test_a_donor_reads_the_funded_projects_published_outputs(hidden, eu, donor, status, visibility, readable):
    from advocacy.permissions import visible_outputs
    from tests.factories import AdvocacyOutputFactory

    network, coordinator = hidden
    funded = ProjectFactory(network=network, visibility="private")
    _add_funder(funded, eu, coordinator)
    with scopes_disabled():
        state = {"published": True} if status == "published" else {"status": status}
        output = AdvocacyOutputFactory(network=network, project=funded, visibility=visibility, **state)
        elsewhere = AdvocacyOutputFactory(network=network, project=ProjectFactory(network=network), published=True,
                                          visibility="restricted")  # fmt: skip
    with scope(network=network):
        assert permissions.check("view_output", _fresh(donor), output) is readable
        assert not permissions.check("view_output", _fresh(donor), elsewhere)
        assert set(visible_outputs(_fresh(donor), network)) == ({output} if readable else set())


# --- kept pages (portal.pagecache): real commits, as in tests/portal/test_pagecache.py ---------------------------


@pytest.mark.django_db(transaction=True)
def test_a_kept_page_is_not_served_after_the_grant_is_taken_back(settings, eu, donor):
    """The list of a public network's projects is kept per person, and shows the donor the private project its
    organisation funds; once the funder is removed (committed), neither the kept list nor the project page is
    served to them again."""
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 600
    network = NetworkFactory(slug="kept")
    coordinator = person_in(network, Role.COORDINATOR)
    funded = ProjectFactory(network=network, visibility="private", title="Kept private project")
    partner = _add_funder(funded, eu, coordinator)
    browser = Client()
    browser.force_login(donor)
    listing = reverse("projects:list", kwargs={"network_slug": network.slug})
    for expected in ("miss", "hit"):
        for path in (listing, _detail(funded)):
            response = browser.get(path)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == expected
            assert "Kept private project" in response.content.decode()

    with scope(network=network):
        project_item_remove(item=partner, acting_user=coordinator)

    response = browser.get(listing)
    assert response["X-Page-Cache"] == "miss"
    assert "Kept private project" not in response.content.decode()
    assert browser.get(_detail(funded)).status_code == 404
