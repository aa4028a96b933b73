"""The donor portfolio (/portfolio/): the projects a donor's organisations fund, across every network.

Kept per person (portal.pagecache) under the counters of the networks of the projects their organisations
fund, plus "shared" (their affiliations, organisations and grants): an entry approved, a project's facts
or logframe changed, a funder added or removed in one of those networks, or an organisation of theirs
newly funding a project elsewhere (a network more in the key) gives a fresh page at the next request.
"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal import pagecache, permissions
from portal.pagination import paginate
from projects import portfolio
from projects.forms import PortfolioFilterForm

PROJECTS_PER_PAGE = 25


def portfolio_pages(request, **kwargs):
    """What a person's kept portfolio depends on: the networks of the projects their organisations fund."""
    networks = portfolio.funded_network_ids(user=request.user)
    return (pagecache.SHARED, *(f"{pagecache.NETWORK}:{network_id}" for network_id in networks))


@require_safe
def portfolio_page(request):
    permissions.ensure(request, "view_portfolio")
    return _portfolio(request)


@pagecache.keep(portfolio_pages)
def _portfolio(request):
    funded = portfolio.funded(user=request.user)
    if not funded.projects:
        return render(request, "projects/portfolio.html", {"funder": False})
    form = PortfolioFilterForm(request.GET or None, funded=funded)
    chosen = funded.filtered(**form.filters())
    totals, without_budget = portfolio.budget_totals(chosen)
    paged = paginate(request, chosen, PROJECTS_PER_PAGE)
    context = {
        "funder": True,
        "form": form,
        "count": len(chosen),
        "funded_count": len(funded.projects),
        "totals": totals,
        "without_budget": without_budget,
        "rows": portfolio.portfolio_rows(paged.rows),
        "page": paged.page,
        "page_query": paged.page_query,
    }
    return render(request, "projects/portfolio.html", context)
