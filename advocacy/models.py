"""Advocacy outputs (studies, proposals, recommendation packages…), their recommendations, the comments
made while they are in review, their published versions, and the uptake ledger: each submission of an
output or of one recommendation to an institution, and what the institution did with it.

Every table is tenant-owned and carries its own `network` foreign key (see projects/models.py). The
institutions an output is addressed to are global organisations (ministries, agencies, local
governments); their people read restricted outputs through a django-guardian grant that
advocacy.services.institutions gives and takes back (`view_advocacyoutput`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from members.models import Organisation
from network.models import Network
from portal import uploads
from portal.history import scoped_history
from portal.texts import MultilingualTextField
from portal.uploads import RandomName
from projects.models import LANGUAGE_CHOICES, Project, Result

# The kinds of organisation an output can be addressed, and submitted, to.
INSTITUTION_KINDS = (
    Organisation.Kind.MINISTRY,
    Organisation.Kind.GOVERNMENT_AGENCY,
    Organisation.Kind.LOCAL_GOVERNMENT,
)

# An output's texts are written in its language; a recommendation's and a submission's in their output's.
OUTPUT_LANGUAGE = "output.language"


class AdvocacyOutput(models.Model):
    """What a network produces to change policy. `body` is rich text, cleaned by portal.sanitise in every
    language on write (advocacy.services.outputs). The row is the working copy; each publication freezes
    it into an OutputVersion, so earlier versions stay readable."""

    class Kind(models.TextChoices):
        STUDY_OR_SURVEY = "study_or_survey", _("Study or survey")
        POLICY_PROPOSAL = "policy_proposal", _("Policy proposal")
        RECOMMENDATION_PACKAGE = "recommendation_package", _("Recommendation package")
        GUIDEBOOK = "guidebook", _("Guidebook")
        METHODOLOGY = "methodology", _("Methodology")
        POSITION_PAPER = "position_paper", _("Position paper")
        CAMPAIGN_MATERIAL = "campaign_material", _("Campaign material")
        TRAINING_COURSE = "training_course", _("Training course")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone who can see the network, once published")
        MEMBERS = "members", _("Members: the network's members only")
        RESTRICTED = "restricted", _("Restricted: the network's members and the addressed institutions")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="advocacy_outputs")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.POLICY_PROPOSAL)
    language = models.CharField(_("language of the texts"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    title = MultilingualTextField(_("title"), max_length=300, multiline=False, blank=True)
    summary = MultilingualTextField(_("summary"), blank=True)
    body = MultilingualTextField(_("body"), blank=True)
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="advocacy_outputs",
        verbose_name=_("project"),
    )  # fmt: skip
    result = models.ForeignKey(
        Result, on_delete=models.PROTECT, null=True, blank=True, related_name="advocacy_outputs",
        verbose_name=_("expected result"),
    )  # fmt: skip
    authors = models.ManyToManyField(
        Organisation, blank=True, related_name="authored_outputs", verbose_name=_("authors")
    )
    institutions = models.ManyToManyField(
        Organisation, through="AddressedInstitution", blank=True, related_name="addressed_outputs",
        verbose_name=_("addressed institutions"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    # An image shown at the top of the output's page; stored by advocacy.services.attachments alone
    # (portal.uploads.accept_file, re-encoded), served by advocacy:output_cover under its random key.
    cover = models.FileField(
        _("cover image"), upload_to=RandomName("advocacy/covers"), max_length=200, blank=True, editable=False
    )
    version = models.PositiveIntegerField(_("version"), default=0)  # the latest published version's number
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("advocacy output")
        verbose_name_plural = _("advocacy outputs")
        indexes = [models.Index(fields=["network", "status"], name="output_network_status")]

    def __str__(self):
        return str(self.title) or str(_("Untitled output"))

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def cover_key(self):
        """The random part of the cover's name: what advocacy:output_cover's URL names it by ("" without)."""
        return uploads.key(self.cover)


class OutputAttachment(models.Model):
    """A file of an output: the full study, its annexes, a presentation, a picture. Written by
    advocacy.services.attachments through portal.uploads (type checked by content, images re-encoded,
    stored under a random name) and served only to those who may read the output (advocacy.views.files);
    documents are downloads, never shown in the page."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(AdvocacyOutput, on_delete=models.CASCADE, related_name="attachments")
    # Not editable: nothing but the service (through portal.uploads) stores a file.
    file = models.FileField(_("file"), upload_to=RandomName("advocacy/files"), max_length=200, editable=False)
    # The random part of the file's name: what the serving URL names it by (portal.uploads.key).
    key = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("name"), max_length=200)  # portal.uploads.clean_name: safe to show
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["output", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["network", "output"], name="output_attachment_network")]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


class AddressedInstitution(models.Model):
    """An institution an output is addressed to (the through table of AdvocacyOutput.institutions)."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(AdvocacyOutput, on_delete=models.CASCADE, related_name="addresses")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["output", "pk"]
        verbose_name = _("addressed institution")
        verbose_name_plural = _("addressed institutions")
        constraints = [
            models.UniqueConstraint(fields=["output", "organisation"], name="addressed_institution_unique"),
        ]

    def __str__(self):
        return str(self.organisation)


class OutputVersion(models.Model):
    """A published output, frozen: what readers of version `number` see, whatever changed since."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(AdvocacyOutput, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language of the texts"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    title = MultilingualTextField(_("title"), max_length=300, multiline=False)
    summary = MultilingualTextField(_("summary"), blank=True)
    body = MultilingualTextField(_("body"), blank=True)
    # [{"position": 1, "text": {...}, "rationale": {...}, "institution": id or None}, …]
    recommendations = models.JSONField(_("recommendations"), default=list, blank=True)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["output", "-number"]
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        constraints = [models.UniqueConstraint(fields=["output", "number"], name="output_version_unique_number")]

    def __str__(self):
        return f"{self.title} (v{self.number})"


class Recommendation(models.Model):
    """A numbered recommendation of an output, optionally addressed to one of the output's institutions."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(AdvocacyOutput, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveIntegerField(_("number"))
    text = MultilingualTextField(_("recommendation"), language_from=OUTPUT_LANGUAGE)
    rationale = MultilingualTextField(_("rationale"), blank=True, language_from=OUTPUT_LANGUAGE)
    institution = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("addressed institution"),
    )  # fmt: skip

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        ordering = ["output", "position"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(fields=["output", "position"], name="recommendation_unique_position"),
        ]

    def __str__(self):
        return f"{self.position}. {self.text}"


class Comment(models.Model):
    """A network member's comment on an output while it is in review."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(AdvocacyOutput, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("language of the text"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    text = MultilingualTextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["output", "created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return str(self.text)[:80]


class Submission(models.Model):
    """The uptake ledger: an output, or one of its recommendations, put to an institution, and its answer.

    `outcome` blank means pending. A later submission may follow up an earlier one of the same output."""

    class Channel(models.TextChoices):
        LETTER = "letter", _("Letter")
        MEETING = "meeting", _("Meeting")
        PUBLIC_CONSULTATION = "public_consultation", _("Public consultation")
        HEARING = "hearing", _("Hearing")

    class Outcome(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
        PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")
        ADOPTED = "adopted", _("Adopted")
        ALREADY_IMPLEMENTED = "already_implemented", _("Already implemented")
        REJECTED = "rejected", _("Rejected")
        NO_RESPONSE = "no_response", _("No response")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(AdvocacyOutput, on_delete=models.CASCADE, related_name="submissions")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, null=True, blank=True, related_name="submissions",
        verbose_name=_("recommendation"),
    )  # fmt: skip
    institution = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="advocacy_submissions", verbose_name=_("institution")
    )
    submitted_on = models.DateField(_("submitted on"))
    channel = models.CharField(_("channel"), max_length=30, choices=Channel.choices, default=Channel.LETTER)
    response_due = models.DateField(_("response due"), null=True, blank=True)
    response_text = MultilingualTextField(_("response"), blank=True, language_from=OUTPUT_LANGUAGE)
    responded_on = models.DateField(_("responded on"), null=True, blank=True)
    evidence_url = models.URLField(_("evidence (link)"), max_length=500, blank=True)
    # Stored by the service alone, through portal.uploads.accept_file (advocacy.services.submissions).
    evidence_file = models.FileField(
        _("evidence (document)"), upload_to=RandomName("advocacy/evidence"), max_length=200, blank=True,
        editable=False,
    )  # fmt: skip
    evidence_name = models.CharField(_("evidence file name"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    follows_up = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups",
        verbose_name=_("follows up"),
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        ordering = ["output", "submitted_on", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [models.Index(fields=["network", "institution"], name="submission_network_institution")]

    def __str__(self):
        return f"{self.output} → {self.institution} ({self.submitted_on.isoformat()})"

    @property
    def has_evidence(self):
        return bool(self.evidence_url or self.evidence_file)
