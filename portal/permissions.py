"""The one place that answers "may this user do X to this object".

Views, API views and templates all ask here (templates through `{% can "action" obj as x %}`).
Each rule is a `can_<action>(user, obj)` function. A person's network role comes from the active
memberships of the organisations they work for; the highest one counts. Lookups are memoised on the
user object, so a page asking many questions costs one query per network.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django_scopes import scope
from rest_framework.permissions import BasePermission

from network.models import ROLE_RANK, Membership, Role


def _memo(user, key, compute):
    cache = user.__dict__.setdefault("_partnera_perm_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget(user):
    """Drop the memoised answers after a service changed the user's organisations or roles."""
    user.__dict__.pop("_partnera_perm_cache", None)


def network_role(user, network):
    """The user's role in the network ('coordinator', 'member', 'observer') or None."""
    if not user.is_authenticated:
        return None

    def compute():
        with scope(network=network):
            roles = Membership.objects.filter(
                network=network,
                status=Membership.Status.ACTIVE,
                organisation__affiliations__user=user,
            ).values_list("role", flat=True)
            return max(roles, key=lambda r: ROLE_RANK[r], default=None)

    return _memo(user, ("role", network.pk), compute)


def admin_organisation_ids(user):
    """Ids of the organisations this user administers."""
    if not user.is_authenticated:
        return frozenset()
    return _memo(
        user,
        ("org_admin",),
        lambda: frozenset(user.affiliations.filter(is_admin=True).values_list("organisation_id", flat=True)),
    )


def organisation_ids(user):
    if not user.is_authenticated:
        return frozenset()
    return _memo(user, ("org",), lambda: frozenset(user.affiliations.values_list("organisation_id", flat=True)))


def _has_role(user, network, minimum):
    role = network_role(user, network)
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[minimum]


# --- networks -------------------------------------------------------------------------------------


def can_view_network(user, network):
    """The public page: anyone for public networks, members (any role) and staff for private ones."""
    return network.is_public or user.is_staff or network_role(user, network) is not None


def can_enter_workspace(user, network):
    return user.is_staff or network_role(user, network) is not None


def can_see_members(user, network):
    return network.show_members or can_enter_workspace(user, network)


def can_manage_members(user, network):
    """Approve, decline, suspend, change roles, invite."""
    return _has_role(user, network, Role.COORDINATOR)


def can_edit_network(user, network):
    return _has_role(user, network, Role.COORDINATOR)


def can_request_to_join(user, network):
    """Any organisation admin may ask to join a network they can see (private networks invite only)."""
    return user.is_authenticated and network.is_public and bool(admin_organisation_ids(user))


def can_create_network(user, _obj=None):
    return user.is_authenticated and bool(admin_organisation_ids(user))


# --- memberships ----------------------------------------------------------------------------------


def can_leave_membership(user, membership):
    return membership.organisation_id in admin_organisation_ids(user)


def can_withdraw_membership(user, membership):
    return membership.organisation_id in admin_organisation_ids(user)


# --- organisations --------------------------------------------------------------------------------


def can_manage_organisation(user, organisation):
    """Edit the profile, invite and remove colleagues, request memberships."""
    return organisation.pk in admin_organisation_ids(user)


def can_create_organisation(user, _obj=None):
    return user.is_authenticated


# --- projects -------------------------------------------------------------------------------------


def can_view_project(user, project):
    """Public projects: whoever can see the network. Private ones: the network's members (any role),
    staff, and people granted `view_project` on that project (donors, through django-guardian)."""
    if project.is_public and can_view_network(user, project.network):
        return True
    if user.is_staff or network_role(user, project.network) is not None:
        return True
    return user.is_authenticated and user.has_perm("projects.view_project", project)


def can_see_private_projects(user, network):
    """List the network's private projects (the network page, the project list)."""
    return user.is_staff or network_role(user, network) is not None


def can_create_project(user, network):
    return _has_role(user, network, Role.COORDINATOR)


def can_edit_project(user, project):
    """Facts, partners and the whole logframe: the network's coordinators."""
    return _has_role(user, project.network, Role.COORDINATOR)


def check(action, user, obj=None):
    """Look a rule up by name; an unknown name is a programming error, not a silent 'no'."""
    rule = globals().get(f"can_{action}")
    if rule is None:
        raise LookupError(f"No permission rule named can_{action}")
    return bool(rule(user, obj))


# --- for views ------------------------------------------------------------------------------------


def require(allowed):
    """For services: refuse with PermissionDenied unless a rule above said yes."""
    if not allowed:
        raise PermissionDenied


def ensure_visible(request, action, obj):
    """For views reading one object that may be hidden (a private project, a members-only agreement).

    Signed-in people who may not see it get 404, the same answer as for an id that does not exist.
    Visitors are sent to log in whether or not it exists, so a member opening a shared link while
    logged out gets in, and nobody learns what exists.
    """
    if obj is not None and check(action, request.user, obj):
        return obj
    if not request.user.is_authenticated:
        raise LoginRequired
    raise Http404


def ensure(request, action, obj=None):
    """Raise unless allowed; anonymous people are sent to log in instead of a bare 403."""
    if check(action, request.user, obj):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise PermissionDenied


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


class LoginRequired(Exception):
    """Turned into a redirect to the login page by portal.middleware.LoginRequiredMiddleware."""


class NetworkRulePermission(BasePermission):
    """DRF: a viewset names its rule per action in `network_rules` ({"list": "see_members", …});
    the rule is asked about request.network, exactly as the HTML views ask."""

    def has_permission(self, request, view):
        rules = getattr(view, "network_rules", {})
        rule = rules.get(view.action) or rules.get("*")
        if rule is None:
            return False  # an action nobody classified is refused, not silently allowed
        return check(rule, request.user, request.network)


# --- partnership agreements and news --------------------------------------------------------------
# Both have their own visibility (public / members only) inside a network the user may already see.
# "Members" means anyone holding a role in the network (coordinator, member, observer), and staff.


def _may_read_item(user, item):
    return can_view_network(user, item.network) and (item.is_public or can_enter_workspace(user, item.network))


def can_manage_agreements(user, network):
    """Record new partnership agreements in the network."""
    return _has_role(user, network, Role.COORDINATOR)


def can_view_agreement(user, agreement):
    return _may_read_item(user, agreement)


def can_edit_agreement(user, agreement):
    return _has_role(user, agreement.network, Role.COORDINATOR)


def can_manage_news(user, network):
    """Write news posts for the network page."""
    return _has_role(user, network, Role.COORDINATOR)


def can_view_news_post(user, post):
    return _may_read_item(user, post)


def can_edit_news_post(user, post):
    return _has_role(user, post.network, Role.COORDINATOR)


def can_see_private_items(user, network):
    """Members-only agreements and news appear in this user's lists."""
    return can_enter_workspace(user, network)
