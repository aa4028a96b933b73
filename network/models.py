"""Networks (the tenant), their objectives, memberships of organisations and invitations."""

from django.conf import global_settings, settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from members.models import Organisation, invitation_expiry, new_token
from portal import uploads
from portal.history import scoped_history
from portal.texts import MultilingualTextField
from portal.uploads import RandomName

# Any language Django knows, as for a project: a network's documents may be in Armenian or Albanian where
# the portal is not translated. Django's own catalogue translates the names.
LANGUAGE_CHOICES = [(code, _(name)) for code, name in global_settings.LANGUAGES]

# A network's objectives are in the network's language, an agreement's areas in the agreement's: a plain
# string given for one of their texts is the original in that language.
NETWORK_LANGUAGE = "network.language"
AGREEMENT_LANGUAGE = "agreement.language"


class Network(models.Model):
    """A coalition, partnership or consortium: the tenant every network-owned row points to.

    Description, founding statement and the objectives' texts are multilingual (portal.texts): the
    original in the network's `language`, translations beside it.
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can see the network page")
        PRIVATE = "private", _("Private: only members see the network")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    language = models.CharField(_("language of the texts"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    description = MultilingualTextField(_("description"), blank=True)
    founding_statement = MultilingualTextField(_("founding statement"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    founded_in = models.CharField(_("founded in (place)"), max_length=120, blank=True)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    show_members = models.BooleanField(_("show member organisations on the public page"), default=True)
    colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#1f5f8b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1f5f8b."))],
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # Written only by network_update through portal.uploads (type checked by content, re-encoded, a random
    # name), served only by network:logo to those who may see the network; so not editable in model forms
    # or the admin, which would store the upload as it came.
    logo = models.FileField(_("logo"), upload_to=RandomName("logos"), blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Who founded it: network_create counts a person's foundings per day (NETWORKS_PER_USER_PER_DAY).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    # The tenant itself: like Network.objects (the directory, the middleware's lookup by slug) its history
    # is not scoped. Its rows are the network's own profile, read only in the admin; nothing network-owned
    # is in them. Every model *owned by* a network uses scoped_history below.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:detail", kwargs={"network_slug": self.slug})

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def logo_key(self):
        """The random part of the logo's name: what network:logo's URL names it by ("" without a logo)."""
        return uploads.key(self.logo)

    @property
    def first_language(self):
        """What the network's agreements and news posts are written in unless they say: its first language."""
        return next(iter(self.languages or ()), None) or self.language


class NetworkObjective(models.Model):
    """One of a network's ordered objectives or tasks, as its founding document lists them."""

    class Kind(models.TextChoices):
        OBJECTIVE = "objective", _("Objective")
        TASK = "task", _("Task")

    # Tenant-owned: every such table carries `network` so the scope can filter it directly.
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="objectives")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OBJECTIVE)
    position = models.PositiveIntegerField(default=0)
    text = MultilingualTextField(_("text"), language_from=NETWORK_LANGUAGE)

    objects = ScopedManager(network="network")

    class Meta:
        verbose_name = _("network objective")
        verbose_name_plural = _("network objectives")
        ordering = ["position", "pk"]

    def __str__(self):
        return str(self.text)[:80]


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


# Higher number, more rights; a person in two member organisations gets the higher role.
ROLE_RANK = {Role.OBSERVER: 1, Role.MEMBER: 2, Role.COORDINATOR: 3}


class Membership(models.Model):
    """An organisation's place in a network: requested → active (or declined/withdrawn) → left/suspended."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", pgettext_lazy("membership status", "Active")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        SUSPENDED = "suspended", _("Suspended")
        LEFT = "left", _("Left")

    OPEN_STATUSES = (Status.REQUESTED, Status.ACTIVE, Status.SUSPENDED)

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    message = models.TextField(_("message"), blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # When the e-mail about the request, and about the decision, went out (claimed before sending, so a
    # job that runs twice sends once).
    request_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    decision_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        # No default ordering: it joined Organisation into every read, the role lookups of the permission
        # checks included. Lists order themselves in network/selectors.py.
        constraints = [
            # One open membership per organisation and network; closed ones stay as history.
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=Q(status__in=["requested", "active", "suspended"]),
                name="membership_one_open_per_org",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.network} ({self.status})"


class Invitation(models.Model):
    """A coordinator invites an organisation, by a person's e-mail, to join the network with a role."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    message = models.TextField(_("message"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    membership = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When the invitation e-mail went out (claimed before sending, so a job that runs twice sends once).
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ScopedManager(network="network")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [
            # `email__iexact` (invitation_create's "already waiting?") compares
            # UPPER(email) on PostgreSQL; an index on that expression spares a sequential scan of every
            # network's invitations. (Services store addresses lower-cased, but the admin does not.)
            models.Index(Upper("email"), name="invitation_email_upper"),
        ]

    def __str__(self):
        return self.email

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


# --- partnership agreements and news ----------------------------------------------------------------


class ContentVisibility(models.TextChoices):
    """Who may read an agreement or a news post. The network's own visibility still applies on top."""

    PUBLIC = "public", _("Public: everyone who can see the network page")
    MEMBERS = "members", _("Members only")


class PartnershipAgreement(models.Model):
    """A signed agreement between organisations: parties with roles, signatories, numbered areas of
    cooperation, the project or programme it was concluded under, and how long it is valid."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="agreements")
    # The language the agreement was signed in; its texts' originals are in it.
    language = models.CharField(_("language of the agreement"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    title = MultilingualTextField(_("title"), max_length=255, multiline=False)
    purpose = MultilingualTextField(_("purpose"), blank=True, help_text=_("The main goal, in a few sentences."))
    # The projects app depends on network, never the other way round, so the project or programme the
    # agreement was concluded under is kept as its title; projects may link back to agreements later.
    # Multilingual like a project's title: it is quoted from the agreement, in the agreement's language,
    # and a translation of the agreement names the project in the translation's words.
    framework = MultilingualTextField(
        _("concluded under (project or programme)"), max_length=500, blank=True,
        help_text=_("The project or programme within which the agreement was concluded."),
    )  # fmt: skip
    signed_on = models.DateField(_("signed on"))
    signed_in = models.CharField(_("place of signing"), max_length=120, blank=True)
    valid_from = models.DateField(
        _("valid from"), null=True, blank=True, help_text=_("Leave empty if it is valid from signing.")
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty if it has no end date.")
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=ContentVisibility.choices, default=ContentVisibility.PUBLIC
    )
    # When the coordinators were told the agreement is about to expire; each reminder goes once.
    # (days before the end, the marker of that reminder), nearest first.
    REMINDER_THRESHOLDS = ((14, "reminded_14_at"), (60, "reminded_60_at"))
    reminded_60_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_14_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        constraints = [
            # The same rules as clean(), kept by the database too for writes that skip validation.
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("signed_on")),
                name="agreement_valid_until_after_signing",
                violation_error_message=_("An agreement cannot end before it is signed."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="agreement_valid_until_after_valid_from",
                violation_error_message=_("An agreement cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return str(self.title)

    def clean(self):
        from django.core.exceptions import ValidationError
        from django.utils.formats import date_format

        if self.valid_until and self.signed_on and self.valid_until < self.signed_on:
            raise ValidationError(
                {
                    "valid_until": _("The agreement cannot end before it is signed: choose %(date)s or later.")
                    % {"date": date_format(self.signed_on, "j F Y")}
                }
            )
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {
                    "valid_until": _("The agreement cannot end before it starts: choose %(date)s or later.")
                    % {"date": date_format(self.valid_from, "j F Y")}
                }
            )

    @property
    def is_public(self):
        return self.visibility == ContentVisibility.PUBLIC

    def validity(self, today=None):
        """'upcoming', 'in_force' or 'ended' on `today`; it starts on `valid_from`, or when it is signed."""
        today = today or timezone.localdate()
        if today < (self.valid_from or self.signed_on):
            return "upcoming"
        if self.valid_until is not None and today > self.valid_until:
            return "ended"
        return "in_force"


class AgreementParty(models.Model):
    """An organisation that is party to an agreement, with its role in it (free text, e.g. "Lider
    Partnerstwa"), in the order the agreement lists them."""

    # Tenant-owned child row: it carries `network` itself so the scoped manager filters it directly,
    # without trusting a join through the agreement.
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    agreement = models.ForeignKey(PartnershipAgreement, on_delete=models.CASCADE, related_name="parties")
    # PROTECT: an agreement is a record of what was signed; its parties must not vanish with a profile.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="agreement_parties")
    role = models.CharField(_("role"), max_length=120, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="agreement_party_once"),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.role}" if self.role else str(self.organisation)


class AgreementSignatory(models.Model):
    """A person who signed an agreement: name, title (their function) and the organisation they signed for."""

    # Tenant-owned child row: carries `network` so the scope filters it without a join.
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    agreement = models.ForeignKey(PartnershipAgreement, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title or function"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("signed for"),
    )  # fmt: skip
    position = models.PositiveIntegerField(default=0)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name


class AgreementArea(models.Model):
    """One numbered area of cooperation, as the agreement lists them (1, 2, 3…)."""

    # Tenant-owned child row: carries `network` so the scope filters it without a join.
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    agreement = models.ForeignKey(PartnershipAgreement, on_delete=models.CASCADE, related_name="areas")
    number = models.PositiveIntegerField(_("number"))
    text = MultilingualTextField(_("area of cooperation"), language_from=AGREEMENT_LANGUAGE)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["number"]
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="agreement_area_number_once"),
        ]

    def __str__(self):
        return f"{self.number}. {str(self.text)[:80]}"


class NewsPost(models.Model):
    """A news item on the network page. The body is plain text (shown with its line breaks); title, body
    and link text are multilingual, the original in the post's `language`."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="news_posts")
    language = models.CharField(_("language of the post"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    title = MultilingualTextField(_("title"), max_length=255, multiline=False)
    published_on = models.DateField(_("date"), default=timezone.localdate)
    body = MultilingualTextField(_("text"))
    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.SET_NULL, null=True, blank=True, related_name="news_posts",
        verbose_name=_("about the agreement"),
    )  # fmt: skip
    # A page of this network (a project, an activity…), as a path: network may not import projects, so a
    # project is linked by its address until the projects app offers a proper link.
    link_path = models.CharField(
        _("link to a page of this network"), max_length=300, blank=True,
        help_text=_("The address of a project or another page of this network, starting with /networks/."),
    )  # fmt: skip
    link_label = MultilingualTextField(_("link text"), max_length=200, multiline=False, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=ContentVisibility.choices, default=ContentVisibility.PUBLIC
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        ordering = ["-published_on", "-pk"]
        # The news lists read one network's posts in this order (network page, news page, API): the index
        # hands them over already ordered, so a LIMIT stops early instead of sorting every post.
        indexes = [models.Index(fields=["network", "-published_on", "-id"], name="newspost_network_published")]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    def __str__(self):
        return str(self.title)

    @property
    def is_public(self):
        return self.visibility == ContentVisibility.PUBLIC
