"""The partners editor shows whether each chosen partner organisation is verified, at a fixed cost."""

import re

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from network.models import Role
from projects.services.items import project_item_add
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    person_in,
)
from tests.pages import page_queries, text

pytestmark = pytest.mark.django_db


def partners_page(project):
    kwargs = {"network_slug": project.network.slug, "project_slug": project.slug, "page": "partners"}
    return reverse("projects:edit_page", kwargs=kwargs)


def add_partner(project, coordinator, name, role="partner"):
    with scope(network=project.network):
        return project_item_add(
            project=project, kind="partner", data={"organisation_name": name, "role": role}, acting_user=coordinator
        )


def member_with_admin(network, name, *, website, email):
    organisation = OrganisationFactory(name=name, acronym="", website=website)
    AffiliationFactory(organisation=organisation, user__email=email)
    MembershipFactory(network=network, organisation=organisation)
    return organisation


@pytest.fixture
def project():
    return ProjectFactory(network=NetworkFactory())


@pytest.fixture
def coordinator(client, project):
    user = person_in(project.network, Role.COORDINATOR)
    client.force_login(user)
    return user


def partner_count(project):
    with scopes_disabled():
        return project.partners.count()


def row(response, partner):
    return re.search(rf'<li id="partner-{partner.pk}".*?</li>', text(response), re.S).group(0)


def test_a_chosen_partner_row_shows_whether_the_organisation_is_verified(client, project, coordinator):
    member_with_admin(project.network, "AKMI", website="https://www.akmi.gr", email="ana@akmi.gr")
    member_with_admin(project.network, "Imaginary Funder Foundation", website="https://imaginary.org",
                      email="founder@gmail.com")  # fmt: skip
    chosen = add_partner(project, coordinator, "akmi")
    squatted = add_partner(project, coordinator, "Imaginary Funder Foundation", role="funder")
    typed = add_partner(project, coordinator, "A school nobody registered")

    response = client.get(partners_page(project))
    assert '<span class="pill pill-ok">Verified</span>' in row(response, chosen)
    assert "e-mail address is at akmi.gr, the organisation's website" in row(response, chosen)
    assert '<span class="pill pill-warn">Not verified</span>' in row(response, squatted)
    assert "no administrator has a confirmed e-mail address at imaginary.org" in row(response, squatted)
    assert "Not verified: the organisation gives no website." in row(response, typed)


def test_the_partners_page_costs_the_same_for_few_or_many_partners(client, project, coordinator):
    counts = []
    for total in (3, 20):
        while (n := partner_count(project)) < total:
            member_with_admin(
                project.network, f"Partner {n}", website=f"https://p{n}.example", email=f"a{n}@p{n - n % 2}.example"
            )  # fmt: skip  (half verified)
            add_partner(project, coordinator, f"Partner {n}")
        client.get(partners_page(project))
        count, response = page_queries(client, partners_page(project))
        assert text(response).count('pill pill-ok">Verified<') >= total // 2
        counts.append(count)
    assert counts[0] == counts[1]
