"""`manage.py load_demo [--quiet] [--force]`: the five seed networks, their organisations and demo logins.

Everything is written through the services (organisation_create, network_create, invitation_create,
invitation_accept), so the same validation and permission checks apply as in the browser; the content
lives in network/demo_data.py. Partner organisations join the way a coordinator's invitation works:
the founding coordinator invites, the organisation's admin accepts. Running it again adds nothing:
networks are found by slug, organisations by name, accounts by e-mail, memberships by (network,
organisation). The whole load is one transaction, so it is all there or none of it.

No e-mail goes out: invitations are accepted inside the same transaction, and the invitation job, which
runs after commit, sends nothing for an invitation that is no longer open.
"""

import logging
import time
from contextlib import contextmanager

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django_scopes import scope

from members.models import Organisation
from members.services import ORGANISATION_FIELDS, organisation_create
from network.demo_data import DATA_STEWARD, JOIN_DEMO, NETWORKS, STAFF_LOGIN
from network.models import Membership, Network, Role
from network.services import invitation_accept, invitation_create, network_create
from portal.permissions import network_role

# Demo only, and printed by this command for everyone to see: never load the demo data on a
# server other people can reach (the command refuses to run with DEBUG off unless given --force).
DEMO_PASSWORD = "partnera-demo"

User = get_user_model()


@contextmanager
def _quiet_celery_trace():
    """Without Redis the invitation jobs run in-process after commit; keep their "Task … succeeded" lines
    (one per invitation, each a no-op) out of the output."""
    logger = logging.getLogger("celery.app.trace")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class DemoLoader:
    """Creates what is missing; `created` counts what this run added."""

    def __init__(self):
        self.created = {"networks": 0, "organisations": 0, "memberships": 0, "accounts": 0}
        self._password_hash = None

    # --- people -----------------------------------------------------------------------------------

    def _demo_password_hash(self):
        # Hashed once per run and shared: a full-strength hash costs ~0.5 s, and the password is public.
        if self._password_hash is None:
            self._password_hash = make_password(DEMO_PASSWORD)
        return self._password_hash

    def account(self, spec, *, staff=False, can_log_in=True):
        """The account for spec["email"]; a new one gets the demo password and a verified address.

        An existing account keeps its password (someone may have changed it on purpose).
        """
        email = spec["email"]
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            create = User.objects.create_superuser if staff else User.objects.create_user
            extra = {} if can_log_in else {"is_active": False}
            user = create(email, None, full_name=spec["full_name"], **extra)  # None: unusable password
            if can_log_in:
                user.password = self._demo_password_hash()
                user.save(update_fields=["password"])
            self.created["accounts"] += 1
        if can_log_in:
            # allauth lets only verified addresses log in (ACCOUNT_EMAIL_VERIFICATION = "mandatory").
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        return user

    # --- organisations ----------------------------------------------------------------------------

    def organisation(self, spec, admin):
        organisation = Organisation.objects.filter(name=spec["name"]).first()
        if organisation is None:
            data = {key: value for key, value in spec.items() if key in ORGANISATION_FIELDS}
            organisation = organisation_create(data=data, acting_user=admin)
            self.created["organisations"] += 1
        return organisation

    # --- networks ---------------------------------------------------------------------------------

    def network(self, entry, steward):
        spec = entry["network"]
        # The coordinator organisation with a demo login founds the network (demo_data has one each).
        founders = [o for o in entry["organisations"] if o["role"] == Role.COORDINATOR and "login" in o]
        (founder_spec,) = founders
        coordinator = self.account(founder_spec["login"])
        founding_organisation = self.organisation(founder_spec, coordinator)
        network = Network.objects.filter(slug=spec["slug"]).first()
        if network is None:
            network = network_create(
                data=spec,
                organisation=founding_organisation,
                acting_user=coordinator,
                objectives=entry["objectives"],
                tasks_=entry["tasks"],
            )
            self.created["networks"] += 1
            self.created["memberships"] += 1
        with scope(network=network):
            for org_spec in entry["organisations"]:
                if org_spec is founder_spec:
                    continue
                admin = self.account(org_spec["login"]) if "login" in org_spec else steward
                organisation = self.organisation(org_spec, admin)
                self.membership(network, organisation, org_spec["role"], admin=admin, coordinator=coordinator)
        return network

    def membership(self, network, organisation, role, *, admin, coordinator):
        """The coordinator invites the organisation's admin, who accepts for the organisation."""
        if Membership.objects.filter(
            network=network, organisation=organisation, status__in=Membership.OPEN_STATUSES
        ).exists():
            return
        invitation = invitation_create(
            network=network,
            email=admin.email,
            role=role,
            organisation_name=organisation.name,
            acting_user=coordinator,
        )
        invitation_accept(invitation=invitation, acting_user=admin, organisation=organisation)
        self.created["memberships"] += 1

    # --- everything -------------------------------------------------------------------------------

    def load(self):
        """Load all demo data; return the demo logins as rows (e-mail, role, network slug, organisation)."""
        steward = self.account(DATA_STEWARD, can_log_in=False)
        rows = []
        for entry in NETWORKS:
            network = self.network(entry, steward)
            for org_spec in entry["organisations"]:
                if "login" not in org_spec:
                    continue
                user = self.account(org_spec["login"])
                role = network_role(user, network)
                if role != org_spec["role"]:  # rolls the whole load back
                    raise CommandError(
                        f"{user.email} has role {role!r} in {network.slug}, expected {org_spec['role']!r}: "
                        "the database holds conflicting data (delete it or fix it by hand)."
                    )
                rows.append((user.email, role, network.slug, org_spec["name"]))

        ngo_admin = self.account(JOIN_DEMO["login"])
        self.organisation(JOIN_DEMO["organisation"], ngo_admin)
        rows.append((ngo_admin.email, "NGO admin (no network)", "–", JOIN_DEMO["organisation"]["name"]))

        staff = self.account(STAFF_LOGIN, staff=True)
        rows.append((staff.email, "staff superuser", "–", "–"))
        return rows


class Command(BaseCommand):
    help = (
        "Load the demo networks from the seed documents, their organisations and one demo login per role "
        f"and network (password {DEMO_PASSWORD!r}). Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the table of demo logins.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off. The demo accounts, a superuser among them, share a published "
            "password: only for a throwaway demo server.",
        )

    def handle(self, *args, quiet=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with a published password (a superuser "
                "among them). Use --force only on a throwaway demo server."
            )
        started = time.monotonic()
        loader = DemoLoader()
        with _quiet_celery_trace(), transaction.atomic():
            rows = loader.load()
        elapsed = time.monotonic() - started
        if quiet or options.get("verbosity", 1) == 0:
            return

        created = ", ".join(f"{count} {what}" for what, count in loader.created.items())
        self.stdout.write(f"Demo data loaded in {elapsed:.1f} s (created: {created}).\n")
        header = ("E-mail", "Role", "Network (/networks/<slug>/)", "Organisation")
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(line.format(*header).rstrip())
        self.stdout.write("  ".join("-" * w for w in widths))
        for row in rows:
            self.stdout.write(line.format(*row).rstrip())
        self.stdout.write(f"\nPassword for all demo logins: {DEMO_PASSWORD}  (demo only, not for production)")
        login_url = settings.SITE_URL.rstrip("/") + reverse("account_login")
        self.stdout.write(self.style.SUCCESS(f"Log in at {login_url}"))
