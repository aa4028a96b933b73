"""`{% can "manage_members" network as may_manage %}`: templates ask portal.permissions, like views."""

from django import template

from portal import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action, obj=None):
    return permissions.check(action, context["request"].user, obj)
