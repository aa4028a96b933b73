"""The browser wiring works: Debian's Chromium loads a page from live_server with the vendored htmx,
and the Content Security Policy blocks nothing the page itself needs."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_page_loads_htmx_without_csp_violations(live_server, page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))

    response = page.goto(live_server.url + "/")

    assert response.status == 200
    assert page.evaluate("() => window.htmx && window.htmx.version").startswith("2.")
    assert problems == []
