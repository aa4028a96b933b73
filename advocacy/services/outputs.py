"""Advocacy outputs: create, edit, send for review, publish (each publication a frozen OutputVersion)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy.models import AdvocacyOutput, OutputVersion
from advocacy.services.common import clean_rich_text, one, pk_of, record
from members.models import Organisation
from portal import audit, permissions
from portal.inputs import accept
from projects.models import Project, Result

# What output_create and output_update write (the form's fields, later).
OUTPUT_FIELDS = ("kind", "language", "title", "summary", "body", "project", "result", "visibility", "authors")
_SCALAR = tuple(name for name in OUTPUT_FIELDS if name != "authors")
# References the service resolves itself; full_clean would look each up once more.
_RESOLVED = ("network", "project", "result", "created_by", "published_by", "authors", "institutions")


def _snapshot(output):
    values = audit.snapshot(output, _SCALAR)
    values["authors"] = sorted(output.authors.values_list("pk", flat=True)) if output.pk else []
    return values


def _authors(value, errors):
    ids = [pk_of(item) for item in (value or [])]
    found = list(Organisation.objects.filter(pk__in=[pk for pk in ids if pk is not None]))
    if len(found) != len(set(ids)) or None in ids:
        errors["authors"] = [_("Choose the authors among the organisations registered on Partnera.")]
    return found


def _result(output, value, errors):
    """The expected result `value` names, of the output's project; None (and an error) otherwise."""
    if value in (None, ""):
        return None
    if output.project_id is None:
        if "project" not in errors:
            errors["result"] = [_("Choose the project first: an expected result belongs to one project.")]
        return None
    try:
        return one(
            Result.objects.filter(network=output.network, project_id=output.project_id), value, "result",
            _("Choose an expected result of the chosen project."),
        )  # fmt: skip
    except ValidationError as error:
        errors.update(error.message_dict)
        return None


def _apply(output, data, what):
    """Set `data` on `output` (unsaved); returns the authors to set after saving, or raises ValidationError."""
    values = accept(data, OUTPUT_FIELDS, what=what)
    errors = {}
    authors = _authors(values.pop("authors"), errors) if "authors" in values else None
    network = output.network
    if "project" in values:
        try:
            output.project = one(
                Project.objects.filter(network=network), values.pop("project"), "project",
                _("Choose one of this network's projects."),
            )  # fmt: skip
        except ValidationError as error:
            errors.update(error.message_dict)
            output.project = None
    if "language" in values:
        output.language = values.pop("language")
    for key in ("title", "summary"):
        if key in values:
            setattr(output, key, values.pop(key))
    if "body" in values:
        output.body = clean_rich_text(values.pop("body"), output.language)
    if "result" in values or "project" in data:
        output.result = _result(output, values.pop("result", output.result_id), errors)
    for key, value in values.items():
        setattr(output, key, value)
    try:
        output.full_clean(exclude=_RESOLVED)
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)
    if errors:
        raise ValidationError(errors)
    return authors


@transaction.atomic
def output_create(*, network, acting_user, data):
    """A new draft output of `network`."""
    permissions.require("create_output", acting_user, network)
    output = AdvocacyOutput(network=network, created_by=acting_user)
    authors = _apply(output, data, "output_create")
    output.save()
    if authors is not None:
        output.authors.set(authors)
    record(output, acting_user, "output.created", after=_snapshot(output))
    return output


def _lock(output):
    return AdvocacyOutput.objects.select_for_update().get(network_id=output.network_id, pk=output.pk)


@transaction.atomic
def output_update(*, output, acting_user, data):
    """Change an output's fields (a published one too: the next publication freezes the change)."""
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    before = _snapshot(output)
    authors = _apply(output, data, "output_update")
    output.save()
    if authors is not None:
        output.authors.set(authors)
    record(output, acting_user, "output.updated", **audit.diff(before, _snapshot(output)))
    return output


@transaction.atomic
def output_start_review(*, output, acting_user):
    """Draft → in review: the network's members may read it and comment."""
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    if output.status != AdvocacyOutput.Status.DRAFT:
        raise ValidationError(_("Only a draft is sent for review; this output is “%(status)s”.")
                              % {"status": output.get_status_display()})  # fmt: skip
    output.status = AdvocacyOutput.Status.IN_REVIEW
    output.save(update_fields=["status", "updated_at"])
    record(output, acting_user, "output.review_started", before={"status": "draft"}, after={"status": "in_review"})
    return output


def _recommendations_json(output):
    return [
        {
            "position": item.position,
            "text": item.text.as_json(),
            "rationale": item.rationale.as_json(),
            "institution": item.institution_id,
        }
        for item in output.recommendations.filter(network=output.network).order_by("position")
    ]


@transaction.atomic
def output_publish(*, output, acting_user):
    """In review (or published, after changes) → published, as version n + 1; earlier versions stay."""
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    if output.status == AdvocacyOutput.Status.DRAFT:
        raise ValidationError(_("Send the output for review before publishing it."))
    if not output.title:
        raise ValidationError({"title": _("Give the output a title before publishing it.")})
    before = {"status": output.status, "version": output.version}
    now = timezone.now()
    output.version += 1
    output.status = AdvocacyOutput.Status.PUBLISHED
    output.published_at, output.published_by = now, acting_user
    output.save(update_fields=["version", "status", "published_at", "published_by", "updated_at"])
    OutputVersion.objects.create(
        network=output.network, output=output, number=output.version, language=output.language,
        title=output.title, summary=output.summary, body=output.body,
        recommendations=_recommendations_json(output), published_at=now, published_by=acting_user,
    )  # fmt: skip
    record(output, acting_user, "output.published", before=before,
           after={"status": output.status, "version": output.version})  # fmt: skip
    return output
