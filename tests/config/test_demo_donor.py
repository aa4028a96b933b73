"""The demo's donor: one European Union, funder of the Armenian, ALLIANCE and Azerbaijani projects (as the seeds
say) and of nothing else, and a donor login that works for it (issue 11's journey 4).

The demo is loaded once for the module (the `demo` fixture in tests/conftest.py).
"""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django_scopes import scopes_disabled
from guardian.shortcuts import get_objects_for_user

from config.demo import DONOR_DEMO, NETWORKS
from config.demo.common import EUROPEAN_UNION
from config.demo.loader import DEMO_PASSWORD
from members.models import Affiliation, Organisation, User
from network.models import Network, Role
from network.permissions import network_role
from projects.funders import funded_projects, funder_organisation_ids
from projects.models import FundingLink, Project
from projects.selectors import computed_indicators
from tests.config.demo import load

pytestmark = pytest.mark.django_db

DONOR_EMAIL = "donor@eu.demo.partnera.org"
# (network, project) the seeds say the European Union finances: PEP's through "Commitment to Constructive
# Dialogue", ALLIANCE through Erasmus+, VET for the Future "fully".
EU_FUNDED = {
    ("pep", "social-partnership-and-education"),
    ("alliance", "alliance"),
    ("vet-for-the-future", "vet-for-the-future"),
}


def european_union():
    return Organisation.objects.get(name=EUROPEAN_UNION)  # one row: get() fails on a second


def test_one_european_union_funds_exactly_the_three_projects_in_three_networks(demo):
    eu = european_union()
    assert eu.kind == Organisation.Kind.DONOR and eu.created_in_network_id is None
    with scopes_disabled():
        funded = {(p.network.slug, p.slug) for p in funded_projects([eu.pk]).select_related("network")}
        assert funded == EU_FUNDED
        # …and each of them names the EU among its funders, the others do not.
        for project in Project.objects.select_related("network"):
            funds = eu.pk in funder_organisation_ids(project)
            assert funds == ((project.network.slug, project.slug) in EU_FUNDED), project.slug


def test_the_funding_chains_name_the_same_european_union(demo):
    eu = european_union()
    with scopes_disabled():
        links = {
            link.project.slug: link.organisation_id
            for link in FundingLink.objects.filter(name=EUROPEAN_UNION).select_related("project")
        }
        assert links == {slug: eu.pk for _network, slug in EU_FUNDED}
        for project in Project.objects.filter(slug__in=[slug for _network, slug in EU_FUNDED]):
            assert project.partners.get(role="funder").organisation_id == eu.pk
        # The Slovenian and Polish data link no funder: the EU's programmes are not named there.
        assert not FundingLink.objects.filter(network__slug__in=["karierna-vzgoja", "podkarpackie"]).exists()
        assert not Project.objects.filter(
            network__slug__in=["karierna-vzgoja", "podkarpackie"], partners__role="funder"
        ).exists()


def test_the_donor_login_works_for_the_european_union(demo, client):
    assert DONOR_DEMO["login"]["email"] == DONOR_EMAIL
    assert client.login(email=DONOR_EMAIL, password=DEMO_PASSWORD)
    user = User.objects.get(email=DONOR_EMAIL)
    assert user.is_active and not user.is_staff
    assert EmailAddress.objects.get(user=user).verified
    # A colleague, not an admin: the EU's admin is VET for the Future's observer login, who invited it.
    (affiliation,) = Affiliation.objects.filter(user=user)
    assert affiliation.organisation == european_union() and not affiliation.is_admin
    admin = european_union().affiliations.get(is_admin=True).user
    assert admin.email == "observer@vet-for-the-future.demo.partnera.org"
    # The EU is an observer of VET for the Future (the seed's organisation list), and of no other network.
    roles = {network.slug: network_role(user, network) for network in Network.objects.all()}
    assert roles == {slug: Role.OBSERVER if slug == "vet-for-the-future" else None for slug in roles}


def test_load_demo_prints_the_donor_login_and_adds_it_once(demo):
    output = load()
    (line,) = [line for line in output.splitlines() if line.startswith(DONOR_EMAIL + " ")]
    assert line.split()[1] == "donor" and line.endswith(EUROPEAN_UNION)
    assert Affiliation.objects.filter(user__email=DONOR_EMAIL).count() == 1


def test_the_three_projects_have_approved_entries_and_indicators_for_a_dashboard(demo):
    with scopes_disabled():
        for network_slug, slug in EU_FUNDED:
            project = Project.objects.get(network__slug=network_slug, slug=slug)
            approved = project.entries.filter(status="approved", deleted_at=None)
            assert approved.count() >= 4, slug
            assert len({entry.start_date.month for entry in approved}) >= 3, slug  # spread over the months
            assert project.indicators.exists(), slug

        # VET for the Future's illustrative indicators count the approved entries of the seed's log, by hand.
        (seed,) = [entry for entry in NETWORKS if entry["network"]["slug"] == "vet-for-the-future"]
        counted = [spec for spec in seed["entries"] if spec.get("status", "approved") == "approved"]
        expected = [
            sum(spec["participants_total"] for spec in counted if spec["kind"] == "training"),
            sum(spec["with_disabilities"] for spec in counted),
            len(counted),
        ]
        project = Project.objects.get(network__slug="vet-for-the-future")
        indicators = list(project.indicators.prefetch_related("values").order_by("position"))
        found = computed_indicators(project=project, indicators=indicators)
        assert [[value.value for value in found[i.pk].values] for i in indicators] == [[n] for n in expected]
        assert all(n > 0 for n in expected)


def test_the_donor_login_is_granted_exactly_the_three_projects_and_sees_their_dashboards(demo, client):
    """The grants follow the funding rows (projects.grants): the demo's donor holds `view_project` on the three
    projects and no other, and opens their dashboards; another project's dashboard answers 404."""
    donor = User.objects.get(email=DONOR_EMAIL)
    with scopes_disabled():
        granted = get_objects_for_user(
            donor, "projects.view_project", klass=Project, accept_global_perms=False, with_superuser=False
        )
        assert {(p.network.slug, p.slug) for p in granted.select_related("network")} == EU_FUNDED
        others = list(Project.objects.exclude(pk__in=granted.values("pk")).select_related("network"))
    client.force_login(donor)
    for network_slug, project_slug in sorted(EU_FUNDED):
        url = reverse("projects:dashboard", kwargs={"network_slug": network_slug, "project_slug": project_slug})
        assert client.get(url).status_code == 200, url
    assert others
    for project in others:
        url = reverse("projects:dashboard", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})
        assert client.get(url).status_code == 404, url
    portfolio = client.get(reverse("projects:portfolio"))
    assert {row.project.slug for row in portfolio.context["rows"]} == {slug for _n, slug in EU_FUNDED}
