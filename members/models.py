"""People and organisations. Both are global: one NGO and its people can belong to several networks."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. Logs in with a verified e-mail address; there is no username."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    # The interface's and the e-mails' language (portal.languages); blank until the person chooses one.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organisation(models.Model):
    """An NGO, school, ministry, agency, donor… A global profile, shared by every network it joins."""

    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO / civil society organisation")
        VET_SCHOOL = "vet_school", _("VET school or centre")
        GENERAL_SCHOOL = "general_school", _("General education school")
        MINISTRY = "ministry", _("Ministry")
        GOVERNMENT_AGENCY = "government_agency", _("Government agency")
        LOCAL_GOVERNMENT = "local_government", _("Local government")
        BUSINESS = "business", _("Business")
        FOUNDATION = "foundation", _("Foundation")
        INTERNATIONAL = "international", _("International organisation")
        DONOR = "donor", _("Donor")
        UNIVERSITY = "university", _("University or research institute")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.NGO)
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    iati_identifier = models.CharField(_("IATI organisation identifier"), max_length=100, blank=True)
    # Set when a network's coordinator typed the organisation in (a project partner or funder nobody
    # administers): the record is that network's own, and other networks never match it by name, until
    # the organisation's own people claim it (projects.services.organisations.organisation_merge).
    # An id, not a key: members sits below network and cannot name its model.
    created_in_network_id = models.BigIntegerField(
        _("typed in by network"), null=True, blank=True, db_index=True, editable=False
    )
    # Staff checked who the organisation is (the Django admin's "Mark as verified" action); cleared when its
    # name or website changes. The other way to be verified needs no field: members/verification.py.
    verified_by_staff_at = models.DateTimeField(_("verified by staff"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @cached_property
    def verification(self):
        """Is the organisation who it says it is? (members.verification.organisation_verification)"""
        from members.verification import organisation_verification  # it reads this module's models

        return organisation_verification(self)


class Affiliation(models.Model):
    """A person working for an organisation; admins manage its profile, colleagues and memberships."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="affiliations")
    is_admin = models.BooleanField(_("organisation admin"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="affiliation_unique_user_org"),
        ]
        # No default ordering: it joined Organisation into every read, the permission checks'
        # `user.affiliations.values_list(...)` included. Lists order themselves (members/selectors.py).

    def __str__(self):
        return f"{self.user} @ {self.organisation}"


def new_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class ColleagueInvitation(models.Model):
    """An organisation admin asks a colleague, by e-mail, to join the organisation on Partnera."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When the invitation e-mail went out (claimed before sending, so a job that runs twice sends once).
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("colleague invitation")
        verbose_name_plural = _("colleague invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
