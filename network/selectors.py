"""Reads for networks and memberships that are more than a get. Each names the network it reads."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django_scopes import scopes_disabled

from members.models import Affiliation, Organisation
from members.verification import verification_prefetch
from network.models import (
    AgreementParty,
    AgreementSignatory,
    Invitation,
    Membership,
    Network,
    NetworkObjective,
    NewsPost,
    PartnershipAgreement,
    Role,
)
from network.permissions import visible_agreements, visible_networks, visible_news_posts


def networks_directory(*, user):
    """The networks this user may see (network.permissions.visible_networks), by name. Without their
    member counts: counting every membership of the platform for each page (and again for the
    paginator's total) grew with the platform; with_member_counts counts a page's networks only."""
    return visible_networks(user).order_by("name", "pk")  # pk: pages never share or skip a same-named network


def with_member_counts(networks):
    """Sets `member_count` (active memberships) on each of these networks (a page of them): one query,
    counting only their memberships. Returns them as a list."""
    networks = list(networks)
    counts = dict(
        Network.objects.filter(pk__in=[n.pk for n in networks])
        .annotate(active=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)))
        .values_list("pk", "active")
    )
    for network in networks:
        network.member_count = counts.get(network.pk, 0)
    return networks


def network_objectives(*, network):
    return NetworkObjective.objects.filter(network=network)


def network_members(*, network, search="", role=""):
    """Active memberships with their organisations, coordinators first (see filter_members)."""
    members = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).select_related("organisation")
    return filter_members(members, search=search, role=role).order_by("role", "organisation__name", "pk")


def network_workspace_members(*, network, search="", role="", status=""):
    """Active and suspended members (see filter_members), coordinators first. Without the people of each
    organisation: the workspace adds them to its page of rows (with_people)."""
    members = Membership.objects.filter(
        network=network, status__in=[Membership.Status.ACTIVE, Membership.Status.SUSPENDED]
    ).select_related("organisation")
    return filter_members(members, search=search, role=role, status=status).order_by(
        "role", "organisation__name", "pk"
    )  # pk: pages never share or skip a member of the same name


def filter_members(memberships, *, search="", role="", status=""):
    """Memberships whose organisation's name or acronym contains `search`, of that role and status
    (blank: any)."""
    if search:
        memberships = memberships.filter(
            Q(organisation__name__icontains=search) | Q(organisation__acronym__icontains=search)
        )
    if role:
        memberships = memberships.filter(role=role)
    if status:
        memberships = memberships.filter(status=status)
    return memberships


def with_people(memberships):
    """The memberships (a page of them) with the people of each organisation loaded: one query."""
    people = Prefetch("organisation__affiliations", queryset=Affiliation.objects.select_related("user").order_by("pk"))
    memberships = list(memberships)
    prefetch_related_objects(memberships, people)
    return memberships


def pending_requests(*, network):
    return (
        Membership.objects.filter(network=network, status=Membership.Status.REQUESTED)
        .select_related("organisation", "requested_by")
        .prefetch_related(verification_prefetch("organisation__affiliations"))  # the mark on each request
        .order_by("requested_at")
    )


def open_invitations(*, network):
    return Invitation.objects.filter(network=network, accepted_at=None, revoked_at=None).select_related("invited_by")


def invitations_sent_by(*, user, since):
    """How many network invitations this person created since then, in every network.

    Crosses networks on purpose, with the scope off: the hourly limit is the person's, wherever they
    coordinate (else founding networks multiplies it), and only the count of their own rows comes back.
    """
    with scopes_disabled():
        return Invitation.objects.filter(invited_by=user, created_at__gte=since).count()


def invitations_created_in(*, network, since):
    return Invitation.objects.filter(network=network, created_at__gte=since).count()


def networks_founded_by(*, user, since):
    return Network.objects.filter(created_by=user, created_at__gte=since).count()


def invitation_message(invitation):
    """The personal message the invitee may read: only from an account old enough to be trusted.

    Every invitation mail comes from the portal's own address, so a fresh account's free text there is
    a phishing relay. The row keeps the message; the mail and the invitation page leave it out, without
    a hint, until the inviting account is INVITATION_MESSAGE_TRUST_DAYS old (counted from when it was
    created to when the invitation was).
    """
    inviter = invitation.invited_by
    trusted_since = invitation.created_at - timedelta(days=settings.INVITATION_MESSAGE_TRUST_DAYS)
    if inviter is None or inviter.date_joined > trusted_since:
        return ""
    return invitation.message


def memberships_of_organisations(*, network, organisation_ids):
    return (
        Membership.objects.filter(network=network, organisation_id__in=organisation_ids)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )


def home_for_user(*, user):
    """The signed-in home page: the user's organisations and their memberships in every network.

    This one read crosses networks on purpose: it lists only rows of the user's own organisations, and, for
    the networks one of them coordinates, how many join requests wait there (a count, no rows). It lists
    no invitations: found by the user's address, they would hand their links to whoever holds the address
    (issue 7); an invitation is reached through the link in its mail only.
    """
    affiliations = list(user.affiliations.select_related("organisation").order_by("organisation__name", "pk"))
    with scopes_disabled():
        memberships = list(
            Membership.objects.filter(organisation__affiliations__user=user)
            .exclude(status__in=[Membership.Status.WITHDRAWN])
            .select_related("network", "organisation")
            .order_by("network__name")
            .distinct()
        )
    # A request waiting in a network made private since, or a suspension in a private one: the row stays
    # (with its withdraw or leave button), but the network's pages are a 404 to this user, so no link.
    network_ids = {membership.network_id for membership in memberships}
    visible = (
        set(visible_networks(user).filter(pk__in=network_ids).values_list("pk", flat=True)) if network_ids else set()
    )
    # Coordinators: the join requests waiting in the networks they coordinate, one count per network.
    coordinated = {
        m.network_id: m.network
        for m in memberships
        if m.status == Membership.Status.ACTIVE and m.role == Role.COORDINATOR
    }
    waiting = []
    if coordinated:
        with scopes_disabled():
            counts = dict(
                Membership.objects.filter(network_id__in=coordinated, status=Membership.Status.REQUESTED)
                .order_by()
                .values("network_id")
                .annotate(n=Count("pk"))
                .values_list("network_id", "n")
            )
        waiting = [(coordinated[pk], counts[pk]) for pk in sorted(counts, key=lambda pk: coordinated[pk].name)]
    return {
        "affiliations": affiliations,
        "memberships": memberships,
        "visible_network_ids": visible,
        "waiting_requests": waiting,
    }


def pending_request_count(*, network):
    """How many join requests wait in the network (the count on the coordinators' tab): one query."""
    return Membership.objects.filter(network=network, status=Membership.Status.REQUESTED).count()


# --- partnership agreements and news ----------------------------------------------------------------


def agreements_for_user(*, network, user):
    """The agreements this user may read in the network (members also see members-only ones), newest
    first, with their parties' organisations for the list page."""
    parties = Prefetch("parties", queryset=AgreementParty.objects.select_related("organisation"))
    return visible_agreements(user, network).prefetch_related(parties)


def agreement_for_page(*, network, agreement_id):
    """One agreement with everything its page shows, or None."""
    return (
        PartnershipAgreement.objects.filter(network=network, pk=agreement_id)
        .select_related("network")
        .prefetch_related(
            Prefetch("parties", queryset=AgreementParty.objects.select_related("organisation")),
            Prefetch("signatories", queryset=AgreementSignatory.objects.select_related("organisation")),
            "areas",
        )
        .first()
    )


def agreement_titled(*, network, title):
    """The network's agreement whose title is `title` in its original language, or None (the import and
    the demo loader find an agreement again by it).

    Compared in Python: the original may be in any language key of the JSON, and a network has a few
    dozen agreements at most; the titles alone are read.
    """
    return _titled(PartnershipAgreement.objects.filter(network=network), title)


def news_post_titled(*, network, title, published_on):
    """The network's news post of that day whose original title is `title`, or None."""
    return _titled(NewsPost.objects.filter(network=network, published_on=published_on), title)


def _titled(queryset, title):
    title = (title or "").strip()
    return next((row for row in queryset.only("pk", "title") if title and row.title.original == title), None)


def news_for_user(*, network, user):
    """The news posts this user may read in the network, newest first, with the agreement they link to."""
    return visible_news_posts(user, network).select_related("agreement")


def news_post_for_page(*, network, post_id):
    """One news post with its network and agreement, or None."""
    return NewsPost.objects.filter(network=network, pk=post_id).select_related("network", "agreement").first()


def agreement_party_organisations(*, network, agreement=None):
    """Organisations that may be chosen as parties (and as whom signatories signed for): the network's
    members (active, requested or suspended) and whoever is already a party to the agreement."""
    members = Membership.objects.filter(network=network, status__in=Membership.OPEN_STATUSES)
    chosen = Q(pk__in=members.values("organisation_id"))
    if agreement is not None and agreement.pk:
        chosen |= Q(pk__in=AgreementParty.objects.filter(agreement=agreement).values("organisation_id"))
    return Organisation.objects.filter(chosen).order_by("name")


def party_roles_in_use(*, network):
    """Roles typed for earlier agreements in this network, offered as suggestions next to the defaults."""
    roles = AgreementParty.objects.filter(network=network).exclude(role="").values_list("role", flat=True)
    return sorted(set(roles))


def _due_for_reminder(*, today, thresholds):
    """Agreements ending between today and the widest threshold whose reminder for a threshold they have
    reached has not gone out yet. `thresholds` pairs days with the marker field: ((60, "reminded_60_at"), …)."""
    pending = Q()
    for days, marker in thresholds:
        pending |= Q(valid_until__lte=today + timedelta(days=days), **{marker: None})
    widest = max(days for days, _marker in thresholds)
    return Q(valid_until__gte=today, valid_until__lte=today + timedelta(days=widest)) & pending


def agreements_due_for_reminder(*, network, today, thresholds):
    """This network's agreements due for an expiry reminder, soonest ending first."""
    return PartnershipAgreement.objects.filter(
        _due_for_reminder(today=today, thresholds=thresholds), network=network
    ).order_by("valid_until", "pk")


def networks_with_agreements_due(*, today, thresholds):
    """Ids of every network with an agreement due for an expiry reminder.

    The one read here that crosses networks, on purpose: the daily sweep only learns which networks have
    work, and each network's work then runs inside its own scope.
    """
    with scopes_disabled():
        return list(
            PartnershipAgreement.objects.filter(_due_for_reminder(today=today, thresholds=thresholds))
            .order_by("network_id")
            .values_list("network_id", flat=True)
            .distinct()
        )


def latest_agreements_and_news(*, network, user, limit=5):
    """For the network page: the newest agreements (without their parties) and news posts this user may
    read, as the context of templates/network/_agreements_news.html. Two queries."""
    agreements = agreements_for_user(network=network, user=user).prefetch_related(None)
    return {
        "latest_agreements": list(agreements[:limit]),
        "latest_news": list(news_for_user(network=network, user=user).select_related(None)[:limit]),
    }


# An agreement ending within this many days shows under "What is new" in the workspace.
EXPIRING_WITHIN_DAYS = 90


def workspace_whats_new(*, network, user, today, limit=3):
    """For the workspace: the latest news posts this user may read, and the agreements ending soon (between
    today and EXPIRING_WITHIN_DAYS from now), soonest first. Two queries, whatever the network's size."""
    ending = visible_agreements(user, network).filter(
        valid_until__gte=today, valid_until__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS)
    )
    return {
        "latest_news": list(news_for_user(network=network, user=user).select_related(None)[:limit]),
        "expiring_agreements": list(ending.order_by("valid_until", "pk")[:limit]),
    }


def agreement_choices(*, network):
    """The agreements a news post may be about (every one of the network's, for its coordinators)."""
    return PartnershipAgreement.objects.filter(network=network).only("pk", "title", "signed_on")


def organisation_public_memberships(*, organisation):
    """The organisation's active memberships in public networks.

    Crosses networks on purpose, with the scope off: it returns only what those public networks
    already show to every visitor, never a private network's rows.
    """
    with scopes_disabled():
        return list(
            Membership.objects.filter(
                organisation=organisation,
                status=Membership.Status.ACTIVE,
                network__visibility=Network.Visibility.PUBLIC,
            )
            .select_related("network")
            .order_by("network__name", "pk")
        )
