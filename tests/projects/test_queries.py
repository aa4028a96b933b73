"""The project pages cost a fixed number of queries, however big the project.

Two sizes: a small project and the one from the issue (10 components × 10 activities, 30 results, 100
indicators with 2 values each, 50 partners). The counts are pinned too, so a new query is a decision.
"""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from network.models import Role
from projects.models import Project
from projects.views.projects import PROJECTS_PER_PAGE
from tests.factories import NetworkFactory, ProjectFactory, person_in, project_with_logframe
from tests.pages import query_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered")]

SMALL = {"components": 2, "activities": 2, "results": 3, "indicators": 4, "partners": 3}
LARGE = {"components": 10, "activities": 10, "results": 30, "indicators": 100, "partners": 50}

# Middleware: session + user (logged in only), the network; the user's role (memoised) and the project;
# then the page: funding chain, partners, objectives, components, activities, results, indicators, values,
# needs, target groups, sites. The partners page adds the partners' admins for their verified marks
# (members.verification.load_verification); its organisation names come as they are typed.
PROJECT_PAGE = {"anonymous": 13, "coordinator": 16}
EDIT_PAGE = {"logframe": 16, "results": 16, "context": 16, "partners": 17}


@pytest.mark.parametrize("visitor", ["anonymous", "coordinator"])
def test_the_project_page_costs_the_same_at_both_sizes(client, visitor):
    counts = []
    for size in (SMALL, LARGE):
        network = NetworkFactory()
        project = project_with_logframe(network, **size)
        if visitor == "coordinator":
            client.force_login(person_in(network, Role.COORDINATOR))
        path = reverse("projects:detail", kwargs={"network_slug": network.slug, "project_slug": project.slug})
        counts.append(query_count(client, path))
    assert counts == [PROJECT_PAGE[visitor]] * 2


@pytest.mark.parametrize("page", sorted(EDIT_PAGE))
def test_each_editing_page_costs_the_same_at_both_sizes(client, page):
    counts = []
    for size in (SMALL, LARGE):
        network = NetworkFactory()
        project = project_with_logframe(network, **size)
        client.force_login(person_in(network, Role.COORDINATOR))
        kwargs = {"network_slug": network.slug, "project_slug": project.slug, "page": page}
        counts.append(query_count(client, reverse("projects:edit_page", kwargs=kwargs)))
    assert counts == [EDIT_PAGE[page]] * 2


def test_the_project_list_costs_the_same_for_two_or_twenty_projects(client):
    network = NetworkFactory()
    client.force_login(person_in(network, Role.MEMBER))
    path = reverse("projects:list", kwargs={"network_slug": network.slug})
    counts = []
    for n in (2, 18):
        for _ in range(n):
            ProjectFactory(network=network)
        counts.append(query_count(client, path))
    assert counts[0] == counts[1]


def test_the_project_list_is_paginated_at_a_fixed_cost(client):
    """Beyond one page: the first page of 30 or 80 projects costs the same, and page 2 holds the rest."""
    network = NetworkFactory()
    client.force_login(person_in(network, Role.MEMBER))
    path = reverse("projects:list", kwargs={"network_slug": network.slug})
    counts = []
    for total in (PROJECTS_PER_PAGE + 5, 80):
        with scopes_disabled():
            while Project.objects.filter(network=network).count() < total:
                ProjectFactory(network=network)
        counts.append(query_count(client, path))
    assert counts[0] == counts[1]
    response = client.get(path, {"page": 4})
    assert len(response.context["projects"]) == 80 - 3 * PROJECTS_PER_PAGE
    assert 'rel="prev" href="?page=3"' in response.content.decode() and 'rel="next"' not in response.content.decode()
    assert query_count(client, f"{path}?page=4") == counts[0]
