"""`{{ obj|label:"field" }}` (portal/templatetags/labels.py): a choice's label in the reader's language, as
get_FOO_display gives it, without rebuilding the choices for every row."""

from django.template import Context, Template
from django.utils import translation

from network.models import Membership, Role


def render(membership):
    return Template('{% load labels %}{{ m|label:"role" }}/{{ m|label:"status" }}').render(Context({"m": membership}))


def test_the_label_is_the_one_get_display_gives_in_the_active_language():
    membership = Membership(role=Role.COORDINATOR, status=Membership.Status.SUSPENDED)
    assert render(membership) == f"{membership.get_role_display()}/{membership.get_status_display()}"
    with translation.override("sl"):  # labels are kept per language
        assert render(membership) == f"{membership.get_role_display()}/{membership.get_status_display()}"


def test_a_value_outside_the_choices_shows_as_itself():
    assert render(Membership(role="emperor", status="")) == "emperor/"
