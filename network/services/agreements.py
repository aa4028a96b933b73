"""Partnership agreements: recording, editing, importing, and the expiry reminders."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from network import selectors, tasks
from network.models import (
    AgreementArea,
    AgreementParty,
    AgreementSignatory,
    PartnershipAgreement,
)
from portal import audit, permissions
from portal.inputs import accept, unknown_fields
from portal.texts import MultilingualText

# What the agreement services write; network.forms.AgreementForm shows exactly these. Parties,
# signatories and areas are rows of their own, passed as separate arguments.
AGREEMENT_FIELDS = (
    "language", "title", "purpose", "framework", "signed_on", "signed_in", "valid_from", "valid_until", "visibility",
)  # fmt: skip
# What agreement_import reads besides those: the rows, and the keys of each party and signatory.
IMPORT_ROWS = {"parties": ("organisation", "role"), "signatories": ("name", "title", "organisation"), "areas": None}


# Expiry reminders, nearest first: (days before `valid_until`, the field that records it went out).
REMINDER_THRESHOLDS = PartnershipAgreement.REMINDER_THRESHOLDS


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
    clean_areas = []
    for number, value in enumerate(areas, start=1):
        text = MultilingualText.coerce(value, language=agreement.language)
        if not text:
            continue
        for message in text.errors(required=True, language=agreement.language):
            errors.setdefault("areas", []).append(f"{number}: {message}")
        clean_areas.append(text)
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
        AgreementSignatory(network=network, agreement=agreement, position=i, **row) for i, row in enumerate(signatories)
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
    permissions.require("manage_agreements", acting_user, network)
    values = accept(data, AGREEMENT_FIELDS, what="agreement_create")
    values["language"] = values.get("language") or network.first_language
    agreement = PartnershipAgreement(network=network, created_by=acting_user, **values)
    rows = _validate_agreement(
        agreement, {"network": network, "parties": parties, "signatories": signatories, "areas": areas}
    )
    agreement.save()
    _write_agreement_rows(agreement, *rows)
    audit.record(network=network, acting_user=acting_user, action="agreement.created", obj=agreement,
                 **audit.diff({}, _audited(agreement, *rows)))  # fmt: skip
    return agreement


@transaction.atomic
def agreement_update(*, agreement, data, parties, signatories, areas, acting_user):
    """Change an agreement and replace its rows. A new end date brings its expiry reminders back."""
    permissions.require("edit_agreement", acting_user, agreement)
    network = agreement.network
    # Re-read under a lock: a ModelForm has already written the submitted values onto `agreement`.
    current = PartnershipAgreement.objects.select_for_update().get(network=network, pk=agreement.pk)
    previous_end = current.valid_until
    before = _audited(current, *_stored_rows(current))
    for key, value in accept(data, AGREEMENT_FIELDS, what="agreement_update").items():
        setattr(current, key, value)
    rows = _validate_agreement(
        current, {"network": network, "parties": parties, "signatories": signatories, "areas": areas}
    )
    if current.valid_until != previous_end:
        current.reminded_60_at = current.reminded_14_at = None
    current.save()
    _write_agreement_rows(current, *rows)
    audit.record(network=network, acting_user=acting_user, action="agreement.updated", obj=current,
                 **audit.diff(before, _audited(current, *rows)))  # fmt: skip
    return current


@transaction.atomic
def agreement_delete(*, agreement, acting_user):
    """Delete an agreement; news posts about it stay, without the link."""
    permissions.require("edit_agreement", acting_user, agreement)
    audit.record(network=agreement.network, acting_user=acting_user, action="agreement.deleted", obj=agreement,
                 before=audit.snapshot(agreement, ("title", "signed_on")))  # fmt: skip
    agreement.delete()


def _import_organisation(value, candidates, key):
    """An Organisation, its id, or its exact name or acronym, among the organisations that may be parties."""
    if value is None or value == "":
        return None
    for organisation in candidates:
        if value == organisation or value == organisation.pk or value in (organisation.name, organisation.acronym):
            return organisation
    raise ValidationError({key: _("No member organisation of this network is called %(name)s.") % {"name": value}})


def _unknown_import_keys(data):
    """{where: ["Unknown field “titel”."]} for every key of an import's dict that nothing reads: a
    misspelling would otherwise record the agreement without what it said. A top-level one is under
    NON_FIELD_ERRORS, a party's or signatory's under "parties[1]", "signatories[0]"."""
    errors = {}
    if messages := unknown_fields(data, (*AGREEMENT_FIELDS, *IMPORT_ROWS)):
        errors[NON_FIELD_ERRORS] = messages
    for key, fields in IMPORT_ROWS.items():
        if fields is None:  # areas are texts, not rows of fields
            continue
        for i, row in enumerate(data.get(key) or ()):
            if isinstance(row, dict) and (messages := unknown_fields(row, fields)):
                errors[f"{key}[{i}]"] = messages
    return errors


def _import_date(value):
    return parse_date(value) if isinstance(value, str) else value


@transaction.atomic
@audit.recorded_as("agreement.imported", after=lambda agreement: audit.snapshot(agreement, ("title", "signed_on")))
def agreement_import(*, network, data, acting_user):
    """Build (or rebuild) an agreement from a plain dict, e.g. for the demo loader.

    Shape::

        {
            "title": "Porozumienie o partnerstwie …",      # required; its original identifies the
                                                            # agreement in the network: importing the
                                                            # same title again replaces it, so a loader
                                                            # can run twice
            "language": "pl",                                # default: the network's first language
            "purpose": "…", "framework": "…", "signed_in": "Rzeszów",
            "signed_on": date(2020, 12, 8) or "2020-12-08",  # required
            "valid_from": date | "YYYY-MM-DD" | None, "valid_until": date | "YYYY-MM-DD" | None,
            "visibility": "public" | "members",              # default "public"
            "parties": [{"organisation": Organisation | id | "name or acronym", "role": "Lider Partnerstwa"}],
            "signatories": [{"name": "…", "title": "…", "organisation": Organisation | id | "name" | None}],
            "areas": ["first area", "second area", …],       # numbered 1, 2, 3… in this order
        }

    Every text (title, purpose, framework, each area) is a string, the original in the agreement's
    language, or all its languages at once, {"pl": "…", "en": "…"} (see portal.texts).

    Organisations named by id, name or acronym must be members of the network (they are looked up among
    them). `acting_user` must be a coordinator of the network, as for agreement_create.

    A key nothing reads (a misspelt "titel", a party's "organization") refuses the whole import before
    anything is written, each reported by where it is: {"parties[1]": ["Unknown field “organization”."]}.
    """
    if errors := _unknown_import_keys(data):
        raise ValidationError(errors)
    candidates = list(selectors.agreement_party_organisations(network=network))
    values = {key: value for key, value in data.items() if key in AGREEMENT_FIELDS}  # the rest are the rows
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
    language = values.get("language") or network.first_language
    existing = selectors.agreement_titled(
        network=network, title=MultilingualText.coerce(values.get("title"), language=language).original
    )
    if existing is not None:
        return agreement_update(agreement=existing, data=values, acting_user=acting_user, **rows)
    return agreement_create(network=network, data=values, acting_user=acting_user, **rows)


@transaction.atomic
def agreement_expiry_remind(*, network, today=None):
    """One network's part of the daily sweep: tell its coordinators about agreements ending in 60 and
    in 14 days. Runs inside the network's scope (network.tasks.remind_agreement_expiry enters it).

    The sweep only queues; each reminder goes once because the job claims the agreement's marker by a
    conditional UPDATE before sending (network.tasks.notify_agreement_expiry), so a second sweep, two
    sweeps at once or a redelivered job find nothing left to send. An agreement first seen inside 14
    days gets only the 14-day reminder. Returns [(agreement id, days left)] queued.
    """
    today = today or timezone.localdate()
    queued = []
    due = selectors.agreements_due_for_reminder(network=network, today=today, thresholds=REMINDER_THRESHOLDS)
    for agreement in due:
        days_left = (agreement.valid_until - today).days
        tasks.notify_agreement_expiry.delay(network=network.pk, agreement_id=agreement.pk, days_left=days_left)
        queued.append((agreement.pk, days_left))
    return queued


@transaction.atomic
def agreement_expiry_reminded(*, network, agreement, days_left):
    """The reminder job sent its e-mail: the log says so, with no user (the daily job sent it)."""
    audit.record(
        network=network, acting_user=None, actor_label=_("system: expiry reminders"),
        action="agreement.expiry_reminder_sent", obj=agreement, after={"days_left": days_left},
    )  # fmt: skip


# --- the audit log --------------------------------------------------------------------------------

AUDITED = AGREEMENT_FIELDS


def _stored_rows(agreement):
    parties = [
        {"organisation": p.organisation, "role": p.role} for p in agreement.parties.select_related("organisation")
    ]
    return parties, (), [area.text for area in agreement.areas.all()]


def _logged(text):
    """A text as the log keeps it: the original alone when there is nothing else, else every language."""
    if len(text.languages) <= 1:
        return text.original
    return {code: text.text(code) for code in text.languages}


def _audited(agreement, parties, signatories, areas):
    """The agreement's fields, and its parties and areas as text, for the log's before and after."""
    return {
        **audit.snapshot(agreement, AUDITED),
        "parties": [f"{p['organisation']} – {p['role']}" if p["role"] else str(p["organisation"]) for p in parties],
        "areas": [_logged(area) for area in areas],
    }
