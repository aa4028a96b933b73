"""The one registry that answers "may this user do X to this object".

Each app keeps its rules in its own `permissions.py`, as `can_<action>(user, obj)` functions decorated
with `@rule`, and imports that module in its AppConfig.ready(), so the rules are registered before the
first request. Views (`ensure`, `ensure_visible`, `network_required`), services (`require`), the API
(`NetworkRulePermission`, after DRF has authenticated the caller) and templates (`{% can %}`) all ask
`check(action, user, obj)`: there is one way to ask, and an unknown action is a programming error.

Rules memoise expensive lookups on the user object with `memo`; a service that changes someone's
organisations or roles calls `forget(user)`.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from portal import tenancy

_RULES = {}
_REASONS = {}

# What a refusal says when its rule gave no reason of its own.
DEFAULT_REASON = _("Your role does not allow this. Ask your network's coordinators or your organisation's admin.")


def rule(function=None, *, reason=None):
    """Register `can_<action>` under `<action>`; two apps defining the same action is an error.

    `@rule(reason=_("Only the network's coordinators manage its members."))` also says why the rule
    refuses: the 403 page shows it (`ensure`), so a refused person learns what they lack.
    """
    if function is None:
        return lambda function: rule(function, reason=reason)
    name = function.__name__
    if not name.startswith("can_"):
        raise ValueError(f"A permission rule is named can_<action>, not {name}")
    action = name.removeprefix("can_")
    if action in _RULES and _RULES[action] is not function:
        raise ValueError(f"Two permission rules named {name}: {_RULES[action].__module__} and {function.__module__}")
    _RULES[action] = function
    if reason is not None:
        _REASONS[action] = reason
    return function


def registered_actions():
    return sorted(_RULES)


def reason(action):
    """Why `action` is refused, in a sentence for the 403 page."""
    return _REASONS.get(action, DEFAULT_REASON)


def check(action, user, obj=None):
    """Look a rule up by name; an unknown name is a programming error, not a silent 'no'."""
    try:
        function = _RULES[action]
    except KeyError:
        raise LookupError(f"No permission rule named can_{action}") from None
    return bool(function(user, obj))


def memo(user, key, compute):
    """Remember `compute()` on the user object for the rest of the request."""
    cache = user.__dict__.setdefault("_partnera_perm_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget(user):
    """Drop the memoised answers after a service changed the user's organisations or roles."""
    user.__dict__.pop("_partnera_perm_cache", None)


# --- for services -----------------------------------------------------------------------------------


def require(action, user, obj=None):
    """For services: refuse with PermissionDenied unless the rule says yes."""
    if not check(action, user, obj):
        raise PermissionDenied


# --- for views --------------------------------------------------------------------------------------


class LoginRequired(Exception):
    """Turned into a redirect to the login page by portal.middleware.LoginRequiredMiddleware."""


class Refused(PermissionDenied):
    """A refusal that explains itself: the 403 page (portal.views.permission_denied) shows `reason`, under
    `title` when given (else "Not allowed"), and a link back (`back_url`, else where the person came from)."""

    def __init__(self, reason, *, title="", back_url="", back_label=""):
        super().__init__(reason)
        self.reason, self.title, self.back_url, self.back_label = reason, title, back_url, back_label


def ensure_visible(request, action, obj):
    """For views reading one object that may be hidden (a private project, a members-only agreement).

    Signed-in people who may not see it get 404, the same answer as for an id that does not exist.
    Visitors are sent to log in whether or not it exists, so a member opening a shared link while
    logged out gets in, and nobody learns what exists. A visitor let in through a door of a tenant they
    may not enter (portal.tenancy.open_door: `request.network_entered` is False) gets 404 too: sending
    them to log in would say that the tenant exists.
    """
    if obj is not None and check(action, request.user, obj):
        return obj
    if not request.user.is_authenticated and getattr(request, "network_entered", True):
        raise LoginRequired
    raise Http404


def ensure(request, action, obj=None):
    """Raise unless allowed; anonymous people are sent to log in instead of a 403, which says why."""
    if check(action, request.user, obj):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise Refused(reason(action))


def network_required(action):
    """View decorator: the view needs `action` on request.network (set by the scope middleware)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            ensure(request, action, request.network)
            return view(request, *args, **kwargs)

        wrapper.required_permission = action
        return wrapper

    return decorator


# --- for the API ------------------------------------------------------------------------------------


class NetworkRulePermission(BasePermission):
    """DRF: decides after DRF has authenticated the caller (session or token alike).

    The scope middleware has only resolved the network and entered its scope; here a caller who may not
    enter it (the tenancy registry's `enter_action`) gets 404, as if it did not exist. Then the viewset's
    rule for the action, from `network_rules` ({"list": "see_members", …}), is asked about the network,
    exactly as the HTML views ask. An action nobody classified is refused, not silently allowed.
    A network that does not exist is 404 here too (the middleware leaves it to us), after authentication:
    a bad token gets 401 whatever the slug. A refused caller who is not authenticated gets 401 with
    `WWW-Authenticate: Token` (DRF, TokenAuthentication first), a signed-in one 403.
    """

    def has_permission(self, request, view):
        network = getattr(request, "network", None)
        if network is None and tenancy.tenant().url_kwarg in view.kwargs:
            raise NotFound  # the URL names a network that does not exist (the middleware left it to us)
        if network is not None and not check(tenancy.enter_action(), request.user, network):
            raise NotFound
        rules = getattr(view, "network_rules", {})
        rule_name = rules.get(view.action) or rules.get("*")
        if rule_name is None:
            return False
        return check(rule_name, request.user, network)
