"""Template helpers for project pages.

`{% network_projects network as projects %}` lets the network page list its projects without the
network app importing this one (dependencies run members ← network ← projects).
`{% open_form open "edit" "activity" activity.pk as f %}` gives the form open for that row, or None.
Texts in several languages are shown with `{% load texts %}` (portal/templatetags/texts.py).
"""

from django import template

from projects import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def network_projects(context, network):
    return list(selectors.projects_for_network(network=network, user=context["request"].user))


@register.simple_tag
def open_form(open_, mode, kind, target_id):
    if open_ and open_.mode == mode and open_.kind == kind and open_.target_id == target_id:
        return open_.form
    return None
