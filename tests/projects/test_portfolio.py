"""The donor portfolio (/portfolio/, projects/portfolio.py, projects/views/portfolio.py): a donor's people see
every project their organisations fund, in every network, with hand-counted progress and reach, filters,
budgets summed per currency, pages; a fixed number of queries; a fresh page after every kind of change."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from members.models import Organisation
from network.models import Network, Role
from projects.models import ActivityEntry, FundingLink, PartnerRole, Project, ProjectPartner
from projects.services.entries import entry_approve
from projects.services.items import project_item_add, project_item_remove
from projects.services.progress import activity_mark_done
from projects.services.projects import project_update
from projects.views.portfolio import PROJECTS_PER_PAGE
from tests.factories import (
    ActivityEntryFactory,
    ActivityFactory,
    AffiliationFactory,
    ComponentFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    person_in,
)
from tests.pages import page_queries, text

# The portfolio links each title to the project dashboard, built on another branch (see the module).
pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.projects.urls_portfolio")]

URL = "/portfolio/"


def _link(project, organisation, kind):
    with scopes_disabled():
        return FundingLink.objects.create(
            network=project.network, project=project, kind=kind, name=organisation.name, organisation=organisation
        )


@pytest.fixture
def world(db):
    return build_world()


def build_world():
    """Three networks; the EU funds A1 and A3 in network A (as a partner with the funder role), and B1 in
    private network B (a programme link of its funding chain). Not the EU's: A2 (another donor's), B2 (the
    EU is only named as its implementer), C1 in network C.

    A1 (EUR 100,000.00, AM, Erasmus+, active): planned activities 1.1, 1.2 (done), 2.1, 2.2: 1 of 4 done.
      Counted entries: 1.1 on 2025-03-01, 12 participants, by X with partner Z; 1.2 on 2025-06-10, 8, by Y
      ("Summer school"). Not counted: a submitted one (100, by W), a deleted approved one (50, by W), a draft.
      So 20 participants, 3 organisations (X, Y, Z), latest approved "Summer school" of 10 June 2025.
    A3 (EUR 20,000.50, AM, Erasmus+, closed), B1 (USD 50,000.00, XK, IPA II, planned), and A4 (no budget,
    AZ, Erasmus+, active) funded by the EU as a second funder partner.
    """
    eu = OrganisationFactory(name="European Union", acronym="EU", kind=Organisation.Kind.DONOR)
    donor = AffiliationFactory(organisation=eu, is_admin=False).user
    other_donor = OrganisationFactory(name="Other Foundation", kind=Organisation.Kind.FOUNDATION)
    a = NetworkFactory(name="Alpha Network", slug="alpha")
    b = NetworkFactory(name="Beta Network", slug="beta", visibility=Network.Visibility.PRIVATE)
    c = NetworkFactory(name="Gamma Network", slug="gamma")
    coordinator = person_in(a, Role.COORDINATOR)
    coordinator_c = person_in(c, Role.COORDINATOR)
    facts = {"programme": "Erasmus+", "countries": ["AM"]}
    a1 = ProjectFactory(network=a, title="Careers for All", acronym="C4A", status="active",
                        budget_amount=Decimal("100000.00"), budget_currency="EUR", **facts)  # fmt: skip
    a2 = ProjectFactory(network=a, title="Not the EU's", acronym="NEU")
    a3 = ProjectFactory(network=a, title="Closed school pilot", acronym="CSP", status="closed",
                        budget_amount=Decimal("20000.50"), budget_currency="EUR", **facts)  # fmt: skip
    a4 = ProjectFactory(network=a, title="No budget yet", acronym="NBY", status="active", budget_amount=None,
                        budget_currency="", programme="Erasmus+", countries=["AZ"])  # fmt: skip
    b1 = ProjectFactory(network=b, title="Kosovo guidance", acronym="KG", status="planned",
                        budget_amount=Decimal("50000.00"), budget_currency="USD", programme="IPA II",
                        countries=["XK"])  # fmt: skip
    b2 = ProjectFactory(network=b, title="Implemented by the EU", acronym="IEU")
    c1 = ProjectFactory(network=c, title="Gamma project", acronym="GP")
    for project in (a1, a3, a4):
        PartnerFactory(project=project, organisation=eu, role=PartnerRole.FUNDER)
    PartnerFactory(project=a4, organisation=other_donor, role=PartnerRole.FUNDER)
    PartnerFactory(project=a2, organisation=other_donor, role=PartnerRole.FUNDER)
    PartnerFactory(project=c1, organisation=other_donor, role=PartnerRole.FUNDER)
    PartnerFactory(project=a2, organisation=eu, role=PartnerRole.PARTNER)  # a partner, not a funder
    _link(b1, eu, FundingLink.Kind.PROGRAMME)
    _link(b2, eu, FundingLink.Kind.IMPLEMENTER)
    c1_ = ComponentFactory(project=a1, position=1)
    c2_ = ComponentFactory(project=a1, position=2)
    a11 = ActivityFactory(component=c1_, position=1)
    a12 = ActivityFactory(component=c1_, position=2, done_at=timezone.now())
    a21 = ActivityFactory(component=c2_, position=1)
    ActivityFactory(component=c2_, position=2)
    x, y, z, w = (OrganisationFactory(name=f"Org {n}") for n in "XYZW")

    def entry(activity, day, people, organisation, status="approved", **kwargs):
        return ActivityEntryFactory(
            network=a, project=a1, activity=activity, start_date=date.fromisoformat(day),
            end_date=date.fromisoformat(day), participants_total=people, organisation=organisation, status=status,
            **kwargs,
        )  # fmt: skip

    with scopes_disabled():
        entry(a11, "2025-03-01", 12, x, title="Spring training").partners.add(z)
        latest = entry(a12, "2025-06-10", 8, y, title="Summer school")
        submitted = entry(a21, "2025-09-01", 100, w, status="submitted", title="Autumn fair")
        entry(a21, "2025-10-01", 50, w, deleted_at=timezone.now(), title="Deleted one")
        entry(a21, "2025-11-01", 40, w, status="draft", title="Draft one")
        ActivityEntryFactory(network=a, project=a2, participants_total=999, status="approved", organisation=w)
    return SimpleNamespace(
        eu=eu, donor=donor, other_donor=other_donor, networks=(a, b, c), coordinator=coordinator,
        coordinator_c=coordinator_c,
        projects={"a1": a1, "a2": a2, "a3": a3, "a4": a4, "b1": b1, "b2": b2, "c1": c1},
        latest=latest, submitted=submitted, activities={"1.1": a11, "1.2": a12, "2.1": a21},
    )  # fmt: skip


def _shown(response):
    return [row.project.acronym for row in response.context["rows"]]


def _get(client, user, query=""):
    client.force_login(user)
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def test_the_url_is_named():
    assert reverse("projects:portfolio") == URL


def test_a_donor_sees_its_projects_of_two_networks_and_nothing_of_a_third(client, world):
    response = _get(client, world.donor)
    # Active first, then planned, then closed (the factories' projects all start on the same day).
    assert _shown(response) == ["C4A", "NBY", "KG", "CSP"]
    page = text(response)
    assert "Alpha Network" in page and "Beta Network" in page
    for absent in ("Gamma", "Not the EU", "Implemented by the EU"):
        assert absent not in page
    a1 = world.projects["a1"]
    assert f'href="/networks/alpha/projects/{a1.slug}/dashboard/"' in page


def test_a_funding_chain_link_counts_and_an_implementer_link_does_not(client, world):
    """B1 comes through a programme link of its chain, B2's link names the EU as its implementer only."""
    shown = _shown(_get(client, world.donor, "?network=beta"))
    assert shown == ["KG"]


def test_progress_and_reach_are_the_hand_counted_ones(client, world):
    response = _get(client, world.donor)
    row = next(r for r in response.context["rows"] if r.project.acronym == "C4A")
    assert (row.activities_done, row.activities_total, row.percent_done) == (1, 4, 25)
    assert (row.entries, row.participants, row.organisations) == (2, 20, 3)
    assert row.last_entry.pk == world.latest.pk
    page = text(response)
    assert "1 of 4 planned activities done (25%)" in page
    assert '<progress max="4" value="1"' in page
    assert "20 participants" in page and "3 organisations" in page
    entry_url = reverse("projects:entry_detail", kwargs={"network_slug": "alpha", "entry_id": world.latest.pk})
    assert f'<a href="{entry_url}">Summer school</a>' in page
    assert '<time datetime="2025-06-10">' in page
    others = {r.project.acronym: r for r in response.context["rows"] if r.project.acronym != "C4A"}
    assert all((r.activities_total, r.participants, r.organisations, r.last_entry) == (0, 0, 0, None)
               for r in others.values())  # fmt: skip
    assert "no planned activities yet" in page and "none approved yet" in page


def test_the_latest_of_one_day_is_the_last_logged_and_partners_of_uncounted_entries_do_not_count(client, world):
    """Two approved entries on the latest day: the one logged last shows. Partners named in the submitted
    and the deleted entry are no organisations reached."""
    a, a1 = world.networks[0], world.projects["a1"]
    with scopes_disabled():
        same_day = {"network": a, "project": a1, "status": "approved", "participants_total": 0,
                    "start_date": world.latest.start_date, "end_date": world.latest.start_date,
                    "organisation": world.latest.organisation}  # fmt: skip
        ActivityEntryFactory(title="First of the day", **same_day)
        last = ActivityEntryFactory(title="Last of the day", **same_day)
        world.submitted.partners.add(OrganisationFactory())
        ActivityEntry.objects.get(network=a, title="Deleted one").partners.add(OrganisationFactory())
    row = next(r for r in _get(client, world.donor).context["rows"] if r.project.acronym == "C4A")
    assert row.last_entry.pk == last.pk
    assert (row.entries, row.organisations) == (4, 3)


def test_a_private_networks_latest_entry_is_named_not_linked(client, world):
    """A funder enters a private network through the project's dashboard only (its door): the entry's page
    would answer 404, so the portfolio names the entry without a link."""
    beta = world.networks[1]
    with scopes_disabled():
        entry = ActivityEntryFactory(
            network=beta, project=world.projects["b1"], title="Guidance fair", status="approved",
            start_date=date(2025, 5, 5), end_date=date(2025, 5, 5),
        )  # fmt: skip
    page = text(_get(client, world.donor))
    assert "Guidance fair" in page
    assert reverse("projects:entry_detail", kwargs={"network_slug": "beta", "entry_id": entry.pk}) not in page
    assert (
        client.get(reverse("projects:entry_detail", kwargs={"network_slug": "beta", "entry_id": entry.pk})).status_code
        == 404
    )


def test_budgets_are_summed_per_currency_never_across(client, world):
    response = _get(client, world.donor)
    totals = [(t.currency, t.amount, t.projects) for t in response.context["totals"]]
    assert totals == [("EUR", Decimal("120000.50"), 2), ("USD", Decimal("50000.00"), 1)]
    page = text(response)
    # Money as English writes it (portal.numbers, Babel's CLDR data).
    assert "€120,000.50" in page and "$50,000.00" in page
    assert "170,000.50" not in page
    assert "1 project has no budget recorded." in page
    assert "€100,000.00" in page  # A1's own budget, in its row


@pytest.mark.parametrize(
    ("query", "shown", "totals"),
    [
        ("?country=AM", ["C4A", "CSP"], [("EUR", Decimal("120000.50"))]),
        ("?country=XK", ["KG"], [("USD", Decimal("50000.00"))]),
        ("?network=alpha", ["C4A", "NBY", "CSP"], [("EUR", Decimal("120000.50"))]),
        ("?programme=Erasmus%2B", ["C4A", "NBY", "CSP"], [("EUR", Decimal("120000.50"))]),
        ("?status=closed", ["CSP"], [("EUR", Decimal("20000.50"))]),
        ("?network=alpha&status=active", ["C4A", "NBY"], [("EUR", Decimal("100000.00"))]),
    ],
)
def test_the_filters_narrow_the_projects_and_the_totals(client, world, query, shown, totals):
    response = _get(client, world.donor, query)
    assert _shown(response) == shown
    assert [(t.currency, t.amount) for t in response.context["totals"]] == totals
    assert response.context["count"] == len(shown)
    verb = "matches" if len(shown) == 1 else "match"
    assert f"{len(shown)} of the 4 funded projects {verb} the filters." in text(response)


def test_a_filter_no_funded_project_has_says_so_and_shows_them_all(client, world):
    response = _get(client, world.donor, "?network=gamma&country=FR")
    assert _shown(response) == ["C4A", "NBY", "KG", "CSP"]
    page = text(response)
    assert "Some filters could not be used" in page
    assert 'id="id_filter_network_error"' in page and 'id="id_filter_country_error"' in page
    assert "Gamma" not in page  # not even offered: the choices are the donor's own projects'


def test_filters_matching_nothing_say_so(client, world):
    response = _get(client, world.donor, "?network=beta&status=closed")
    assert response.context["rows"] == []
    assert "No funded project matches the filters." in text(response)


def test_pages_hold_25_projects_and_the_totals_cover_them_all(client, world):
    a = world.networks[0]
    for _ in range(PROJECTS_PER_PAGE + 3):
        project = ProjectFactory(network=a, status="active", start_date=date(2020, 1, 1), budget_amount=Decimal("1"),
                                 budget_currency="AMD")  # fmt: skip
        PartnerFactory(project=project, organisation=world.eu, role=PartnerRole.FUNDER)
    first = _get(client, world.donor)
    assert len(first.context["rows"]) == PROJECTS_PER_PAGE
    assert first.context["count"] == PROJECTS_PER_PAGE + 3 + 4
    amd = next(t for t in first.context["totals"] if t.currency == "AMD")
    assert (amd.amount, amd.projects) == (Decimal(PROJECTS_PER_PAGE + 3), PROJECTS_PER_PAGE + 3)
    second = _get(client, world.donor, "?page=2")
    assert len(second.context["rows"]) == 7
    assert not {r.project.pk for r in first.context["rows"]} & {r.project.pk for r in second.context["rows"]}
    assert 'href="?page=1"' in text(second)
    filtered = _get(client, world.donor, "?network=alpha&page=2")
    assert 'href="?network=alpha&amp;page=1"' in filtered.content.decode()


def _grow(world, n):
    """n more funded projects, each in its own network, with two activities and three entries."""
    for i in range(n):
        network = NetworkFactory()
        project = ProjectFactory(network=network, budget_currency=("EUR", "USD")[i % 2])
        PartnerFactory(project=project, organisation=world.eu, role=PartnerRole.FUNDER)
        activity = ActivityFactory(component=ComponentFactory(project=project, position=1), position=1)
        ActivityFactory(component=activity.component, position=2, done_at=timezone.now())
        with scopes_disabled():
            for people in (3, 4, 5):
                entry = ActivityEntryFactory(network=network, project=project, activity=activity, status="approved",
                                             participants_total=people)  # fmt: skip
                entry.partners.add(OrganisationFactory())


def test_the_number_of_queries_stays_fixed_whatever_the_projects_and_entries(client, world):
    """4 funded projects then 14 (10 more, in 10 more networks, with 30 more entries): the same count."""
    client.force_login(world.donor)
    client.get(URL)  # sessions and content types warmed
    small, response = page_queries(client, URL)
    assert len(response.context["rows"]) == 4
    _grow(world, 10)
    large, response = page_queries(client, URL)
    assert len(response.context["rows"]) == 14
    assert sum(r.participants for r in response.context["rows"]) == 20 + 10 * 12
    assert small == large <= 12


def test_someone_whose_organisations_fund_nothing_is_told_whom_the_page_is_for(client, world):
    response = _get(client, world.coordinator)
    page = text(response)
    assert "This page is for the people of the organisations that fund projects on Partnera." in page
    assert "<table" not in page and "rows" not in response.context


def test_someone_of_no_organisation_is_told_too(client, django_user_model):
    user = django_user_model.objects.create_user(email="alone@example.org", password="x" * 12)
    response = _get(client, user)
    assert "This page is for the people of the organisations that fund projects" in text(response)


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_home_page_links_donors_to_their_portfolio(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(world.donor)
    assert f'href="{URL}"' in text(client.get("/"))
    client.force_login(world.coordinator)
    assert f'href="{URL}"' not in text(client.get("/"))


# --- kept, and fresh after each kind of change (real commits: portal.versions) -----------------------------


@pytest.fixture
def committed(transactional_db):
    cache.clear()
    return build_world()


def _fresh(client):
    """The next read: rendered afresh (a kept page has no context to read the figures from)."""
    response = client.get(URL)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return response


def _row(response, acronym):
    return next((r for r in response.context["rows"] if r.project.acronym == acronym), None)


@pytest.mark.django_db(transaction=True)
class TestKept:
    @pytest.fixture(autouse=True)
    def _signed_in(self, client, committed):
        client.force_login(committed.donor)
        _fresh(client)
        assert client.get(URL)["X-Page-Cache"] == "hit"

    def test_an_approved_entry_shows_at_once(self, client, committed):
        with scope(network=committed.networks[0]):
            entry_approve(entry=committed.submitted, acting_user=committed.coordinator)
        row = _row(_fresh(client), "C4A")
        assert (row.entries, row.participants, row.organisations) == (3, 120, 4)
        assert row.last_entry.title == "Autumn fair"

    def test_an_activity_marked_done_shows_at_once(self, client, committed):
        with scope(network=committed.networks[0]):
            activity_mark_done(activity=committed.activities["1.1"], acting_user=committed.coordinator)
        assert _row(_fresh(client), "C4A").activities_done == 2

    def test_a_projects_facts_changed_show_at_once(self, client, committed):
        with scope(network=committed.networks[0]):
            project = Project.objects.get(pk=committed.projects["a1"].pk)
            project_update(project=project, data={"budget_amount": Decimal("90000.00")},
                           acting_user=committed.coordinator)  # fmt: skip
        response = _fresh(client)
        assert [(t.currency, t.amount) for t in response.context["totals"]][0] == ("EUR", Decimal("110000.50"))

    def test_a_funder_added_in_a_third_network_shows_at_once(self, client, committed):
        """Only network C's rows change (no shared row): the page learns of C from the funded networks."""
        c1 = committed.projects["c1"]
        with scope(network=committed.networks[2]):
            project_item_add(project=c1, kind="partner", acting_user=committed.coordinator_c,
                             data={"role": PartnerRole.FUNDER, "organisation": committed.eu})  # fmt: skip
        assert _row(_fresh(client), "GP") is not None

    def test_a_funder_removed_shows_at_once(self, client, committed):
        with scope(network=committed.networks[0]):
            funder = ProjectPartner.objects.get(
                network=committed.networks[0], project=committed.projects["a3"], organisation=committed.eu
            )
            project_item_remove(item=funder, acting_user=committed.coordinator)
        assert _row(_fresh(client), "CSP") is None

    def test_another_networks_change_keeps_the_page(self, client, committed):
        """Network C's project is not the EU's: its change leaves the EU's kept portfolio as it was."""
        with scopes_disabled():
            Project.objects.get(pk=committed.projects["c1"].pk).save()
        assert client.get(URL)["X-Page-Cache"] == "hit"
