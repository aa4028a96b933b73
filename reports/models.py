"""The report engine's one row: a ReportJob, a PDF asked for by someone and rendered by a worker."""

import hashlib
import mimetypes
import secrets

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from network.models import Network
from portal.uploads import RandomName
from reports import kinds

FILE_FOLDER = "reports"


def new_key():
    """128 random bits: the job's address (/reports/<key>/) and the seed of its file's name."""
    return secrets.token_hex(16)


class ReportJob(models.Model):
    """One report of one kind (reports.kinds) about one subject (an advocacy output, a project), with the
    parameters and language its requester chose.

    The request creates the row and queues `reports.tasks.render_report` after the commit; a worker claims
    it (a fresh `claim` per run, so a run that was superseded writes nothing), renders, stores exactly one
    file under the job's deterministic name and e-mails the requester. The same request with unchanged
    data (`request_key`, `data_version`) reuses a finished job instead of rendering again. Pages and
    downloads name the job by its random `key`, never its id.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="report_jobs")
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    kind = models.CharField(max_length=60)  # a name in reports.kinds (checked by the service, not choices:
    # the kinds are code, and a kind added or removed must not need a migration)
    subject_id = models.PositiveBigIntegerField()
    parameters = models.JSONField(default=dict, blank=True)  # what kind.clean_parameters returned
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    # A bilingual report's second language ('' for one language): each section in both (reports.kinds,
    # `bilingual`). Never the same as `language` (reports.services refuses it).
    second_language = models.CharField(max_length=10, choices=settings.LANGUAGES, blank=True, default="")
    # What identifies "the same request": kind, subject, parameters and languages, hashed (JSON equality
    # differs between databases; a hash of the canonical form does not).
    request_key = models.CharField(max_length=64, editable=False)
    data_version = models.CharField(max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # 0–100
    file = models.FileField(upload_to=RandomName(FILE_FOLDER), blank=True, editable=False)
    error = models.TextField(blank=True)  # why it failed, in words its requester can act on
    attempts = models.PositiveSmallIntegerField(default=0)  # runs that claimed it
    claim = models.CharField(max_length=32, blank=True, editable=False)  # the current run's token
    requested_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)  # the last message sent for it (the sweeper)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)  # portal.mail.send_once

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["network", "request_key", "status"], name="report_job_reuse"),
            models.Index(fields=["status", "enqueued_at"], name="report_job_sweep"),
            models.Index(fields=["requested_by", "-requested_at"], name="report_job_mine"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_job_progress_max_100"),
        ]

    def __str__(self):
        return f"{self.kind} {self.requested_at:%Y-%m-%d %H:%M}" if self.requested_at else self.kind

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def kind_object(self):
        """The registered kind, or None for a job of a kind no longer registered."""
        try:
            return kinds.get(self.kind)
        except LookupError:
            return None

    @property
    def languages(self):
        """The report's languages: [language] or [language, second_language]."""
        return [self.language, self.second_language] if self.second_language else [self.language]

    @property
    def kind_label(self):
        kind = self.kind_object
        return kind.label if kind else self.kind

    @property
    def subject(self):
        """The row the report is about, in the job's network (None if it was deleted); read once."""
        if "_subject" not in self.__dict__:
            kind = self.kind_object
            found = None
            if kind is not None:
                model = apps.get_model(kind.subject_model)
                found = model.objects.filter(network_id=self.network_id, pk=self.subject_id).first()
            self.__dict__["_subject"] = found
        return self.__dict__["_subject"]

    @property
    def file_name(self):
        """Where its file is stored: the same for every run of this job (so a second run overwrites the
        first's file instead of adding one), derived from the key but not the key itself."""
        digest = hashlib.sha256(f"report-file:{self.key}".encode()).hexdigest()[:32]
        content_type = self.kind_object.content_type if self.kind_object else "application/pdf"
        extension = mimetypes.guess_extension(content_type) or ""
        return f"{FILE_FOLDER}/{digest}{extension}"
