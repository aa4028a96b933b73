"""The uptake ledger: an output or one of its recommendations submitted to an institution, and its response.

Evidence is a link and/or a document; the document goes through portal.uploads.accept_file (rule
EVIDENCE) and is stored under a random name through the storage API.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from advocacy.models import AdvocacyOutput, Recommendation, Submission
from advocacy.services.common import institution as resolve_institution
from advocacy.services.common import one, record
from portal import audit, permissions, uploads
from portal.inputs import accept

SUBMISSION_FIELDS = (
    "recommendation", "institution", "submitted_on", "channel", "response_due", "response_text",
    "responded_on", "evidence_url", "outcome", "follows_up",
)  # fmt: skip
RESPONSE_FIELDS = ("response_text", "responded_on", "evidence_url", "outcome", "response_due")
_SCALAR = tuple(name for name in SUBMISSION_FIELDS if name not in ("recommendation", "institution", "follows_up"))
_RESOLVED = ("network", "output", "recommendation", "institution", "follows_up", "created_by", "evidence_file")

_validate_url = URLValidator(schemes=["http", "https"])

# A response's evidence: the ministry's letter, the minutes, the law as adopted (documents or pictures).
EVIDENCE = uploads.DocumentRule(
    types=uploads.ENTRY_ATTACHMENT.types,
    max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES",
    image=uploads.ENTRY_IMAGE,
)


def _snapshot(submission):
    values = audit.snapshot(submission, _SCALAR)
    values.update(
        recommendation=submission.recommendation_id, institution=submission.institution_id,
        follows_up=submission.follows_up_id, evidence_file=submission.evidence_name,
    )  # fmt: skip
    return values


def _apply(submission, data, what, fields):
    values = accept(data, fields, what=what)
    output, errors = submission.output, {}
    for key in ("response_due", "responded_on"):
        if values.get(key) == "":
            values[key] = None
    if "recommendation" in values:
        try:
            submission.recommendation = one(
                Recommendation.objects.filter(network=output.network, output=output), values.pop("recommendation"),
                "recommendation", _("Choose one of this output's recommendations, or none for the whole output."),
            )  # fmt: skip
        except ValidationError as error:
            errors.update(error.message_dict)
    if "institution" in values:
        try:
            submission.institution = resolve_institution(values.pop("institution"), "institution")
        except ValidationError as error:
            errors.update(error.message_dict)
    if "follows_up" in values:
        try:
            submission.follows_up = one(
                Submission.objects.filter(network=output.network, output=output).exclude(pk=submission.pk),
                values.pop("follows_up"), "follows_up", _("Choose an earlier submission of this output."),
            )  # fmt: skip
        except ValidationError as error:
            errors.update(error.message_dict)
    for key, value in values.items():
        setattr(submission, key, value.strip() if isinstance(value, str) else value)
    try:
        submission.full_clean(exclude=_RESOLVED)
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)
    if submission.evidence_url:  # one message for every bad address, Django's "Enter a valid URL." included
        try:
            _validate_url(submission.evidence_url)
        except ValidationError:
            errors["evidence_url"] = [_("Give the evidence's web address (https://…).")]
    if not errors:
        _check_dates(submission, errors)
    return errors


def _check_dates(submission, errors):
    submitted = submission.submitted_on
    if submission.responded_on and submission.responded_on < submitted:
        errors["responded_on"] = [
            _("The response cannot be dated before the submission (%(date)s).") % {"date": submitted.isoformat()}
        ]
    if submission.response_due and submission.response_due < submitted:
        errors["response_due"] = [
            _("The response cannot be due before the submission (%(date)s).") % {"date": submitted.isoformat()}
        ]
    earlier = submission.follows_up
    if earlier is not None and earlier.submitted_on > submitted:
        errors["follows_up"] = [
            _("A follow-up cannot be earlier than the submission it follows up (%(date)s).")
            % {"date": earlier.submitted_on.isoformat()}
        ]


def _check_evidence(submission, accepted, errors):
    if (
        submission.outcome == Submission.Outcome.ALREADY_IMPLEMENTED
        and not (submission.evidence_url or submission.evidence_file or accepted)
        and "evidence_url" not in errors
        and "evidence_file" not in errors
    ):
        errors["evidence_url"] = [
            _("“Already implemented” needs evidence: give a link or attach a document that shows it.")
        ]


def _accept(evidence, errors):
    if evidence is None:
        return None
    try:
        return uploads.accept_file(evidence, EVIDENCE)
    except ValidationError as error:
        errors["evidence_file"] = error.messages
        return None


def _save(submission, accepted, written):
    if accepted is not None:
        old = submission.evidence_file.name if submission.evidence_file else ""
        written.store(submission.evidence_file, accepted)
        submission.evidence_name = accepted.original_name
        if old:
            storage = submission.evidence_file.storage
            transaction.on_commit(lambda: storage.delete(old))
    submission.save()


def submission_record(*, output, acting_user, data, evidence=None):
    """Record that `output` (or one recommendation of it, `data["recommendation"]`) was submitted to an
    institution; `evidence`: an uploaded document, if any."""
    permissions.require("record_submission", acting_user, output)
    with uploads.deleted_on_error() as written, transaction.atomic():
        output = AdvocacyOutput.objects.select_for_update().get(network_id=output.network_id, pk=output.pk)
        if not output.is_published:
            raise ValidationError(_("Publish the output before recording its submission to an institution."))
        submission = Submission(network=output.network, output=output, created_by=acting_user)
        errors = _apply(submission, data, "submission_record", SUBMISSION_FIELDS)
        if "institution" not in data and "institution" not in errors:
            errors["institution"] = [_("Choose the institution it was submitted to.")]
        accepted = _accept(evidence, errors)
        _check_evidence(submission, accepted, errors)
        if errors:
            raise ValidationError(errors)
        _save(submission, accepted, written)
        record(submission, acting_user, "submission.recorded", after=_snapshot(submission))
        return submission


def submission_respond(*, submission, acting_user, data, evidence=None):
    """Record the institution's response to a submission (its text, date, evidence, outcome)."""
    permissions.require("record_submission", acting_user, submission.output)
    with uploads.deleted_on_error() as written, transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("output", "follows_up")
            .get(network_id=submission.network_id, pk=submission.pk)
        )
        before = _snapshot(submission)
        errors = _apply(submission, data, "submission_respond", RESPONSE_FIELDS)
        accepted = _accept(evidence, errors)
        _check_evidence(submission, accepted, errors)
        if errors:
            raise ValidationError(errors)
        _save(submission, accepted, written)
        record(submission, acting_user, "submission.response_recorded", **audit.diff(before, _snapshot(submission)))
        return submission
