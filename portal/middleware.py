"""Resolve `/networks/<slug>/…` (and `/api/v1/networks/<slug>/…`) to request.network, inside its scope."""

from django.contrib.auth.views import redirect_to_login
from django.db import OperationalError
from django.http import Http404, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_scopes import scope, scopes_disabled

from portal import languages, permissions, tenancy


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with the person's choice first (portal.languages.request_language): the
    profile's language, the session's, the cookie's, then Accept-Language. After AuthenticationMiddleware,
    which it needs for the profile. No URL carries a language (no i18n_patterns), so only the response
    side (Content-Language, Vary: Accept-Language) is Django's."""

    def process_request(self, request):
        translation.activate(languages.request_language(request))
        request.LANGUAGE_CODE = translation.get_language()


class NetworkScopeMiddleware:
    """Every request for a network's URL runs inside `scope(network=…)`.

    Pages: a network the user may not see answers 404, exactly like one that does not exist. The API:
    the middleware only resolves and scopes, because DRF authenticates token callers after middleware
    has run; portal.permissions.NetworkRulePermission decides once it knows who is calling (pretix's
    split). Requests that name no network run without a scope, so any tenant-owned query there raises
    instead of leaking; only the Django admin (staff) runs with scopes disabled.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.network = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if "admin" in match.namespaces:
            with scopes_disabled():
                return self.get_response(request)
        tenant = tenancy.tenant()
        slug = match.kwargs.get(tenant.url_kwarg)
        if slug is None:
            return self.get_response(request)
        network = tenant.load(slug)
        if "api" in match.namespaces and network is None:
            # The API's NetworkRulePermission answers 404 after authentication, so a bad token gets the same
            # 401 for a network that does not exist as for one that does, and the 404 is the API's JSON.
            return self.get_response(request)
        if network is None:
            raise Http404("No such network.")
        # The API decides after its own authentication (a token is not read yet here): no check for it.
        page = "api" not in match.namespaces
        entered = page and permissions.check(tenant.enter_action, request.user, network)
        if page and not (entered or _admitted(request, match, tenant, network)):
            raise Http404("No such network.")
        request.network = network
        # False for someone let in through a door only (tenancy.open_door): pages then name the network
        # without linking to its pages or its logo, which would answer them 404.
        request.network_entered = entered
        with scope(**{tenant.scope_name: network}):
            return self.get_response(request)


def _admitted(request, match, tenant, network):
    """For a user who may not see the network: a GET of a door (tenancy.open_door), or one of its exits: a
    POST to a view the tenant names, with that exit's permission (an organisation stuck with a request or a
    suspension in a network it may not see can still withdraw or leave). Every other page, and a GET of an
    exit, stays a 404."""
    if request.method in ("GET", "HEAD") and tenancy.is_door(match.view_name):
        return True  # the view checks its object and answers 404 itself (tenancy.open_door)
    exit_action = tenant.exits.get(match.view_name)
    return (
        request.method == "POST" and exit_action is not None and permissions.check(exit_action, request.user, network)
    )


class LoginRequiredMiddleware:
    """Turns permissions.LoginRequired into a redirect to the login page with ?next=."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, permissions.LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None


BUSY = _("Someone else was changing this at the same time. Nothing was saved; try again in a moment.")


class DatabaseBusyMiddleware:
    """SQLite only: a request that waited `timeout` seconds for another writer answers 503, not 500.

    With transaction_mode IMMEDIATE (portal/settings.py) the wait happens at BEGIN, before anything is
    read or written, so nothing was saved and trying again is safe. One place for every view and the
    API, rather than a try/except around each service call. PostgreSQL waits for row locks without a
    timeout and never raises this message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and "database is locked" in str(exception):
            if request.path_info.startswith("/api/"):
                response = JsonResponse({"detail": BUSY}, status=503)
            else:
                response = render(request, "busy.html", {"message": BUSY}, status=503)
            response["Retry-After"] = "5"
            return response
        return None
