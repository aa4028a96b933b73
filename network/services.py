"""Every write to networks, memberships, invitations, partnership agreements and news.

Each service checks permission through portal.permissions, validates, writes inside one transaction
and queues its e-mail after commit, so a rolled-back change never sends a message.
"""

from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django_scopes import scope

from members.models import Organisation
from network import selectors, tasks
from network.models import (
    AgreementArea,
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
from portal import permissions
from portal.slugs import unique_slug

NETWORK_FIELDS = (
    "name", "acronym", "slug", "countries", "description", "founding_statement", "founded_on",
    "founded_in", "visibility", "show_members", "colour", "languages",
)  # fmt: skip



def _after_commit(task, membership_or_invitation, **kwargs):
    network_id = membership_or_invitation.network_id
    transaction.on_commit(lambda: task.delay(network_id=network_id, **kwargs))


def _unique_slug(text):
    return unique_slug(text, taken=lambda slug: Network.objects.filter(slug=slug).exists(), fallback="network")


def _set_objectives(network, objectives, tasks_):
    NetworkObjective.objects.filter(network=network).delete()
    rows = [(NetworkObjective.Kind.OBJECTIVE, text) for text in objectives]
    rows += [(NetworkObjective.Kind.TASK, text) for text in tasks_]
    NetworkObjective.objects.bulk_create(
        NetworkObjective(network=network, kind=kind, position=i, text=text.strip())
        for i, (kind, text) in enumerate(rows)
        if text.strip()
    )


@transaction.atomic
def network_create(*, data, organisation, acting_user, objectives=(), tasks_=()):
    """Found a network; the founding organisation becomes its first coordinator."""
    permissions.require(permissions.can_manage_organisation(acting_user, organisation))
    values = {k: v for k, v in data.items() if k in NETWORK_FIELDS}
    values["slug"] = values.get("slug") or _unique_slug(values.get("acronym") or values.get("name", ""))
    network = Network(**values)
    network.full_clean()
    network.save()
    with scope(network=network):
        _set_objectives(network, objectives, tasks_)
        Membership.objects.create(
            network=network,
            organisation=organisation,
            status=Membership.Status.ACTIVE,
            role=Role.COORDINATOR,
            requested_by=acting_user,
            decided_by=acting_user,
            decided_at=timezone.now(),
            joined_at=timezone.now(),
        )
    permissions.forget(acting_user)
    return network


@transaction.atomic
def network_update(*, network, data, acting_user, objectives=None, tasks_=None):
    permissions.require(permissions.can_edit_network(acting_user, network))
    for key, value in data.items():
        if key in NETWORK_FIELDS:
            setattr(network, key, value)
    network.full_clean()
    network.save()
    if objectives is not None or tasks_ is not None:
        with scope(network=network):
            _set_objectives(network, objectives or (), tasks_ or ())
    return network


def _open_membership(network, organisation):
    return Membership.objects.filter(
        network=network, organisation=organisation, status__in=Membership.OPEN_STATUSES
    ).first()


def _explain_open(membership):
    return {
        Membership.Status.REQUESTED: _("%(org)s has already asked to join; the coordinators will answer soon."),
        Membership.Status.ACTIVE: _("%(org)s is already a member of this network."),
        Membership.Status.SUSPENDED: _("%(org)s is suspended in this network; contact the coordinators."),
    }[membership.status] % {"org": membership.organisation}


@transaction.atomic
def membership_request(*, network, organisation, acting_user, message=""):
    """An organisation admin asks to join; the coordinators get an e-mail."""
    permissions.require(permissions.can_request_to_join(acting_user, network))
    permissions.require(permissions.can_manage_organisation(acting_user, organisation))
    existing = _open_membership(network, organisation)
    if existing:
        raise ValidationError(_explain_open(existing))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                network=network,
                organisation=organisation,
                message=message.strip(),
                requested_by=acting_user,
            )
    except IntegrityError as exc:  # a concurrent request won the race
        raise ValidationError(_("%(org)s has already asked to join.") % {"org": organisation}) from exc
    _after_commit(tasks.notify_join_request, membership, membership_id=membership.pk)
    return membership


def _lock(membership):
    return Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)


def _require_status(membership, *expected):
    if membership.status in expected:
        return
    messages = {
        Membership.Status.WITHDRAWN: _("This request was withdrawn by %(org)s."),
        Membership.Status.DECLINED: _("This request has already been declined."),
        Membership.Status.ACTIVE: _("%(org)s is already an active member."),
        Membership.Status.LEFT: _("%(org)s has left the network."),
        Membership.Status.SUSPENDED: _("%(org)s is suspended."),
        Membership.Status.REQUESTED: _("%(org)s's request has not been answered yet."),
    }
    raise ValidationError(messages[membership.status] % {"org": membership.organisation})


@transaction.atomic
def membership_approve(*, membership, acting_user, role=Role.MEMBER):
    permissions.require(permissions.can_manage_members(acting_user, membership.network))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    now = timezone.now()
    membership.status, membership.role = Membership.Status.ACTIVE, role
    membership.decided_by, membership.decided_at, membership.joined_at = acting_user, now, now
    membership.save()
    _after_commit(tasks.notify_membership_decision, membership, membership_id=membership.pk)
    return membership


@transaction.atomic
def membership_decline(*, membership, acting_user, reason):
    permissions.require(permissions.can_manage_members(acting_user, membership.network))
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the organisation why, so it can ask again if it makes sense.")})
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    membership.status = Membership.Status.DECLINED
    membership.decision_reason = reason.strip()
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    _after_commit(tasks.notify_membership_decision, membership, membership_id=membership.pk)
    return membership


@transaction.atomic
def membership_withdraw(*, membership, acting_user):
    permissions.require(permissions.can_withdraw_membership(acting_user, membership))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    membership.status, membership.ended_at = Membership.Status.WITHDRAWN, timezone.now()
    membership.save()
    return membership


def _ensure_other_coordinator(membership):
    others = Membership.objects.filter(
        network=membership.network, status=Membership.Status.ACTIVE, role=Role.COORDINATOR
    ).exclude(pk=membership.pk)
    if membership.role == Role.COORDINATOR and not others.exists():
        raise ValidationError(
            _("%(org)s is the network's only coordinator. Make another organisation coordinator first.")
            % {"org": membership.organisation}
        )


@transaction.atomic
def membership_leave(*, membership, acting_user):
    permissions.require(permissions.can_leave_membership(acting_user, membership))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE, Membership.Status.SUSPENDED)
    _ensure_other_coordinator(membership)
    membership.status, membership.ended_at = Membership.Status.LEFT, timezone.now()
    membership.save()
    permissions.forget(acting_user)
    return membership


@transaction.atomic
def membership_suspend(*, membership, acting_user, reason=""):
    permissions.require(permissions.can_manage_members(acting_user, membership.network))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE)
    _ensure_other_coordinator(membership)
    membership.status, membership.decision_reason = Membership.Status.SUSPENDED, reason.strip()
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    return membership


@transaction.atomic
def membership_reinstate(*, membership, acting_user):
    permissions.require(permissions.can_manage_members(acting_user, membership.network))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.SUSPENDED)
    membership.status = Membership.Status.ACTIVE
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    return membership


@transaction.atomic
def membership_change_role(*, membership, role, acting_user):
    """Coordinators promote and demote; the network always keeps one active coordinator."""
    permissions.require(permissions.can_manage_members(acting_user, membership.network))
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE)
    if role != Role.COORDINATOR:
        _ensure_other_coordinator(membership)
    membership.role = role
    membership.save()
    permissions.forget(acting_user)
    return membership


def _valid_email(email):
    """The form checks the address too; the service must not queue mail to "not an address" from elsewhere."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": error.messages}) from error
    return email


@transaction.atomic
def invitation_create(*, network, email, role, acting_user, organisation_name="", message=""):
    """Invite an organisation by a person's e-mail; the link lets them sign up and land in the network."""
    permissions.require(permissions.can_manage_members(acting_user, network))
    email = _valid_email(email)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if Invitation.objects.filter(
        network=network, email__iexact=email, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError({"email": _("An invitation to this address is already waiting.")})
    invitation = Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        organisation_name=organisation_name.strip(),
        message=message.strip(),
        invited_by=acting_user,
    )
    _after_commit(tasks.send_invitation, invitation, invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation, acting_user):
    permissions.require(permissions.can_manage_members(acting_user, invitation.network))
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_accept(*, invitation, acting_user, organisation=None, new_organisation=None):
    """Accept for an organisation the user administers, or for a new one created on the spot."""
    from members.services import invitation_ensure_acceptable, organisation_create

    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_ensure_acceptable(invitation=invitation, acting_user=acting_user, ask_whom=_("the coordinators"))
    if organisation is None:
        if not new_organisation:
            raise ValidationError(_("Choose your organisation or describe a new one."))
        organisation = organisation_create(data=new_organisation, acting_user=acting_user)
    permissions.require(permissions.can_manage_organisation(acting_user, organisation))
    existing = _open_membership(invitation.network, organisation)
    now = timezone.now()
    if existing and existing.status != Membership.Status.REQUESTED:
        raise ValidationError(_explain_open(existing))
    membership = existing or Membership(network=invitation.network, organisation=organisation)
    membership.status, membership.role = Membership.Status.ACTIVE, invitation.role
    membership.requested_by = membership.requested_by or acting_user
    membership.decided_by, membership.decided_at, membership.joined_at = invitation.invited_by, now, now
    membership.save()
    invitation.accepted_at, invitation.accepted_by, invitation.membership = now, acting_user, membership
    invitation.save(update_fields=["accepted_at", "accepted_by", "membership"])
    permissions.forget(acting_user)
    return membership


def organisations_for_invitation(user):
    """Organisations the user may accept an invitation for."""
    return Organisation.objects.filter(pk__in=permissions.admin_organisation_ids(user))


# --- partnership agreements -------------------------------------------------------------------------

AGREEMENT_FIELDS = (
    "title", "purpose", "framework", "signed_on", "signed_in", "valid_from", "valid_until", "visibility",
)  # fmt: skip

# Expiry reminders, nearest first: (days before `valid_until`, the field that records it went out).
REMINDER_THRESHOLDS = ((14, "reminded_14_at"), (60, "reminded_60_at"))


def _agreement_rows(*, network, agreement, parties, signatories, areas):
    """Check the parties, signatories and areas; return them cleaned, or raise one ValidationError whose
    keys ("parties", "signatories", "areas") name the part of the form at fault."""
    errors = {}
    allowed = set(selectors.agreement_party_organisations(network=network, agreement=agreement))
    clean_parties, seen = [], set()
    for row in parties:
        organisation, role = row.get("organisation"), (row.get("role") or "").strip()
        if organisation is None:
            continue
        if organisation not in allowed:
            errors.setdefault("parties", []).append(
                _("%(org)s is not a member of this network. Invite it first.") % {"org": organisation}
            )
        elif organisation.pk in seen:
            errors.setdefault("parties", []).append(_("%(org)s is listed twice.") % {"org": organisation})
        seen.add(organisation.pk)
        clean_parties.append({"organisation": organisation, "role": role})
    if len(seen) < 2:
        errors.setdefault("parties", []).append(_("An agreement needs at least two parties."))
    clean_signatories = []
    for row in signatories:
        name, title = (row.get("name") or "").strip(), (row.get("title") or "").strip()
        organisation = row.get("organisation")
        if not name:
            if title or organisation:
                errors.setdefault("signatories", []).append(_("Give the name of each signatory."))
            continue
        if organisation is not None and organisation.pk not in seen:
            errors.setdefault("signatories", []).append(
                _("%(name)s signed for %(org)s, which is not a party to the agreement.")
                % {"name": name, "org": organisation}
            )
        clean_signatories.append({"name": name, "title": title, "organisation": organisation})
    clean_areas = [text.strip() for text in areas if text and text.strip()]
    if errors:
        raise ValidationError(errors)
    return clean_parties, clean_signatories, clean_areas


def _validate_agreement(agreement, rows):
    """Validate the agreement and its rows together, so the form shows every mistake at once."""
    errors = {}
    try:
        agreement.full_clean(exclude=["network", "created_by"])
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        cleaned = _agreement_rows(agreement=agreement, **rows)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _write_agreement_rows(agreement, parties, signatories, areas):
    # Rows are replaced as a whole: the form and the import both send the complete, ordered list.
    network = agreement.network
    for model in (AgreementParty, AgreementSignatory, AgreementArea):
        model.objects.filter(agreement=agreement).delete()
    AgreementParty.objects.bulk_create(
        AgreementParty(network=network, agreement=agreement, position=i, **row) for i, row in enumerate(parties)
    )
    AgreementSignatory.objects.bulk_create(
        AgreementSignatory(network=network, agreement=agreement, position=i, **row)
        for i, row in enumerate(signatories)
    )
    AgreementArea.objects.bulk_create(
        AgreementArea(network=network, agreement=agreement, number=i, text=text)
        for i, text in enumerate(areas, start=1)
    )


@transaction.atomic
def agreement_create(*, network, data, parties, signatories=(), areas=(), acting_user):
    """Record a signed partnership agreement with its parties, signatories and numbered areas.

    `parties`: [{"organisation": Organisation, "role": str}], `signatories`: [{"name", "title",
    "organisation": Organisation | None}], `areas`: [str], each in the agreement's order.
    """
    permissions.require(permissions.can_manage_agreements(acting_user, network))
    with scope(network=network):
        agreement = PartnershipAgreement(
            network=network, created_by=acting_user, **{k: v for k, v in data.items() if k in AGREEMENT_FIELDS}
        )
        rows = _validate_agreement(
            agreement, {"network": network, "parties": parties, "signatories": signatories, "areas": areas}
        )
        agreement.save()
        _write_agreement_rows(agreement, *rows)
    return agreement


@transaction.atomic
def agreement_update(*, agreement, data, parties, signatories, areas, acting_user):
    """Change an agreement and replace its rows. A new end date brings its expiry reminders back."""
    permissions.require(permissions.can_edit_agreement(acting_user, agreement))
    network = agreement.network
    with scope(network=network):
        # Re-read under a lock: a ModelForm has already written the submitted values onto `agreement`.
        current = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)
        previous_end = current.valid_until
        for key, value in data.items():
            if key in AGREEMENT_FIELDS:
                setattr(current, key, value)
        rows = _validate_agreement(
            current, {"network": network, "parties": parties, "signatories": signatories, "areas": areas}
        )
        if current.valid_until != previous_end:
            current.reminded_60_at = current.reminded_14_at = None
        current.save()
        _write_agreement_rows(current, *rows)
    return current


@transaction.atomic
def agreement_delete(*, agreement, acting_user):
    """Delete an agreement; news posts about it stay, without the link."""
    permissions.require(permissions.can_edit_agreement(acting_user, agreement))
    with scope(network=agreement.network):
        agreement.delete()


def _import_organisation(value, candidates, key):
    """An Organisation, its id, or its exact name or acronym, among the organisations that may be parties."""
    if value is None or value == "":
        return None
    for organisation in candidates:
        if value == organisation or value == organisation.pk or value in (organisation.name, organisation.acronym):
            return organisation
    raise ValidationError({key: _("No member organisation of this network is called %(name)s.") % {"name": value}})


def _import_date(value):
    return parse_date(value) if isinstance(value, str) else value


@transaction.atomic
def agreement_import(*, network, data, acting_user):
    """Build (or rebuild) an agreement from a plain dict, e.g. for the demo loader.

    Shape::

        {
            "title": "Porozumienie o partnerstwie …",      # required; identifies the agreement in the
                                                            # network: importing the same title again
                                                            # replaces it, so a loader can run twice
            "purpose": "…", "framework": "…", "signed_in": "Rzeszów",
            "signed_on": date(2020, 12, 8) or "2020-12-08",  # required
            "valid_from": date | "YYYY-MM-DD" | None, "valid_until": date | "YYYY-MM-DD" | None,
            "visibility": "public" | "members",              # default "public"
            "parties": [{"organisation": Organisation | id | "name or acronym", "role": "Lider Partnerstwa"}],
            "signatories": [{"name": "…", "title": "…", "organisation": Organisation | id | "name" | None}],
            "areas": ["first area", "second area", …],       # numbered 1, 2, 3… in this order
        }

    Organisations named by id, name or acronym must be members of the network (they are looked up among
    them). `acting_user` must be a coordinator of the network, as for agreement_create.
    """
    with scope(network=network):
        candidates = list(selectors.agreement_party_organisations(network=network))
        values = {k: v for k, v in data.items() if k in AGREEMENT_FIELDS}
        for key in ("signed_on", "valid_from", "valid_until"):
            if key in values:
                values[key] = _import_date(values[key])
        parties = [
            {"organisation": _import_organisation(p["organisation"], candidates, "parties"), "role": p.get("role", "")}
            for p in data.get("parties", ())
        ]
        signatories = [
            {
                "name": s.get("name", ""),
                "title": s.get("title", ""),
                "organisation": _import_organisation(s.get("organisation"), candidates, "signatories"),
            }
            for s in data.get("signatories", ())
        ]
        rows = {"parties": parties, "signatories": signatories, "areas": list(data.get("areas", ()))}
        existing = PartnershipAgreement.objects.filter(network=network, title=values.get("title", "")).first()
        if existing is not None:
            return agreement_update(agreement=existing, data=values, acting_user=acting_user, **rows)
        return agreement_create(network=network, data=values, acting_user=acting_user, **rows)


def agreement_expiry_reminders(*, today=None):
    """The daily sweep: tell each network's coordinators about agreements ending in 60 and in 14 days.

    Each reminder goes once: a marker on the agreement is claimed by a conditional UPDATE before the
    e-mail is queued, so a second run (or two sweeps at once) finds nothing left to send. An agreement
    first seen inside 14 days gets only the 14-day reminder. Returns [(agreement id, days left)] queued.
    """
    today = today or timezone.localdate()
    queued = []
    network_ids = selectors.networks_with_agreements_due(today=today, thresholds=REMINDER_THRESHOLDS)
    for network in Network.objects.filter(pk__in=network_ids).order_by("pk"):
        with scope(network=network):
            queued += _agreement_expiry_remind(network=network, today=today)
    return queued


@transaction.atomic
def _agreement_expiry_remind(*, network, today):
    queued = []
    due = selectors.agreements_due_for_reminder(network=network, today=today, thresholds=REMINDER_THRESHOLDS)
    for agreement in due:
        days_left = (agreement.valid_until - today).days
        reached = [marker for days, marker in REMINDER_THRESHOLDS if days_left <= days]
        nearest, now = reached[0], timezone.now()
        # Wider thresholds already passed are marked too: one e-mail, not a stale one per threshold.
        updates = {marker: now for marker in reached if getattr(agreement, marker) is None}
        claimed = PartnershipAgreement.objects.filter(pk=agreement.pk, **{nearest: None}).update(**updates)
        if claimed:
            transaction.on_commit(
                partial(
                    tasks.notify_agreement_expiry.delay,
                    network_id=network.pk,
                    agreement_id=agreement.pk,
                    days_left=days_left,
                )
            )
            queued.append((agreement.pk, days_left))
    return queued


# --- news ---------------------------------------------------------------------------------------------

NEWS_FIELDS = ("title", "published_on", "body", "agreement", "link_path", "link_label", "visibility")


def _network_path(network, value):
    """A link typed by a coordinator, as a path inside the network (an absolute URL of this site is
    accepted and shortened); anything else is refused so a post cannot point visitors elsewhere."""
    value = (value or "").strip()
    if not value:
        return ""
    parts, site = urlsplit(value), urlsplit(settings.SITE_URL)
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            raise ValidationError({"link_path": _("Link only to pages of this site.")})
    path = parts.path
    prefix = f"/networks/{network.slug}/"
    if not path.startswith(prefix) or "//" in path:
        raise ValidationError(
            {"link_path": _("Link to a page of this network: its address starts with %(prefix)s.") % {"prefix": prefix}}
        )
    try:
        resolve(path)
    except Resolver404 as exc:
        raise ValidationError({"link_path": _("There is no such page in this network.")}) from exc
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def _validate_news_post(post):
    errors = {}
    try:
        post.link_path = _network_path(post.network, post.link_path)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not post.link_path:
        post.link_label = ""
    if post.agreement is not None and post.agreement.network_id != post.network_id:
        errors["agreement"] = [_("Choose an agreement of this network.")]
    try:
        post.full_clean(exclude=["network", "created_by", *errors])
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def news_post_create(*, network, data, acting_user):
    """Publish a news post on the network page (or for members only)."""
    permissions.require(permissions.can_manage_news(acting_user, network))
    with scope(network=network):
        post = NewsPost(network=network, created_by=acting_user, **{k: v for k, v in data.items() if k in NEWS_FIELDS})
        _validate_news_post(post)
        post.save()
    return post


@transaction.atomic
def news_post_update(*, post, data, acting_user):
    permissions.require(permissions.can_edit_news_post(acting_user, post))
    with scope(network=post.network):
        for key, value in data.items():
            if key in NEWS_FIELDS:
                setattr(post, key, value)
        _validate_news_post(post)
        post.save()
    return post


@transaction.atomic
def news_post_delete(*, post, acting_user):
    permissions.require(permissions.can_edit_news_post(acting_user, post))
    with scope(network=post.network):
        post.delete()
