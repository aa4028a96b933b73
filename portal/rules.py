"""The floor's own permission rules: pages that belong to no app."""

from django.conf import settings

from portal.permissions import rule


@rule
def can_see_styleguide(user, obj=None):
    """The components' page (/styleguide/) is a tool for whoever builds pages: staff, or anyone while
    DEBUG is on."""
    return settings.DEBUG or bool(getattr(user, "is_staff", False))
