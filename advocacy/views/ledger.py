"""The network's uptake ledger table, and the institutions' "documents addressed to us" across networks."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from advocacy import selectors
from portal import pagecache, permissions


@require_safe
@permissions.network_required("see_ledger")
@pagecache.keep(pagecache.network_page)
def ledger(request, network_slug):
    ledger = selectors.ledger_table(request.network)
    return render(request, "advocacy/ledger.html",
                  {"network": request.network, "ledger": ledger, "today": timezone.localdate()})  # fmt: skip


@require_safe
def addressed(request):
    """The published outputs, of every network, addressed to the institutions the user works for."""
    if not request.user.is_authenticated:
        raise permissions.LoginRequired
    return _addressed(request)


@pagecache.keep(pagecache.all_pages)
def _addressed(request):
    outputs = selectors.outputs_addressed_to(request.user)
    return render(request, "advocacy/addressed.html",
                  {"outputs": outputs, "is_institution": selectors.works_for_institution(request.user)})  # fmt: skip
