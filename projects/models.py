"""Projects of a network and their logframe: partners, funding chain, objectives, components with
numbered activities, expected results with indicators, needs, target groups and sites.

Every table here is tenant-owned and carries its own `network` foreign key, even the child rows that
could reach the network through their project (Activity → Component → Project → Network): the scoped
manager can then filter each table directly, so no query can leak across networks through a join that
someone forgot.
"""

import datetime
from decimal import Decimal
from pathlib import PurePath

from dateutil.relativedelta import relativedelta
from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from members.models import Organisation
from network.models import Network
from portal.history import scoped_history
from portal.texts import MultilingualTextField
from portal.uploads import RandomName
from projects import indicator_sources
from projects.currencies import validate_currency

# Any language Django knows, not only the portal's interface languages: a project's documents may be in
# German or Greek even where the portal is not translated. Django's own catalogue translates the names.
LANGUAGE_CHOICES = [(code, _(name)) for code, name in global_settings.LANGUAGES]


# A project's rows are written in the project's language: a plain string given for one of their texts is
# the original in that language.
PROJECT_LANGUAGE = "project.language"


class Project(models.Model):
    """A funded project run by (members of) a network, with its logframe.

    Title and summary are multilingual texts (portal.texts): the original in the project's `language`,
    and any translations beside it, so nothing of a bilingual document is lost. The logframe rows'
    texts are multilingual too, with the project's language as their original.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", pgettext_lazy("project status", "Active")
        CLOSED = "closed", _("Closed")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone who can see the network sees the project")
        PRIVATE = "private", _("Private: only members of the network see the project")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="projects")
    title = MultilingualTextField(_("title"), max_length=300, multiline=False)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    slug = models.SlugField(_("address"), max_length=80)
    programme = models.CharField(
        _("programme or call"), max_length=300, blank=True,
        help_text=_("For example “Erasmus+ Capacity Building in VET”."),
    )  # fmt: skip
    reference = models.CharField(_("reference number"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"), message=_("The budget cannot be negative."))],
    )  # fmt: skip
    budget_currency = models.CharField(
        _("currency"), max_length=3, blank=True, validators=[validate_currency],
        help_text=_("The ISO 4217 code, for example EUR, USD or AMD."),
    )  # fmt: skip
    countries = CountryField(_("countries"), multiple=True, multiple_sort=False, blank=True)  # as listed
    language = models.CharField(_("language of the texts"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    summary = MultilingualTextField(_("summary"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(network="network")
    history = scoped_history(network="network")

    class Meta:
        ordering = ["-start_date", "slug"]  # the slug: a title is in several languages
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="project_unique_slug_per_network"),
        ]

    def __str__(self):
        return f"{self.acronym}: {self.title}" if self.acronym else str(self.title)

    def clean(self):
        errors = {}
        # Dates that failed to parse are still strings here (full_clean runs clean() anyway): skip them.
        if _both_dates(self.start_date, self.end_date) and self.end_date < self.start_date:
            errors["end_date"] = _("The project cannot end before it starts (%(start)s).") % {
                "start": self.start_date.isoformat()
            }
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Give the currency of the budget.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def duration_months(self):
        """Whole months from start to end, both days included (1 Jan 2025 – 31 Dec 2027 is 36).

        A remainder of 15 days or more counts as a month, as funders round durations in their calls.
        """
        if not (self.start_date and self.end_date):
            return None
        span = relativedelta(self.end_date + datetime.timedelta(days=1), self.start_date)  # to the day after
        return span.years * 12 + span.months + (1 if span.days >= 15 else 0)


def _both_dates(*values):
    return all(isinstance(v, datetime.date) for v in values)


class IatiOrganisationRole(models.IntegerChoices):
    """IATI OrganisationRole codelist (see shared/iati/codelists/OrganisationRole.xml)."""

    FUNDING = 1, pgettext_lazy("IATI organisation role", "Funding")
    ACCOUNTABLE = 2, pgettext_lazy("IATI organisation role", "Accountable")
    EXTENDING = 3, pgettext_lazy("IATI organisation role", "Extending")
    IMPLEMENTING = 4, pgettext_lazy("IATI organisation role", "Implementing")


class PartnerRole(models.TextChoices):
    """A partner's role in a project, in the words the projects use. `iati_role` maps it for export."""

    LEAD = "lead", _("Lead partner / coordinator")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")
    EXTENDING = "extending", _("Fund manager (manages the funds for the funder)")
    IMPLEMENTING = "implementing", _("Implementing organisation")
    ASSOCIATED = "associated", _("Associated partner")
    BENEFICIARY = "beneficiary", _("Beneficiary")

    @property
    def iati_role(self):
        return PARTNER_IATI_ROLES[self]


# Each role's IATI organisation role. IATI has no "partner", "associated" or "beneficiary" role: they take
# part in carrying the project out, so they are reported as implementing. The lead answers to the funder
# for the project (accountable); an organisation playing two roles is entered once per role.
PARTNER_IATI_ROLES = {
    PartnerRole.LEAD: IatiOrganisationRole.ACCOUNTABLE,
    PartnerRole.PARTNER: IatiOrganisationRole.IMPLEMENTING,
    PartnerRole.FUNDER: IatiOrganisationRole.FUNDING,
    PartnerRole.EXTENDING: IatiOrganisationRole.EXTENDING,
    PartnerRole.IMPLEMENTING: IatiOrganisationRole.IMPLEMENTING,
    PartnerRole.ASSOCIATED: IatiOrganisationRole.IMPLEMENTING,
    PartnerRole.BENEFICIARY: IatiOrganisationRole.IMPLEMENTING,
}

# The order in which the project page groups partners.
PARTNER_ROLE_ORDER = list(PartnerRole)


class ProjectItem(models.Model):
    """What every row of a project has: its network, its project (declared by each subclass, for a
    readable reverse name such as `project.activities`) and a position among its siblings."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = ScopedManager(network="network")

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class ProjectPartner(ProjectItem):
    """An organisation in a project with one role. Organisations are global: a partner need not be a
    member of the network (a funder, a ministry, a school abroad)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="project_roles")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta(ProjectItem.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="project_partner_unique_role",
                violation_error_message=_("This organisation already has this role in the project."),
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    @property
    def iati_role(self):
        return PartnerRole(self.role).iati_role


class FundingLink(ProjectItem):
    """One step of the funding chain, from the origin of the money down to this project, e.g.
    European Union → “Commitment to Constructive Dialogue” (a project) → this project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding_links")

    class Kind(models.TextChoices):
        FUNDER = "funder", _("Funder")
        PROGRAMME = "programme", _("Programme or call")
        INTERMEDIARY = "intermediary", _("Intermediary project or fund")
        IMPLEMENTER = "implementer", _("Implementing organisation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FUNDER)
    name = models.CharField(_("name"), max_length=300)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text=_("Linked automatically when an organisation of that name is on Partnera."),
    )  # fmt: skip

    class Meta(ProjectItem.Meta):
        verbose_name = _("funding link")
        verbose_name_plural = _("funding chain")

    def __str__(self):
        return self.name


class Objective(ProjectItem):
    """The overall objective(s) and the ordered specific objectives."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="objectives")

    class Kind(models.TextChoices):
        OVERALL = "overall", _("Overall objective")
        SPECIFIC = "specific", _("Specific objective")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SPECIFIC)
    text = MultilingualTextField(_("text"), language_from=PROJECT_LANGUAGE)

    class Meta(ProjectItem.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["kind", "position", "pk"]  # "overall" sorts before "specific"

    def __str__(self):
        return str(self.text)[:80]


class Component(ProjectItem):
    """A pillar, work package or key activity. Its position is its number (Pillar 1, Pillar 2…)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="components")

    class Kind(models.TextChoices):
        COMPONENT = "component", _("Component")
        PILLAR = "pillar", _("Pillar")
        WORK_PACKAGE = "work_package", _("Work package")
        KEY_ACTIVITY = "key_activity", _("Key activity")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPONENT)
    title = MultilingualTextField(_("title"), max_length=500, multiline=False, language_from=PROJECT_LANGUAGE)
    description = MultilingualTextField(_("description"), blank=True, language_from=PROJECT_LANGUAGE)

    class Meta(ProjectItem.Meta):
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self):
        return f"{self.get_kind_display()} {self.position}: {self.title}"

    @property
    def number(self):
        return self.position


class Activity(ProjectItem):
    """A planned activity, numbered "<component number>.<position>" (1.1, 1.2, 2.1…).

    The code is derived from the positions and stored, so the activity log and reports can name it and
    the database can refuse two activities with the same code in one project. projects.services
    renumbers every code inside one transaction whenever components or activities move.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(_("number"), max_length=20)
    title = MultilingualTextField(_("title"), max_length=500, multiline=False, language_from=PROJECT_LANGUAGE)
    description = MultilingualTextField(_("description"), blank=True, language_from=PROJECT_LANGUAGE)
    # Progress (projects.services.progress): an activity with approved entries is in progress; it is done
    # only when a coordinator says so, since no count of entries can tell that the work is finished.
    done_at = models.DateTimeField(_("marked done"), null=True, blank=True, editable=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        editable=False,
    )  # fmt: skip

    class Meta(ProjectItem.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="activity_unique_code_per_project"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class Result(ProjectItem):
    """An expected result: an outcome, an output or a deliverable."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")

    class Level(models.TextChoices):
        OUTCOME = "outcome", pgettext_lazy("logframe level", "Outcome")
        OUTPUT = "output", pgettext_lazy("logframe level", "Output")
        DELIVERABLE = "deliverable", pgettext_lazy("logframe level", "Deliverable")

    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.OUTPUT)
    title = MultilingualTextField(_("title"), max_length=500, multiline=False, language_from=PROJECT_LANGUAGE)
    description = MultilingualTextField(_("description"), blank=True, language_from=PROJECT_LANGUAGE)

    class Meta(ProjectItem.Meta):
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")

    def __str__(self):
        return str(self.title)


def entry_kind_choices():
    """The activity log's kinds, for a computed indicator (ActivityEntry is defined further down)."""
    return ActivityEntry.Kind.choices


def indicator_source_choices():
    """Typed in, the activity log, and the sources later apps register (projects.indicator_sources)."""
    return [*Indicator.Source.choices, *indicator_sources.choices()]


class Indicator(ProjectItem):
    """How a result is measured: a unit, a baseline and a target; actual values come per period."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    name = MultilingualTextField(_("indicator"), max_length=500, multiline=False, language_from=PROJECT_LANGUAGE)
    unit = models.CharField(_("unit"), max_length=100, blank=True, help_text=_("For example: schools, people, %."))
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)

    # --- computed from the activity log (projects.selectors.computed_indicators) ---
    class Source(models.TextChoices):
        TYPED = "typed", _("Typed in: the actual values are entered per period")
        LOG = "log", _("From the activity log: calculated from the approved entries")

    class Measure(models.TextChoices):
        PARTICIPANTS = "participants", _("Participants in the entries")
        ENTRIES = "entries", _("Number of entries")

    class Breakdown(models.TextChoices):
        """Which participants count; each value but ALL is the entry's field of that name."""

        ALL = "all", _("All participants")
        WOMEN = "women", _("Women")
        MEN = "men", _("Men")
        OTHER_OR_NOT_GIVEN = "other_or_not_given", _("Other or not given (sex)")
        UNDER_18 = "under_18", _("Under 18")
        AGE_18_29 = "age_18_29", _("Aged 18–29")
        AGE_30_64 = "age_30_64", _("Aged 30–64")
        AGE_65_PLUS = "age_65_plus", _("Aged 65 and over")
        AGE_NOT_GIVEN = "age_not_given", _("Age not given")
        WITH_DISABILITIES = "with_disabilities", _("Persons with disabilities")

        @property
        def entry_field(self):
            return "participants_total" if self == self.ALL else self.value

    # TYPED, LOG, or the key of a source another app registered (projects.indicator_sources).
    source = models.CharField(_("actual values"), max_length=30, choices=indicator_source_choices, default=Source.TYPED)
    measure = models.CharField(_("what is counted"), max_length=20, choices=Measure.choices, blank=True)
    entry_kind = models.CharField(
        _("kind of entries"), max_length=20, choices=entry_kind_choices, blank=True,
        help_text=_("Leave empty to count entries of any kind."),
    )  # fmt: skip
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="computed_indicators", verbose_name=_("planned activities"),
        help_text=_("Only entries logged for these activities count; none chosen: all of the project's entries."),
    )  # fmt: skip
    breakdown = models.CharField(
        _("which participants"), max_length=20, choices=Breakdown.choices, default=Breakdown.ALL
    )

    class Meta(ProjectItem.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return str(self.name)

    @property
    def is_computed(self):
        """Its actual values are calculated (from the activity log or a registered source), not typed in."""
        return self.source != self.Source.TYPED

    @property
    def is_from_log(self):
        return self.source == self.Source.LOG

    @property
    def registered_source(self):
        """The projects.indicator_sources source it is computed from, else None."""
        return indicator_sources.get(self.source)

    def clean(self):
        """The rules a computed indicator keeps (its activities are checked by the service: they are
        set after saving)."""
        if not self.is_from_log:
            return
        if not self.measure:
            raise ValidationError({"measure": _("Say what is counted: participants or entries.")})
        if self.measure == self.Measure.ENTRIES and self.breakdown != self.Breakdown.ALL:
            raise ValidationError(
                {"breakdown": _("Entries are counted whole; a breakdown of the participants needs "
                                "“Participants in the entries”.")}
            )  # fmt: skip


class IndicatorValue(ProjectItem):
    """The actual value of an indicator for one reporting period."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    value = models.DecimalField(_("actual value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta(ProjectItem.Meta):
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")
        ordering = ["period_start", "pk"]
        constraints = [
            # The database keeps one value per period, even against two saves at once; the service turns
            # the refusal into the message on the field (projects.services.items._save).
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"], name="indicator_value_unique_period",
                violation_error_message=_("There is already a value for this period."),
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.period_start} – {self.period_end})"

    @property
    def calendar_year(self):
        """The year, when the period is exactly one calendar year (most reporting is); else None."""
        start, end = self.period_start, self.period_end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return start.year
        return None

    def clean(self):
        if not _both_dates(self.period_start, self.period_end):
            return  # a date that failed to parse has its own error already
        if self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})


class Need(ProjectItem):
    """A need the project answers."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="needs")
    text = MultilingualTextField(_("need"), language_from=PROJECT_LANGUAGE)

    class Meta(ProjectItem.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self):
        return str(self.text)[:80]


class TargetGroup(ProjectItem):
    """A group of people or institutions the project works for."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="target_groups")
    name = MultilingualTextField(_("target group"), max_length=300, multiline=False, language_from=PROJECT_LANGUAGE)

    class Meta(ProjectItem.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return str(self.name)


class Site(ProjectItem):
    """A pilot school, centre or other place where the project works."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("name"), max_length=300)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text=_("Linked automatically when an organisation of that name is on Partnera."),
    )  # fmt: skip

    class Meta(ProjectItem.Meta):
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return self.name


# --- the activity log -------------------------------------------------------------------------------


class ActivityEntry(models.Model):
    """What a partner actually did: one training, workshop, meeting… logged with its participants.

    It belongs to the network and, optionally, to one of its projects and that project's planned activity
    (network-level work has neither). The workflow runs draft → submitted → approved, or submitted →
    returned (with a reason) → submitted again; projects.services.entries writes every step. Deleting
    is soft (`deleted_at`), so a coordinator can restore.
    """

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        WORKSHOP = "workshop", _("Workshop")
        CONFERENCE = "conference", _("Conference")
        MEETING = "meeting", _("Meeting")
        STUDY_OR_SURVEY = "study_or_survey", _("Study or survey")
        CAMPAIGN_ACTION = "campaign_action", _("Campaign action")
        MOBILITY = "mobility", _("Mobility")
        ADVOCACY_MEETING = "advocacy_meeting", _("Advocacy meeting")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    # Statuses in which the entry's organisation may still change it.
    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)

    # The breakdowns of the total, each group of which may not add up to more than the total.
    SEX_FIELDS = ("women", "men", "other_or_not_given")
    AGE_FIELDS = ("under_18", "age_18_29", "age_30_64", "age_65_plus", "age_not_given")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="activity_entries")
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="entries",
        verbose_name=_("project"),
    )  # fmt: skip
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, null=True, blank=True, related_name="entries",
        verbose_name=_("planned activity"),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    language = models.CharField(_("language of the texts"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    title = MultilingualTextField(_("title"), max_length=300, multiline=False)
    description = MultilingualTextField(_("description"), blank=True)
    outcomes = MultilingualTextField(_("outcomes"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="entries", verbose_name=_("site")
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    participants_total = models.PositiveIntegerField(_("participants"), default=0)
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    other_or_not_given = models.PositiveIntegerField(_("other or not given"), default=0)
    under_18 = models.PositiveIntegerField(_("under 18"), default=0)
    age_18_29 = models.PositiveIntegerField(_("18–29"), default=0)
    age_30_64 = models.PositiveIntegerField(_("30–64"), default=0)
    age_65_plus = models.PositiveIntegerField(_("65 and over"), default=0)
    age_not_given = models.PositiveIntegerField(_("age not given"), default=0)
    with_disabilities = models.PositiveIntegerField(_("persons with disabilities"), default=0)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="activity_entries", verbose_name=_("partner organisations")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="entries", verbose_name=_("target groups reached")
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    returned_reason = models.TextField(_("reason for returning"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="logged_entries", verbose_name=_("logged by")
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deleted_at = models.DateTimeField(null=True, blank=True)
    # When the e-mail about the approval, and about the return, went out (portal.mail.send_once). The
    # return marker is cleared on resubmission, so a second return sends a second e-mail.
    approved_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    returned_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What the list's text search reads (projects.search): the texts in every language and the organisation's
    # name, in lower case; the services refresh it. On PostgreSQL a GIN index (migration 0005) covers it.
    search_document = models.TextField(editable=False, blank=True, default="")

    objects = ScopedManager(network="network")
    history = scoped_history(network="network", excluded_fields=["search_document"])

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        indexes = [
            models.Index(fields=["network", "status"], name="entry_network_status"),
            models.Index(fields=["network", "project", "start_date"], name="entry_network_project_date"),
            # The activity log's list order (newest first) and its count, read from the index alone.
            models.Index(
                fields=["network", "-start_date", "-id"],
                name="entry_network_date",
                condition=models.Q(deleted_at__isnull=True),
            ),  # fmt: skip
            # The list filtered by kind, status or organisation, in its order: its page and its (capped)
            # count read the matching entries only, not the whole network's by date.
            *(
                models.Index(
                    fields=["network", field, "-start_date", "-id"],
                    name=f"entry_{field}_date",
                    condition=models.Q(deleted_at__isnull=True),
                )
                for field in ("kind", "status", "organisation")
            ),
            # The coordinators' queue (oldest submission first) and the number waiting on its tab.
            models.Index(
                fields=["network", "submitted_at", "id"],
                name="entry_network_queue",
                condition=models.Q(status="submitted", deleted_at__isnull=True),
            ),
            # A project's counted entries (approved, not deleted: projects.selectors.counted_entries) read
            # from the index alone: their number, participants and organisations, and the latest by date
            # (one step down per project), as the donor portfolio sums them for a page of projects.
            models.Index(
                fields=["network", "project", "-start_date", "-id"],
                include=["organisation", "participants_total"],
                name="entry_counted_project",
                condition=models.Q(status="approved", deleted_at__isnull=True),
            ),
        ]

    def __str__(self):
        return str(self.title)

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_editable(self):
        return self.status in self.EDITABLE_STATUSES

    def clean(self):
        errors = {}
        if _both_dates(self.start_date, self.end_date) and self.end_date < self.start_date:
            errors["end_date"] = _("The activity cannot end before it starts (%(start)s).") % {
                "start": self.start_date.isoformat()
            }
        total = self.participants_total
        if isinstance(total, int):
            for group, label in (
                (self.SEX_FIELDS, _("The participants by sex add up to %(sum)s, more than the total of %(total)s.")),
                (self.AGE_FIELDS, _("The participants by age add up to %(sum)s, more than the total of %(total)s.")),
            ):
                values = [getattr(self, name) for name in group]
                if all(isinstance(v, int) for v in values) and sum(values) > total:
                    errors[group[0]] = label % {"sum": sum(values), "total": total}
            if isinstance(self.with_disabilities, int) and self.with_disabilities > total:
                errors["with_disabilities"] = _(
                    "There cannot be more persons with disabilities than participants (%(total)s)."
                ) % {"total": total}
        if errors:
            raise ValidationError(errors)


# --- attachments and photos of activity log entries ------------------------------------------------


class EntryAttachment(models.Model):
    """A file attached to an activity log entry: a document (agenda, report, list of participants) or a
    photo of the activity. projects.services.attachments writes it, through portal.uploads: the type is
    checked by content, images are re-encoded, every file is stored under a random name and served only to
    those who may see the entry (projects.views.attachments). Images get a thumbnail from a background job
    (projects.tasks.make_entry_thumbnail); until then `thumbnail` is empty."""

    class Kind(models.TextChoices):
        ATTACHMENT = "attachment", _("Attachment")
        PHOTO = "photo", _("Photo")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(ActivityEntry, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ATTACHMENT)
    # Plain FileFields, not editable: nothing but the service (through portal.uploads) stores a file.
    file = models.FileField(_("file"), upload_to=RandomName("entries"), max_length=200, editable=False)
    thumbnail = models.FileField(
        _("thumbnail"), upload_to=RandomName("entries/thumbnails"), max_length=200, blank=True, editable=False
    )
    # The random part of the file's name: what the serving URL names it by (portal.uploads.key).
    key = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("name"), max_length=200)  # portal.uploads.clean_name: safe to show
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    width = models.PositiveIntegerField(null=True, blank=True)  # images only
    height = models.PositiveIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["entry", "kind", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["network", "entry"], name="attachment_network_entry")]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")

    @property
    def extension(self):
        """ "PDF", "DOCX": what the list shows where there is no thumbnail."""
        return PurePath(self.file.name).suffix.lstrip(".").upper()


# --- evaluators -------------------------------------------------------------------------------------


class ProjectEvaluator(models.Model):
    """One named person a coordinator lets read one project until a day (inclusive): an evaluator or an
    auditor who is no member of the network. projects.services.evaluators writes it; has_project_grant
    (projects/permissions.py) reads it. A row past its day stays, as a record of who read the project until
    when; a revoked one goes (the audit log keeps it)."""

    # Its own network (not only through the project): the scoped manager filters this table alone.
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="evaluators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evaluated_projects", verbose_name=_("person")
    )
    until = models.DateField(_("until"), help_text=_("The last day they may read the project."))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["-until", "pk"]
        verbose_name = _("evaluator")
        verbose_name_plural = _("evaluators")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_evaluator_unique_person"),
        ]

    def __str__(self):
        return str(self.user)


# --- reporting-period locks -------------------------------------------------------------------------


class ReportingPeriodLock(models.Model):
    """A reporting period a coordinator closed (after a donor report went out): entries whose start date
    falls in it cannot be changed until a coordinator reopens it, with a reason.

    Without a project it closes the period for the whole network (every entry, of any project); with one,
    for that project's entries only. A reopened lock stays as a record of who reopened it and why.
    projects.services.periods writes it; projects.services.entries asks it before every change.
    """

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="period_locks")
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="period_locks",
        verbose_name=_("project"), help_text=_("Leave empty to lock the period for the whole network."),
    )  # fmt: skip
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    note = models.TextField(_("note"), blank=True, help_text=_("Why, e.g. “Interim report to the donor sent”."))
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    locked_at = models.DateTimeField(auto_now_add=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("locked reporting period")
        verbose_name_plural = _("locked reporting periods")
        indexes = [models.Index(fields=["network", "start", "end"], name="period_lock_network_dates")]

    def __str__(self):
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def is_active(self):
        return self.reopened_at is None

    def covers(self, entry_project_id, day):
        """Does this lock close an entry of that project (None: network-level) starting on `day`?"""
        if day is None or not self.start <= day <= self.end:
            return False
        return self.project_id is None or self.project_id == entry_project_id

    def clean(self):
        if _both_dates(self.start, self.end) and self.end < self.start:
            raise ValidationError({"end": _("The period cannot end before it starts.")})


# --- the activity log's exports ---------------------------------------------------------------------


class EntryExport(models.Model):
    """An XLSX export of the activity log too large to build during the request: a background job
    (projects.tasks.export_entries) builds it from the list's filters as the requester may see it, stores
    the file under a random name and e-mails the requester the link. Only the requester and the
    network's coordinators open it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        XLSX = "xlsx", "XLSX"

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="entry_exports")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The list's filter parameters as the requester gave them (projects.forms.EntryFilterForm reads them).
    filters = models.JSONField(default=dict, blank=True)
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.XLSX)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    row_count = models.PositiveIntegerField(null=True, blank=True)
    file = models.FileField(upload_to=RandomName("entry-exports"), blank=True, editable=False)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)  # portal.mail.send_once

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("activity log export")
        verbose_name_plural = _("activity log exports")

    def __str__(self):
        return f"{self.get_format_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
