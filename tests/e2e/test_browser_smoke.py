"""The browser wiring works: Debian's Chromium loads pages from live_server, the vendored htmx runs on
the page that uses it (the project editor) and is not loaded elsewhere, and the Content Security Policy
blocks nothing the pages need (the network colour's stylesheet included)."""

import pytest

from tests.factories import ProjectFactory, person_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _watch(page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems


def test_home_page_loads_without_htmx_and_without_csp_violations(live_server, page):
    problems = _watch(page)

    response = page.goto(live_server.url + "/")

    assert response.status == 200
    assert page.evaluate("() => typeof window.htmx") == "undefined"
    assert problems == []


def test_the_project_editor_loads_htmx_and_the_network_colour_without_csp_violations(live_server, page, client):
    from network.models import Role

    project = ProjectFactory()
    coordinator = person_in(project.network, role=Role.COORDINATOR)
    client.force_login(coordinator)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    problems = _watch(page)

    response = page.goto(f"{live_server.url}/networks/{project.network.slug}/projects/{project.slug}/edit/logframe/")

    assert response.status == 200
    assert page.evaluate("() => window.htmx && window.htmx.version").startswith("2.")
    band = page.evaluate("() => getComputedStyle(document.querySelector('.network-band')).backgroundColor")
    assert band == "rgb(31, 95, 139)"  # #1f5f8b, the network's colour, from /theme/v1/1f5f8b.css
    assert problems == []
