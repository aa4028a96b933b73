"""Founding a network and editing its profile."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope

from members.services import lock_account
from network import selectors
from network.models import (
    Membership,
    Network,
    NetworkObjective,
    Role,
)
from portal import audit, permissions, uploads
from portal.inputs import accept
from portal.slugs import unique_slug
from portal.texts import MultilingualText

# What the network services write; network.forms.NetworkForm shows exactly these. Objectives and tasks
# are rows of their own, passed as separate arguments.
NETWORK_FIELDS = (
    "name", "acronym", "countries", "language", "description", "founding_statement", "founded_on",
    "founded_in", "visibility", "show_members", "colour", "languages",
)  # fmt: skip
# Founding may also choose the address (the demo does); by default it is made from acronym or name,
# and it never changes after: links to the network must keep working.
NETWORK_CREATE_FIELDS = (*NETWORK_FIELDS, "slug")


def _unique_slug(text):
    return unique_slug(text, taken=lambda slug: Network.objects.filter(slug=slug).exists(), fallback="network")


def _objective_rows(network, objectives, tasks_):
    """[(kind, MultilingualText)] of the texts given (each a string in the network's language, a dict of
    languages or a MultilingualText); empty ones are skipped. A wrong one raises, keyed by its list."""
    rows, errors = [], {}
    for kind, key, texts in (
        (NetworkObjective.Kind.OBJECTIVE, "objectives", objectives),
        (NetworkObjective.Kind.TASK, "tasks", tasks_),
    ):
        for number, value in enumerate(texts, start=1):
            text = MultilingualText.coerce(value, language=network.language)
            if not text:
                continue
            for message in text.errors(required=True, language=network.language):
                errors.setdefault(key, []).append(f"{number}: {message}")
            rows.append((kind, text))
    if errors:
        raise ValidationError(errors)
    return rows


def _set_objectives(network, rows):
    NetworkObjective.objects.filter(network=network).delete()
    NetworkObjective.objects.bulk_create(
        NetworkObjective(network=network, kind=kind, position=i, text=text) for i, (kind, text) in enumerate(rows)
    )


def _default_language(values):
    """A network writes in its first language unless it says otherwise."""
    if not values.get("language"):
        values["language"] = next(iter(values.get("languages") or ()), "en")
    return values


def _ensure_under_founding_limit(user):
    """Each network a person founds gets its own daily invitation allowance: cap how many they found.
    Counted under the person's row lock, so parallel requests cannot each slip under the limit."""
    lock_account(user)
    founded = selectors.networks_founded_by(user=user, since=timezone.now() - timedelta(days=1))
    if founded >= settings.NETWORKS_PER_USER_PER_DAY:
        raise ValidationError(
            ngettext(
                "You have founded %(count)d network in the last 24 hours; try again tomorrow.",
                "You have founded %(count)d networks in the last 24 hours; try again tomorrow.",
                founded,
            )
            % {"count": founded}
        )


@transaction.atomic
def network_create(*, data, organisation, acting_user, objectives=(), tasks_=()):
    """Found a network; the founding organisation becomes its first coordinator."""
    permissions.require("manage_organisation", acting_user, organisation)
    values = _default_language(accept(data, NETWORK_CREATE_FIELDS, what="network_create"))
    values["slug"] = values.get("slug") or _unique_slug(values.get("acronym") or values.get("name", ""))
    network = Network(**values, created_by=acting_user)
    network.full_clean()
    rows = _objective_rows(network, objectives, tasks_)
    _ensure_under_founding_limit(acting_user)
    network.save()
    # The one service that enters a scope: it creates the tenant, so no caller can have entered its
    # scope before the call; the rows the founding writes (objectives, the first membership) need it.
    with scope(network=network):
        _set_objectives(network, rows)
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
    audit.record(
        network=network, acting_user=acting_user, action="network.created", obj=network,
        after={**audit.snapshot(network, ("name", "slug", "visibility")), "organisation": str(organisation)},
    )  # fmt: skip
    return network


def _accepted_logo(logo):
    """The uploaded logo checked and re-encoded (portal.uploads), or a ValidationError keyed "logo"."""
    try:
        return uploads.accept_image(logo, uploads.LOGO)
    except ValidationError as error:
        raise ValidationError({"logo": error.messages}) from error


@transaction.atomic
def network_update(*, network, data, acting_user, objectives=None, tasks_=None, logo=None, remove_logo=False):
    """Edit the profile. `logo`: an uploaded file to become the network's logo (checked by portal.uploads);
    `remove_logo=True` takes the logo away. The old logo's file is deleted once the change commits."""
    permissions.require("edit_network", acting_user, network)
    if logo is not None and remove_logo:
        raise ValidationError({"logo": _("Upload a new logo or remove the logo, not both.")})
    before = audit.stored_snapshot(network, NETWORK_FIELDS)
    before_objectives = _objective_texts(network)
    for key, value in accept(data, NETWORK_FIELDS, what="network_update").items():
        setattr(network, key, value)
    network.full_clean()
    rows = None
    if objectives is not None or tasks_ is not None:
        rows = _objective_rows(network, objectives or (), tasks_ or ())
    image = _accepted_logo(logo) if logo is not None else None
    had_logo, old_name = bool(network.logo), network.logo.name
    if image is not None or (remove_logo and had_logo):
        uploads.replace(network.logo, image)  # the file is written now: nothing after this may refuse
    network.save()
    if rows is not None:
        _set_objectives(network, rows)
    audit.record(network=network, acting_user=acting_user, action="network.updated", obj=network,
                 **audit.changes(before, network))  # fmt: skip
    audit.record(network=network, acting_user=acting_user, action="network.objectives_changed", obj=network,
                 **audit.diff(before_objectives, _objective_texts(network)))  # fmt: skip
    if image is not None or (remove_logo and had_logo):
        # The stored name is random: the log names the file as the uploader did (the entry that added it).
        previous = old_name and (
            audit.last_value(network=network, action="network.logo_changed", obj=network, key="logo") or old_name
        )
        audit.record(
            network=network, acting_user=acting_user, action="network.logo_changed", obj=network,
            before={"logo": previous}, after={"logo": image.described if image else ""},
        )  # fmt: skip
    return network


def _objective_texts(network):
    """{"objectives": [...], "tasks": [...]}, for the audit log's before and after: each text with its
    languages, so a changed translation is logged too."""
    texts = {"objectives": [], "tasks": []}
    rows = NetworkObjective._base_manager.filter(network=network).order_by("position", "pk")
    for kind, text in rows.values_list("kind", "text"):
        texts["objectives" if kind == NetworkObjective.Kind.OBJECTIVE else "tasks"].append(_logged(text))
    return texts


def _logged(text):
    """A text as the log keeps it: the original alone when there is nothing else, else every language."""
    if len(text.languages) <= 1:
        return text.original
    return {code: text.text(code) for code in text.languages}
