"""The network's audit log in the workspace: who did what, when, and what it was before."""

from django.shortcuts import render

from network.forms import AuditLogFilterForm
from portal import audit, pagecache, permissions
from portal.pagination import paginate

ENTRIES_PER_PAGE = 50


@permissions.network_required("view_audit_log")
@pagecache.keep(pagecache.network_page)
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
    paged = paginate(request, entries, ENTRIES_PER_PAGE)
    return render(
        request,
        "network/audit_log.html",
        {
            "network": network,
            "form": form,
            "page": paged.page,
            "rows": audit.present(paged.rows, network=network),
            "page_query": paged.page_query,
        },
    )
