"""Report jobs (reports.models.ReportJob): asked for (`report_request`), asked again after a failure
(`report_retry`), rendered by the worker (`report_render`, called by reports.tasks.render_report) and
re-sent when their message was lost or their worker died (`report_sweep`, the periodic sweeper).

Reliability, in one place:

- the message is sent after the request's commit, so a rolled-back request sends nothing and a worker
  never looks for a row that is not there; a broker that is down at that moment leaves the job queued
  (the request still succeeds) for the sweeper to send;
- a run claims the job with a conditional UPDATE that writes a fresh token (`claim`); progress, the
  finished state and the failure are written only under that token, so a run that was superseded (its
  worker was thought dead and the job re-sent) changes nothing; a finished job is never rendered again;
- the file has one name per job (ReportJob.file_name), written over by a second run: a worker killed
  after storing the file but before marking the job done leaves a file that the next run replaces, so a
  job never has two files;
- errors: transient ones (portal.mail.is_transient: connection trouble) are retried by the task base with
  backoff; any other, or the last retry's, fails the job with a reason its requester can read and a way
  to retry; a job whose worker died (SIGKILL, out of memory, the hard time limit) is re-sent by the
  sweeper and fails after REPORT_MAX_ATTEMPTS runs.
"""

import datetime
import hashlib
import json
import logging
import secrets
import time
from functools import partial

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from portal import mail, permissions
from reports import kinds
from reports.models import ReportJob

logger = logging.getLogger(__name__)

Status = ReportJob.Status

# Progress is written at most this often (seconds) unless it moved by PROGRESS_STEP points: a renderer may
# report every page, the page polls every 2 s.
PROGRESS_EVERY = 1.0
PROGRESS_STEP = 5
SWEEP_BATCH = 500


def _request_key(kind, subject, parameters, language, second_language=""):
    # The second language only when there is one: a one-language request keeps the key it always had.
    parts = [kind.name, subject.pk, parameters, language, *([second_language] if second_language else [])]
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _kind_for(kind, subject):
    kind = kind if isinstance(kind, kinds.Kind) else kinds.get(kind)
    if subject._meta.label != kind.subject_model:
        raise TypeError(f"a {kind.name} report is about a {kind.subject_model}, not a {subject._meta.label}")
    return kind


def _check_second_language(kind, language, second_language):
    if not second_language:
        return
    if second_language not in dict(settings.LANGUAGES):
        raise ValidationError({"second_language": _("Choose one of the languages offered, or none.")})
    if not kind.bilingual:
        raise ValidationError({"second_language": _("This report is prepared in one language only.")})
    if second_language == language:
        raise ValidationError(
            {"second_language": _("Choose a second language other than the report's language, or none.")}
        )


def report_request(*, kind, subject, parameters, language, acting_user, second_language=""):
    """Ask for a report of `kind` (a name in reports.kinds, or the Kind) about `subject`, in `language`
    and, for a bilingual kind, also in `second_language` ('' for none).

    Refused (PermissionDenied) unless the kind's `can_request` allows it; parameters or a language the
    kind does not accept (a second language equal to the first, or asked of a kind in one language only)
    raise ValidationError with a message per field, and nothing is saved. A finished
    job of the same request over unchanged data (same `data_version`) is returned instead of rendering
    again, as is the requester's own job of it still waiting or running (a second click). Otherwise a new
    job is created and queued once the transaction commits. Returns the job.
    """
    kind = _kind_for(kind, subject)
    if not kind.can_request(acting_user, subject):
        raise PermissionDenied
    if not isinstance(parameters, dict):
        raise TypeError("parameters is a dict")
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    second_language = second_language or ""
    _check_second_language(kind, language, second_language)
    cleaned = kind.clean_parameters(subject, parameters)
    # Stored as JSON: the kind gets them back through clean_parameters, which reads its own output too.
    stored = json.loads(json.dumps(cleaned, cls=DjangoJSONEncoder))
    version = str(kind.data_version(subject, cleaned))
    request_key = _request_key(kind, subject, stored, language, second_language)
    with transaction.atomic():
        same = ReportJob.objects.filter(network=subject.network, request_key=request_key, data_version=version)
        reusable = same.filter(
            Q(status=Status.DONE) | Q(status__in=[Status.QUEUED, Status.RUNNING], requested_by=acting_user)
        )
        existing = reusable.order_by("-requested_at", "-pk").first()
        if existing is not None:
            return existing
        job = ReportJob.objects.create(
            network=subject.network,
            kind=kind.name,
            subject_id=subject.pk,
            parameters=stored,
            language=language,
            second_language=second_language,
            request_key=request_key,
            data_version=version,
            requested_by=acting_user,
            enqueued_at=timezone.now(),
        )
        _enqueue(job.network_id, job.pk)
    return job


def report_retry(*, job, acting_user):
    """Queue a failed job again (the retry button). Refused unless `acting_user` may ask for the report;
    a job that is not failed any more (retried meanwhile) is a ValidationError."""
    permissions.require("retry_report", acting_user, job)
    with transaction.atomic():
        again = ReportJob.objects.filter(network=job.network, pk=job.pk, status=Status.FAILED).update(
            status=Status.QUEUED, progress=0, error="", claim="", started_at=None, finished_at=None,
            enqueued_at=timezone.now(), requested_by=acting_user, notified_at=None,
        )  # fmt: skip
        if not again:
            raise ValidationError(_("This report is not failed any more: it is being prepared again."))
        _enqueue(job.network_id, job.pk)
    job.refresh_from_db()
    return job


def _enqueue(network_id, job_id):
    """Send the job's message once the transaction commits (nothing if it rolls back). A broker that is
    down then is no error of the request, whose job is committed: it stays queued, and the sweeper sends
    it again once the broker is back."""
    transaction.on_commit(partial(_send, network_id, job_id))


def _send(network_id, job_id):
    from reports import tasks  # the tasks call these services

    try:
        tasks.render_report.delay(network=network_id, job_id=job_id)
    except KombuOperationalError as error:
        logger.warning("report job %s not sent (the sweeper will send it): %s", job_id, error)


# --- the worker's side ---------------------------------------------------------------------------------


def report_render(*, network, job_id, last_try=True):
    """Render the job (the body of reports.tasks.render_report), then e-mail its requester.

    Claims the job first; a job already done or failed is left as it is (its requester may still get the
    e-mail a failed send owed them: `send_once` sends it at most once). `last_try` says whether a transient
    error may still be retried (it is re-raised for the task base) or fails the job.
    """
    claim = secrets.token_hex(16)
    claimed = ReportJob.objects.filter(network=network, pk=job_id, status__in=[Status.QUEUED, Status.RUNNING]).update(
        status=Status.RUNNING, claim=claim, started_at=timezone.now(), attempts=F("attempts") + 1, progress=0
    )
    job = ReportJob.objects.select_related("network", "requested_by").filter(network=network, pk=job_id).first()
    if job is None:
        return
    if claimed:
        _render(job, claim, last_try)
        job.refresh_from_db()
    if job.status == Status.DONE:
        _notify(job)


def _under_claim(job, claim, **values):
    """Write `values` only while this run's claim holds; whether it did."""
    return bool(ReportJob.objects.filter(network_id=job.network_id, pk=job.pk, claim=claim).update(**values))


class _Progress:
    """The `progress(fraction)` a kind's renderer calls: written under the claim, throttled."""

    def __init__(self, job, claim):
        self.job, self.claim = job, claim
        self.written, self.at = 0, 0.0

    def __call__(self, fraction):
        try:
            value = int(float(fraction) * 100)
        except (TypeError, ValueError):
            return
        value = max(0, min(99, value))  # 100 is "done", written with the file
        now = time.monotonic()
        if value <= self.written or (value - self.written < PROGRESS_STEP and now - self.at < PROGRESS_EVERY):
            return
        self.written, self.at = value, now
        _under_claim(self.job, self.claim, progress=value)


def _render(job, claim, last_try):
    kind = job.kind_object
    with translation.override(job.language):
        try:
            if kind is None:
                raise kinds.RenderError(_("This kind of report is no longer offered."))
            subject = job.subject
            if subject is None:
                raise kinds.RenderError(_("What this report is about has been deleted."))
            parameters = kind.clean_parameters(subject, job.parameters)
            # What it shows is read now: a later request over the same data reuses this file.
            _under_claim(job, claim, data_version=str(kind.data_version(subject, parameters)))
            languages = kinds.language_arguments(kind, job.language, job.second_language)
            content = kind.render(subject, parameters=parameters, progress=_Progress(job, claim), **languages)
            name = _store(job, content)
            _under_claim(job, claim, status=Status.DONE, file=name, progress=100, error="", finished_at=timezone.now())
        except Exception as error:
            if mail.is_transient(error) and not last_try:
                # The task base retries it with backoff (up to 10 minutes): until then it is waiting again,
                # which the sweeper judges by when it was sent, not by when this run started.
                _under_claim(job, claim, status=Status.QUEUED, progress=0, enqueued_at=timezone.now())
                raise
            if not isinstance(error, kinds.RenderError | ValidationError):
                logger.exception("report job %s (%s) failed", job.pk, job.kind)
            if _under_claim(job, claim, status=Status.FAILED, error=_reason(error), finished_at=timezone.now()):
                _storage().delete(job.file_name)  # a file stored before the failure belongs to nobody


def _reason(error):
    if isinstance(error, kinds.RenderError):
        return str(error)
    if isinstance(error, ValidationError):
        return _("The report's choices are no longer valid: %(messages)s") % {"messages": " ".join(error.messages)}
    if isinstance(error, SoftTimeLimitExceeded):
        return _("The report took too long to prepare. Try again with a shorter period, or later.")
    if mail.is_transient(error):
        return _("A service the report needs did not answer, several times. Try again later.")
    return _(
        "Something went wrong while preparing the report. Try again; if it fails again, tell your network's "
        "coordinators."
    )


def _storage():
    return ReportJob._meta.get_field("file").storage


def _store(job, content):
    """Write the job's one file under its own name, replacing what an earlier run of it left."""
    storage, name = _storage(), job.file_name
    storage.delete(name)  # nothing there is a no-op
    saved = storage.save(name, ContentFile(content))
    if saved != name:
        # Another run of this job stored its file between our delete and save (the storage gave ours
        # another name): keep theirs, the job's name, and drop this second copy.
        storage.delete(saved)
    return name


def _notify(job):
    user = job.requested_by
    if user is None or not user.email:
        return
    url = mail.absolute_url(reverse("reports:job", kwargs={"key": job.key}))
    # In the requester's language; in the report's for someone who chose none.
    messages = mail.templated_messages(
        name="report_ready",
        to=[user],
        context={"job": job, "network": job.network, "subject": job.subject, "url": url},
        language=job.language,
    )
    mail.send_once(
        ReportJob.objects.filter(network_id=job.network_id, pk=job.pk), marker="notified_at", messages=messages
    )


# --- the sweeper ---------------------------------------------------------------------------------------


def report_sweep(*, now=None):
    """Re-send the jobs whose message was lost (queued for REPORT_QUEUED_STUCK_SECONDS since it was last
    sent: the broker lost it, or it was never sent because the broker was down at the commit) and the
    jobs whose worker died (running for longer than the hard time limit and a margin, and not sent again
    since). A job that has been claimed REPORT_MAX_ATTEMPTS times and still did not finish fails instead:
    something in it kills the worker. Returns {"requeued": n, "failed": n}.

    Runs for every network at once (the sweeper belongs to none): its caller disables the scopes, and each
    message names its job's network.
    """
    now = now or timezone.now()
    queued_before = now - datetime.timedelta(seconds=settings.REPORT_QUEUED_STUCK_SECONDS)
    running_before = now - datetime.timedelta(
        seconds=settings.CELERY_TASK_TIME_LIMIT + settings.REPORT_RUNNING_MARGIN_SECONDS
    )
    requeued = failed = 0
    with transaction.atomic():
        lost = ReportJob.objects.filter(status=Status.QUEUED).filter(
            Q(enqueued_at__lt=queued_before) | Q(enqueued_at=None, requested_at__lt=queued_before)
        )
        dead = ReportJob.objects.filter(status=Status.RUNNING, started_at__lt=running_before).filter(
            Q(enqueued_at__lt=running_before) | Q(enqueued_at=None)
        )
        fields = ("pk", "key", "kind", "network_id", "status", "attempts", "language", "claim")
        for job in (lost | dead).order_by("pk").only(*fields)[:SWEEP_BATCH]:
            if job.status == Status.RUNNING and job.attempts >= settings.REPORT_MAX_ATTEMPTS:
                with translation.override(job.language):
                    reason = _(
                        "The report could not be prepared: its preparation stopped %(count)s times. Try again "
                        "later; if it happens again, tell your network's coordinators."
                    ) % {"count": job.attempts}
                if _under_claim(job, job.claim, status=Status.FAILED, error=reason, finished_at=now):
                    _storage().delete(job.file_name)
                    failed += 1
                continue
            if ReportJob.objects.filter(network_id=job.network_id, pk=job.pk, status=job.status).update(
                enqueued_at=now
            ):
                _enqueue(job.network_id, job.pk)
                requeued += 1
    if requeued or failed:
        logger.warning("report sweeper: %s job(s) sent again, %s failed", requeued, failed)
    return {"requeued": requeued, "failed": failed}
