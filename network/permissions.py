"""Network roles and who may do what in a network; registered into portal.permissions.

A person's network role comes from the active memberships of the organisations they work for; the
highest one counts. Lookups are memoised on the user object, so a page asking many questions costs one
query per network.

Each visibility rule has its predicate (`can_view_x(user, row)`, for one row) and its queryset
(`visible_x(user, …)`, for lists) side by side, built from the same parts, so a list never shows a row
its page would refuse, nor hides one it would show (tests/portal/test_visibility.py holds them equal).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from members.models import Affiliation
from members.permissions import admin_organisation_ids
from network.models import ROLE_RANK, ContentVisibility, Membership, Network, NewsPost, PartnershipAgreement, Role
from portal.permissions import memo, rule


def network_role(user, network):
    """The user's role in the network ('coordinator', 'member', 'observer') or None."""
    if not user.is_authenticated:
        return None

    def compute():
        # Asked from pages of other networks too (the home page, an organisation's profile).
        with scope(network=network):
            # The user's organisations as a subquery on affiliations: `organisation__affiliations__user`
            # would join members_organisation as well, on every permission check.
            roles = Membership.objects.filter(
                network=network,
                status=Membership.Status.ACTIVE,
                organisation_id__in=Affiliation.objects.filter(user=user).values("organisation_id"),
            ).values_list("role", flat=True)
            return max(roles, key=lambda r: ROLE_RANK[r], default=None)

    return memo(user, ("role", network.pk), compute)


def has_role(user, network, minimum):
    """The user holds `minimum` or a higher role in the network."""
    role = network_role(user, network)
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[minimum]


# --- networks -------------------------------------------------------------------------------------


@rule
def can_view_network(user, network):
    """The public page: anyone for public networks, members (any role) and staff for private ones."""
    return network.is_public or user.is_staff or network_role(user, network) is not None


def visible_networks(user):
    """can_view_network as a queryset (the directory): public networks, the private ones the user's
    organisations are active members of (any role), and every network for staff."""
    if user.is_staff:
        return Network.objects.all()
    visible = Q(visibility=Network.Visibility.PUBLIC)
    if user.is_authenticated:
        mine = Network.objects.filter(
            memberships__status=Membership.Status.ACTIVE, memberships__organisation__affiliations__user=user
        ).values("pk")
        visible |= Q(pk__in=mine)
    return Network.objects.filter(visible)


@rule(reason=_("The workspace is for the organisations that are members of this network."))
def can_enter_workspace(user, network):
    return user.is_staff or network_role(user, network) is not None


@rule
def can_see_members(user, network):
    return network.show_members or can_enter_workspace(user, network)


@rule(reason=_("Only the network's coordinators approve requests, invite and manage members."))
def can_manage_members(user, network):
    """Approve, decline, suspend, change roles, invite."""
    return has_role(user, network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators edit its profile."))
def can_edit_network(user, network):
    return has_role(user, network, Role.COORDINATOR)


@rule(reason=_("Organisations ask to join public networks; a private network invites its members."))
def can_request_to_join(user, network):
    """Any organisation admin may ask to join a network they can see (private networks invite only)."""
    return user.is_authenticated and network.is_public and bool(admin_organisation_ids(user))


@rule(reason=_("A network is founded by an organisation: add yours first, then found the network."))
def can_create_network(user, _obj=None):
    return user.is_authenticated and bool(admin_organisation_ids(user))


# --- memberships ----------------------------------------------------------------------------------


@rule
def can_act_on_own_membership(user, network):
    """Withdraw or leave: the user administers an organisation with an open membership in the network.

    Asked about networks the user may not see (a request waiting in a network made private since, a
    suspension in a private one): the scope middleware admits the withdraw and leave views on it, so an
    organisation is never stuck in a network it cannot reach. Which membership is the view's question.
    """
    organisations = admin_organisation_ids(user)
    if not organisations:
        return False

    def compute():
        with scope(network=network):
            return Membership.objects.filter(
                network=network, organisation_id__in=organisations, status__in=Membership.OPEN_STATUSES
            ).exists()

    return memo(user, ("own_membership", network.pk), compute)


@rule(reason=_("Only an admin of the organisation can take it out of the network."))
def can_leave_membership(user, membership):
    return membership.organisation_id in admin_organisation_ids(user)


@rule(reason=_("Only an admin of the organisation can withdraw its request."))
def can_withdraw_membership(user, membership):
    return membership.organisation_id in admin_organisation_ids(user)


# --- partnership agreements and news --------------------------------------------------------------
# Both have their own visibility (public / members only) inside a network the user may already see.
# "Members" means anyone holding a role in the network (coordinator, member, observer), and staff.


def may_read_item(user, item):
    return can_view_network(user, item.network) and (item.is_public or can_enter_workspace(user, item.network))


def _visible_items(model, user, network):
    """may_read_item as a queryset of the network's agreements or news posts."""
    items = model.objects.filter(network=network)
    if not can_view_network(user, network):
        return items.none()
    if not can_see_private_items(user, network):
        items = items.filter(visibility=ContentVisibility.PUBLIC)
    return items


@rule(reason=_("Only the network's coordinators record partnership agreements."))
def can_manage_agreements(user, network):
    """Record new partnership agreements in the network."""
    return has_role(user, network, Role.COORDINATOR)


@rule
def can_view_agreement(user, agreement):
    return may_read_item(user, agreement)


def visible_agreements(user, network):
    """can_view_agreement as a queryset of the network's agreements."""
    return _visible_items(PartnershipAgreement, user, network)


@rule(reason=_("Only the network's coordinators edit partnership agreements."))
def can_edit_agreement(user, agreement):
    return has_role(user, agreement.network, Role.COORDINATOR)


@rule(reason=_("Only the network's coordinators write its news."))
def can_manage_news(user, network):
    """Write news posts for the network page."""
    return has_role(user, network, Role.COORDINATOR)


@rule
def can_view_news_post(user, post):
    return may_read_item(user, post)


def visible_news_posts(user, network):
    """can_view_news_post as a queryset of the network's news posts."""
    return _visible_items(NewsPost, user, network)


@rule(reason=_("Only the network's coordinators edit its news."))
def can_edit_news_post(user, post):
    return has_role(user, post.network, Role.COORDINATOR)


@rule
def can_see_private_items(user, network):
    """Members-only agreements and news appear in this user's lists."""
    return can_enter_workspace(user, network)


# --- the audit log --------------------------------------------------------------------------------


@rule(reason=_("The audit log is for the network's coordinators."))
def can_view_audit_log(user, network):
    """Who did what in the network: its coordinators, and staff (support reads it to answer questions)."""
    return user.is_staff or has_role(user, network, Role.COORDINATOR)
