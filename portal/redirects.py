"""Where a page may send a person next: only to this site (no open redirect through `?next=`)."""

from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"


def safe_next(request, url):
    """`url` when it stays on this site (a path, or this host and scheme), else ""."""
    allowed = {request.get_host()}
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=allowed, require_https=request.is_secure()):
        return url
    return ""


def next_url(request):
    """The `next` of the request (POST first, then the query string), when it is safe; else ""."""
    return safe_next(request, request.POST.get(NEXT) or request.GET.get(NEXT, ""))
