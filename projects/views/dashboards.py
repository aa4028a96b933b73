"""The dashboards: a project's (for the network's members, staff and the people granted the project: its
funders' people and evaluators) and a network's (for its members), each for a period chosen with a GET
form or a preset link.

A funder is often no member of the network: the project dashboard may be reached through a door
(portal.tenancy.open_door) that lets such a person past the network check, so the view answers 404 itself
to everyone its rule refuses, and its page links to the network's pages only for those who entered the
network (`request.network_entered`). A period that ends before it starts is said on the page (200), which
then shows the figures of no period: the whole project.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal import pagecache, permissions
from projects import dashboards, selectors
from projects.forms import DashboardPeriodForm


def _period(request, *, start, end, whole_label):
    """The chosen period, its form and the preset links: (start, end, form, presets)."""
    form = DashboardPeriodForm(request.GET if ("from" in request.GET or "to" in request.GET) else None)
    chosen = form.period()
    links = []
    for preset in dashboards.presets(start=start, end=end, whole_label=whole_label):
        query = {"from": preset.start.isoformat(), "to": preset.end.isoformat()} if preset.start else {}
        links.append({"label": preset.label, "query": f"?{urlencode(query)}" if query else request.path,
                      "current": (preset.start, preset.end) == chosen})  # fmt: skip
    return chosen, form, links


# A chart's own answer: an SVG image with its inline stylesheet and nothing else (no script, no fetch).
CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _period_query(start, end):
    """The chosen period as the query the chart images repeat ('' for the whole project or log)."""
    query = {key: day.isoformat() for key, day in (("from", start), ("to", end)) if day}
    return f"?{urlencode(query)}" if query else ""


def _chart(figures, name):
    """A chart of the figures as its SVG, or 404 for a name they have no chart of. Drawn at each request
    from the kept figures; `no-cache` so a browser asks again after a change."""
    chart = figures.chart(name)
    if chart is None:
        raise Http404
    response = HttpResponse(chart.svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = CHART_CSP
    response["Cache-Control"] = "private, no-cache"
    return response


def _dashboard_project(request, project_slug):
    project = selectors.project_in_network(network=request.network, slug=project_slug)
    return permissions.ensure_visible(request, "view_dashboard", project)


def project_dashboard(request, network_slug, project_slug):
    return _project_dashboard(request, project=_dashboard_project(request, project_slug))


project_dashboard.required_permission = "view_dashboard"


@require_safe
def project_dashboard_chart(request, network_slug, project_slug, chart):
    """One chart of a project's dashboard for the period of the page's query (the page shows it as an image)."""
    project = _dashboard_project(request, project_slug)
    (start, end), _form, _presets = _period(
        request, start=project.start_date, end=project.end_date, whole_label=_("Whole project")
    )
    return _chart(dashboards.kept_project_figures(project=project, period_start=start, period_end=end), chart)


project_dashboard_chart.required_permission = "view_dashboard"


@pagecache.keep(pagecache.network_page)  # below the permission check: a kept page goes to whoever passes it
def _project_dashboard(request, project):
    (start, end), form, presets = _period(
        request, start=project.start_date, end=project.end_date, whole_label=_("Whole project")
    )
    return render(
        request,
        "projects/dashboard.html",
        {
            "network": request.network,
            "project": project,
            "figures": dashboards.kept_project_figures(project=project, period_start=start, period_end=end),
            "agreements": dashboards.project_agreements(project=project, user=request.user),
            "form": form,
            "presets": presets,
            "period_start": start,
            "period_end": end,
            "period_label": dashboards.period_label(start, end) if start or end else _("Whole project"),
            "entered": getattr(request, "network_entered", False),
            "period_query": _period_query(start, end),
        },
    )


@permissions.network_required("view_network_dashboard")
@pagecache.keep(pagecache.network_page)
def network_dashboard(request, network_slug):
    network = request.network
    span_start, span_end = dashboards.network_span(network=network)
    (start, end), form, presets = _period(request, start=span_start, end=span_end, whole_label=_("All dates"))
    return render(
        request,
        "projects/dashboard_network.html",
        {
            "network": network,
            "figures": dashboards.kept_network_figures(network=network, period_start=start, period_end=end),
            "form": form,
            "presets": presets,
            "period_start": start,
            "period_end": end,
            "period_label": dashboards.period_label(start, end) if start or end else _("All dates"),
            "period_query": _period_query(start, end),
        },
    )


@require_safe
@permissions.network_required("view_network_dashboard")
def network_dashboard_chart(request, network_slug, chart):
    """One chart of the network's dashboard for the period of the page's query."""
    network = request.network
    span_start, span_end = dashboards.network_span(network=network)
    (start, end), _form, _presets = _period(request, start=span_start, end=span_end, whole_label=_("All dates"))
    return _chart(dashboards.kept_network_figures(network=network, period_start=start, period_end=end), chart)
