"""The network's audit log in the workspace: who did what, when, and what it was before."""

from django.core.paginator import Paginator
from django.shortcuts import render

from network.forms import AuditLogFilterForm
from portal import audit, permissions

ENTRIES_PER_PAGE = 50


@permissions.network_required("view_audit_log")
def audit_log(request, network_slug):
    network = request.network
    form = AuditLogFilterForm(
        request.GET or None, actions=audit.actions_present(network), types=audit.types_present(network)
    )
    filters = form.cleaned_data if form.is_valid() else {}  # a stale or forged choice shows the whole log
    entries = audit.entries(
        network=network,
        action=filters.get("action", ""),
        content_type_id=filters.get("type"),
        search=filters.get("q", "").strip(),
    )
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/audit_log.html",
        {
            "network": network,
            "form": form,
            "page": page,
            "rows": audit.present(page.object_list, network=network),
            "page_query": query.urlencode(),
        },
    )
