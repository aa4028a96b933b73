"""The floor's registries: permission rules, the tenant, and page sections that later apps fill in."""

import pytest
from django.apps import apps
from django.test import override_settings

from portal import permissions, sections, tenancy

pytestmark = pytest.mark.django_db


def test_every_app_registers_its_rules_under_the_action_names_views_use():
    actions = set(permissions.registered_actions())
    # one from each app: members, network, projects, and the floor's own (portal/rules.py)
    assert {"manage_organisation", "manage_members", "view_network", "edit_project", "see_styleguide"} <= actions
    # the activity log's rules (projects)
    assert {"log_entry", "edit_entry", "withdraw_entry", "review_entry", "delete_entry", "restore_entry",
            "see_entry"} <= actions  # fmt: skip


def test_a_second_rule_with_the_same_name_is_refused():
    def can_view_network(user, obj):  # a different function under a taken name
        return True

    with pytest.raises(ValueError, match="Two permission rules named can_view_network"):
        permissions.rule(can_view_network)


def test_a_rule_must_say_what_it_allows_in_its_name():
    def may_do_things(user, obj):
        return True

    with pytest.raises(ValueError, match="can_<action>"):
        permissions.rule(may_do_things)


def test_require_refuses_with_permission_denied(django_user_model):
    from django.core.exceptions import PermissionDenied

    user = django_user_model.objects.create_user("nobody@example.org", "x")
    with pytest.raises(PermissionDenied):
        permissions.require("create_network", user)  # administers no organisation


def test_the_network_app_registers_the_tenant():
    tenant = tenancy.tenant()
    assert tenant.model is apps.get_model("network", "Network")
    assert (tenant.url_kwarg, tenant.scope_name, tenant.enter_action) == ("network_slug", "network", "view_network")


def test_sections_refuse_unknown_slots():
    with pytest.raises(ValueError, match="Unknown section slot"):
        sections.register("sidebar", "x.html")
    with pytest.raises(ValueError, match="Unknown section slot"):
        sections.templates("sidebar")


def test_projects_contribute_to_the_network_page_without_network_naming_them():
    assert "projects/_network_projects.html" in sections.templates("network_page")
    assert "projects/_network_nav.html" in sections.templates("network_nav")
    assert "network/_organisation_networks.html" in sections.templates("organisation_page")


def test_registering_twice_keeps_one_entry():
    before = sections.templates("network_page")
    sections.register("network_page", "projects/_network_projects.html", order=10)
    assert sections.templates("network_page") == before


@override_settings(LANGUAGE_CODE="en")
def test_the_network_page_shows_the_registered_sections(client):
    from tests.factories import NetworkFactory

    network = NetworkFactory(visibility="public")
    html = client.get(f"/networks/{network.slug}/").content.decode()
    # the projects tab comes from projects/_network_nav.html, registered by the projects app
    assert f'href="/networks/{network.slug}/projects/"' in html
