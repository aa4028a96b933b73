"""What every page's shell promises: no inline style (the CSP allows our stylesheets only), htmx only
where a page uses it, and a network's pages wearing its colour. Walks the demo's pages."""

import re

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from config.demo import pages
from members.models import Organisation, User
from network.models import Network
from projects.models import Project

pytestmark = pytest.mark.django_db

HTMX = "vendor/htmx/htmx.min.js"


def demo_pages():
    with scopes_disabled():
        pep = Network.objects.get(slug="pep")
        project = Project.objects.filter(network=pep).first()
        org = Organisation.objects.order_by("pk").first()
    n = {"network_slug": pep.slug}
    p = {**n, "project_slug": project.slug}
    return [
        reverse("home"),
        reverse("network:directory"),
        reverse("network:detail", kwargs=n),
        reverse("network:workspace", kwargs=n),
        reverse("network:manage_members", kwargs=n),
        reverse("network:audit_log", kwargs=n),
        reverse("network:agreements", kwargs=n),
        reverse("network:news", kwargs=n),
        reverse("network:edit", kwargs=n),
        reverse("projects:list", kwargs=n),
        reverse("projects:detail", kwargs=p),
        reverse("projects:edit", kwargs=p),
        reverse("projects:edit_page", kwargs={**p, "page": "logframe"}),
        reverse("members:organisation", kwargs={"pk": org.pk}),
        reverse("members:people", kwargs={"pk": org.pk}),
        reverse("styleguide"),
        "/no-such-page/",
    ]


@pytest.fixture
def coordinator_client(client, demo):
    client.force_login(User.objects.get(email="coordinator@pep.demo.partnera.org"))
    return client


def test_no_page_has_an_inline_style_or_script(coordinator_client):
    User.objects.filter(email="coordinator@pep.demo.partnera.org").update(is_staff=True)  # the styleguide too
    for url in demo_pages():
        html = coordinator_client.get(url).content.decode()
        assert not re.search(r"<[^>]+\sstyle\s*=", html), f"{url} has a style attribute"
        assert "<style" not in html, f"{url} has a <style> element"
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), f"{url} has an inline script"


def test_the_csp_stays_strict(coordinator_client):
    policy = coordinator_client.get(reverse("network:detail", kwargs={"network_slug": "pep"}))[
        "Content-Security-Policy"
    ]
    assert "style-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_htmx_loads_only_on_pages_with_hx_attributes(coordinator_client):
    for url in demo_pages():
        html = coordinator_client.get(url).content.decode()
        uses = bool(re.search(r"\shx-[a-z-]+=", html))
        assert (HTMX in html) == uses, f"{url}: uses htmx {uses}, loads it {HTMX in html}"
    editor = coordinator_client.get(
        reverse(
            "projects:edit_page",
            kwargs={"network_slug": "pep", "project_slug": "social-partnership-and-education", "page": "logframe"},
        )
    ).content.decode()
    assert HTMX in editor and "htmx-config" in editor
    assert HTMX not in coordinator_client.get(reverse("home")).content.decode()


def test_a_network_page_wears_the_network_colour(coordinator_client):
    with scopes_disabled():
        Network.objects.filter(slug="pep").update(colour="#2E7D32")
    html = coordinator_client.get(reverse("network:news", kwargs={"network_slug": "pep"})).content.decode()
    assert '<link rel="stylesheet" href="/theme/v1/2e7d32.css">' in html
    assert '<body class="network-themed">' in html
    assert 'class="network-band"' in html
    home = coordinator_client.get(reverse("home")).content.decode()
    assert "/theme/" not in home and "network-band" not in home


AUTOCOMPLETE_JS = "js/autocomplete.js"
AUTOCOMPLETE_LIBRARY = "vendor/accessible-autocomplete/accessible-autocomplete.min.js"
AUTOCOMPLETE_CSS = "vendor/accessible-autocomplete/accessible-autocomplete.min.css"


def test_the_autocomplete_loads_only_on_pages_with_a_select_to_enhance(client, demo):
    """Every page type of every role (config/demo/pages.py): the library, its stylesheet and the init
    script come exactly where a <select data-autocomplete> is, and the select itself is in the page, so
    the form works without JavaScript."""
    pages.prepare()
    using = set()
    for role in pages.ROLES:
        account = pages.user(role)
        if account is None:
            client.logout()
        else:
            client.force_login(account)
        for page in pages.page_types(role):
            html = client.get(page.url).content.decode()
            uses = bool(re.search(r"<select[^>]*\sdata-autocomplete[\s=>]", html))
            loads = [asset in html for asset in (AUTOCOMPLETE_JS, AUTOCOMPLETE_LIBRARY, AUTOCOMPLETE_CSS)]
            assert loads == [uses] * 3, f"{role} {page.name}: has a select to enhance {uses}, loads {loads}"
            if uses:
                using.add(page.name)
    # Organisations and countries to choose, and the currency of a project.
    assert {
        "join page", "new organisation", "organisation edit", "new network", "invitation", "new project",
        "new agreement",
    } <= using  # fmt: skip


def test_the_join_page_offers_the_only_organisation_chosen_in_an_autocomplete(client, demo):
    client.force_login(User.objects.get(email="ngo@demo.partnera.org"))  # admin of one organisation only
    html = client.get(reverse("network:join", kwargs={"network_slug": "pep"})).content.decode()
    select = re.search(r'<select name="organisation" data-autocomplete="" [^>]*>(.*?)</select>', html, re.S)
    assert select, "no organisation select marked for the autocomplete"
    options = re.findall(r"<option[^>]*>", select.group(1))
    assert len(options) == 1 and " selected" in options[0]  # no empty choice to pick by mistake
