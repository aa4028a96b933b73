"""Pages rendered once per change: for all visitors together, and for each signed-in person apart.

A visitor (nobody signed in) sees a public network's page exactly as every other visitor does, so the
page is rendered once and kept in the cache until something it may show changes. This is what keeps a
national network's public page answering when it is linked from a ministry's site: the render costs
tens of milliseconds at that size, a cached answer well under one. A signed-in person's page is kept the
same way under a key that names them (their user id): what it shows for them beyond the visitors' page
(their roles, their organisations, what they may do) is read from rows the same counters cover, so their
kept page goes when those change, and nobody else is ever served it.

What a kept page depends on is named by version counters in the cache, each bumped after the commit of
any write that could change it (`bump_for`, connected to every model's saves and deletions in
`PortalConfig.ready()`):

- `network:<id>`: any row of that network (everything tenant-owned carries `network_id`, the audit log's
  rows included, so every service's write bumps it) and the network row itself;
- `shared`: rows that belong to no network (organisations, people, their addresses), which network
  pages show too (partner names, logos, verified marks);
- `all`: every write; for pages across networks (the directory).

A page's key holds the versions it depends on, the caller, the address with its query, the language, the
scheme and host and the day (agreements "ending soon" and the like move with the date), so a change makes
a new key and the old page simply expires. Counters start from the clock, so one that was evicted never
returns to a value an old page was kept under.

What a signed-in page reads for its person is covered by those counters: their memberships and roles
are rows of the page's network (`network:<id>`); their profile, affiliations, organisations, e-mail
addresses, staff flag and object permissions (guardian, Django's groups) are rows of no network
(`shared`); the home page, which lists their networks and invitations across the platform, depends on
`all`. Nothing else about them is read from the database; their session is (below). The API's lists are
kept the same way per caller (`KeptList`, once DRF knows who calls: a token is not seen by middleware).

Only plain GETs are kept: no session data (but the language chosen, which the key holds; for a signed-in
person also the keys that say who is signed in, `_SIGNED_IN_KEYS`, and the form memories apps declare no
kept page shows, `session_memory_not_shown`; a session holding more, such as an import waiting, is
rendered every time),
no pending message, no htmx fragment, a view that neither writes the session nor adds a message, and
only answers of 200 that set no cookie but the CSRF one. The CSRF token in a kept page's forms (the
language switch, a signed-in person's buttons) is taken out before keeping and the caller's own put back
when serving, so posting those forms keeps working.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.contrib import auth, messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from portal import languages, versions

_PREFIX = "pagecache:v1:"
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_TOKEN_PLACEHOLDER = b"\x00csrf\x00"

NETWORK, SHARED, ALL = "network", "shared", "all"
# The apps whose rows pages show. Sessions, the cache of permissions, allauth's rate-limit rows are none.
_APPS = {"members", "network", "projects", "advocacy", "portal", "account", "guardian", "auth"}
# Saves that change nothing a page shows: signing in stamps last_login.
_QUIET_FIELDS = {"last_login"}
# The session keys that say who is signed in, how and for how long (Django's, its expiry for a login
# not remembered, allauth's record of the login): no page shows them. A session with any other key may
# show it (an import waiting, a form's memory): its pages are rendered.
_SIGNED_IN_KEYS = frozenset({
    auth.SESSION_KEY, auth.BACKEND_SESSION_KEY, auth.HASH_SESSION_KEY, "_session_expiry",
    "account_authentication_methods", "account_authentication_methods_user",
})  # fmt: skip
# Session keys a kept page's key already holds: the language chosen (portal.languages), as get_language().
_IN_THE_KEY = frozenset({languages.SESSION_KEY})
# Key prefixes of apps' session memories that no kept page shows (`session_memory_not_shown`).
_NOT_SHOWN = set()


def _versions(names):
    return [str(value) for value in versions.current_many(names)]


def bump_for(network_id=None):
    """Mark pages stale: that network's (and the cross-network ones), or with no network the pages showing
    rows that belong to none. Inside a transaction each counter is bumped once at its first write and
    again after the commit (portal.versions), so a visitor who read the old rows in between kept them under
    versions that are gone by the time the new rows are visible."""
    versions.bump(*({ALL, f"{NETWORK}:{network_id}"} if network_id else {ALL, SHARED}))


def _inside_a_write():
    """The request runs inside a transaction that has changed rows and not committed yet (a test, or a
    view that writes and then renders): the kept pages do not know its changes, and must not learn them
    before the commit."""
    return versions.changed_here()


def on_change(sender, instance=None, update_fields=None, action=None, **kwargs):
    """post_save, post_delete and m2m_changed receiver for every model (PortalConfig.ready())."""
    if sender._meta.app_label not in _APPS or instance is None:
        return
    if action is not None and not action.startswith("post_"):
        return
    if update_fields and set(update_fields) <= _QUIET_FIELDS:
        return
    if sender._meta.label == settings.PARTNERA_TENANT_MODEL:
        bump_for(instance.pk)
    else:
        bump_for(getattr(instance, "network_id", None))


def _may_keep(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.headers.get("HX-Request") or not getattr(settings, "PAGE_CACHE_SECONDS", 0):
        return False
    if _inside_a_write():
        return False
    session = getattr(request, "session", None)
    if session is not None:
        if request.user.is_authenticated:
            shown = set(session.keys()) - _SIGNED_IN_KEYS - _IN_THE_KEY
            if any(not key.startswith(tuple(_NOT_SHOWN)) for key in shown):
                return False
        elif not session.is_empty() and set(session.keys()) - _IN_THE_KEY:
            return False
    return len(messages.get_messages(request)) == 0


def session_memory_not_shown(prefix):
    """Declare the session keys starting with `prefix` a memory that only a view that is not kept reads (a
    form remembering its last choices), so a session holding one still gets kept pages. Apps call it in
    their AppConfig.ready()."""
    _NOT_SHOWN.add(prefix)


def _caller(request):
    """Whose page this is: every visitor's, or one signed-in person's."""
    return f"user:{request.user.pk}" if request.user.is_authenticated else "visitor"


def _key(request, depends):
    versions = _versions(depends)
    parts = [
        *versions,
        _caller(request),
        request.scheme,  # absolute links (the API's next page) name it
        request.get_host(),
        get_language() or "",
        timezone.localdate().isoformat(),
        request.get_full_path(),
    ]
    return _PREFIX + "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def keep(depends):
    """Keep the view's page, for visitors and for each signed-in person. `depends(request, **kwargs)` names
    the counters it depends on; `network_page` is the one for pages of one network. Put it under the view's
    permission check: a kept page is served to whoever passes it."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            return _kept_or_rendered(
                request, lambda: depends(request, **kwargs), lambda: view(request, *args, **kwargs)
            )

        return wrapped

    return decorator


def _kept_or_rendered(request, depends, render):
    """The kept answer for this caller and address if there is one, else `render()`'s, kept when it may be."""
    if not _may_keep(request):
        return render()
    key = _key(request, depends())
    kept = cache.get(key)
    if kept is not None:
        content, content_type = kept
        if _TOKEN_PLACEHOLDER in content:
            content = content.replace(_TOKEN_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = render()
    if _keepable(response) and not _changed_the_session(request):
        content = _TOKEN.sub(rb"\1" + _TOKEN_PLACEHOLDER + rb"\2", response.content)
        cache.set(key, (content, response["Content-Type"]), timeout=settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
    return response


def _keepable(response):
    if response.status_code != 200 or response.streaming or response.has_header("Cache-Control"):
        return False
    if b' nonce="' in response.content:  # a CSP nonce holds for one answer only (no page uses one today)
        return False
    return set(response.cookies) <= {settings.CSRF_COOKIE_NAME}


def _changed_the_session(request):
    """The view wrote the session or added a message: a page served from the cache would do neither."""
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    return getattr(messages.get_messages(request), "added_new", False)


def network_page(request, **kwargs):
    """A page of one network: its rows and the shared ones."""
    return (f"{NETWORK}:{request.network.pk}", SHARED)


def all_pages(request, **kwargs):
    """A page across networks."""
    return (ALL,)


class KeptList:
    """A DRF viewset's list kept as `keep` keeps a page, per caller (a token's person, a session's, or every
    anonymous caller): `kept_depends` names its counters (default: the network's, `network_page`). The
    caller is known here, after DRF authenticated them and checked permissions and throttles, which a kept
    answer still goes through. Only JSON is kept: the browsable API's HTML holds forms and the user's menu."""

    kept_depends = staticmethod(network_page)

    def list(self, request, *args, **kwargs):
        return self.kept_list(request, lambda: super(KeptList, self).list(request, *args, **kwargs), **kwargs)

    def kept_list(self, request, answer, **kwargs):
        """`answer()` (the list's Response), kept per caller; for a viewset whose own `list` builds its
        answer (it calls this with that, instead of inheriting KeptList.list)."""
        from rest_framework.renderers import JSONRenderer

        renderer = getattr(request, "accepted_renderer", None)
        # Plain JSON only: "application/json; indent=4" renders otherwise under the same key.
        if not isinstance(renderer, JSONRenderer) or request.accepted_media_type != renderer.media_type:
            return answer()

        def render():
            response = answer()
            response.accepted_renderer = request.accepted_renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            return response.render()

        return _kept_or_rendered(request, lambda: self.kept_depends(request, **kwargs), render)
