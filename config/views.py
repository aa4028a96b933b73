from django.shortcuts import render

from advocacy.models import INSTITUTION_KINDS
from network import selectors
from portal import pagecache
from projects import portfolio


@pagecache.keep(pagecache.all_pages)  # a signed-in person's networks, requests and invitations: any network's
def home(request):
    """Anonymous visitors see what Partnera is; signed-in people see their organisations and networks."""
    context = {"public_networks": selectors.networks_directory(user=request.user)[:6]}
    if request.user.is_authenticated:
        context.update(selectors.home_for_user(user=request.user))
        # The people of a ministry, agency or local government get their "documents addressed to us".
        context["works_for_institution"] = any(
            affiliation.organisation.kind in INSTITUTION_KINDS for affiliation in context.get("affiliations", ())
        )
        # The people of an organisation that funds a project get their portfolio.
        context["funds_projects"] = portfolio.is_funder(user=request.user)
    return render(request, "home.html", context)
