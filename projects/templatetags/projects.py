"""Template helpers for project pages.

`{% network_projects network as summary %}` lets the network page show its first projects and their number
without the network app importing this one (dependencies run members ← network ← projects).
`{% open_form open "edit" "activity" activity.pk as f %}` gives the form open for that row, or None.
Texts in several languages are shown with `{% load texts %}` (portal/templatetags/texts.py).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template

from portal.templatetags.urls import cached_reverse
from projects import selectors

register = template.Library()


PROJECTS_ON_NETWORK_PAGE = 10


@dataclass
class ProjectSummary:
    rows: list  # the first projects, as the project list orders them
    count: int  # how many the reader may see in all


@register.simple_tag(takes_context=True)
def network_projects(context, network, limit=PROJECTS_ON_NETWORK_PAGE):
    """The network page's summary: the first `limit` projects the reader may see and their number (the
    project list pages through them all)."""
    projects = selectors.projects_for_network(network=network, user=context["request"].user)
    return ProjectSummary(rows=list(projects[:limit]), count=projects.count())


@register.simple_tag
def open_form(open_, mode, kind, target_id):
    if open_ and open_.mode == mode and open_.kind == kind and open_.target_id == target_id:
        return open_.form
    return None


@register.simple_tag
def entries_url(network, filters=None, **params):
    """The activity list showing the entries behind a figure: `filters` (a ComputedValue's) and/or the
    list's parameters as keywords (project=, activity=, kind=, status=, from/to as filters)."""
    query = {**(filters or {}), **params}
    path = cached_reverse("projects:entries", kwargs={"network_slug": network.slug})
    return path + (f"?{urlencode(query, doseq=True)}" if query else "")


@register.simple_tag
def network_reach(network):
    """The workspace's reach section: what all of the network's approved entries reached (kept in the cache
    until the log changes)."""
    return selectors.kept_reach(network=network)


@register.simple_tag(takes_context=True)
def dashboard_chart_src(context, name):
    """The address of the dashboard chart `name` (projects.dashboards._charts_of) for the page's period: the
    project's chart on a project's dashboard (the context holds `project`), else the network's."""
    network, project = context["network"], context.get("project")
    if project is not None:
        url = cached_reverse(
            "projects:dashboard_chart",
            kwargs={"network_slug": network.slug, "project_slug": project.slug, "chart": name},
        )
    else:
        url = cached_reverse("projects:network_dashboard_chart", kwargs={"network_slug": network.slug, "chart": name})
    return url + context.get("period_query", "")
