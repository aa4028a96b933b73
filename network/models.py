"""Networks (the tenant), their objectives, memberships of organisations and invitations."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from members.models import Organisation, invitation_expiry, new_token


class Network(models.Model):
    """A coalition, partnership or consortium: the tenant every network-owned row points to."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can see the network page")
        PRIVATE = "private", _("Private: only members see the network")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    founding_statement = models.TextField(_("founding statement"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    founded_in = models.CharField(_("founded in (place)"), max_length=120, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    show_members = models.BooleanField(_("show member organisations on the public page"), default=True)
    colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#1f5f8b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1f5f8b."))],
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC


class NetworkObjective(models.Model):
    """One of a network's ordered objectives or tasks, as its founding document lists them."""

    class Kind(models.TextChoices):
        OBJECTIVE = "objective", _("Objective")
        TASK = "task", _("Task")

    # Tenant-owned: every such table carries `network` so the scope can filter it directly.
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="objectives")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OBJECTIVE)
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("text"))

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text[:80]


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
        ACTIVE = "active", _("Active")
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

    objects = ScopedManager(network="network")
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
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

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
