"""`manage.py load_demo [--quiet] [--force]`: the five seed networks, their organisations and demo logins,
and what each seed document describes: projects, a partnership agreement, a news post.

Everything is written through the services (organisation_create, network_create, invitation_create,
invitation_accept, agreement_import, news_post_create, projects.services.project_import), so the same
validation and permission checks apply as in the browser; the content lives in config/demo/.
Partner organisations join the way a coordinator's invitation works: the founding coordinator invites,
the organisation's admin accepts; the network's demo coordinator then records its agreements, news and
projects. Running it again adds nothing: networks are found by slug, organisations by name, accounts by
e-mail, memberships by (network, organisation), agreements by title, news posts by title and date,
projects by address, activity log entries by original title and start date. The whole load is one
transaction, so it is all there or none of it. The illustrative activity log is written through
projects.services.entries (logged by the demo coordinator or member, then submitted, approved or returned).
The advocacy outputs go through advocacy.services (created, addressed, recommendations added, reviewed,
published, submitted to the institutions and answered) by the demo coordinator; outputs are found by original
title, the institutions they address by name. The Armenian ministry's demo login (ministry@demo.partnera.org)
reads the restricted package through the grant its address gives.

This is the composition root, so it names every app's services directly; the content lives in
config/demo/, one module per seed document.

No e-mail goes out: invitations are accepted inside the same transaction, and the invitation job, which
runs after commit, sends nothing for an invitation that is no longer open; the entries' decision e-mails are
marked as sent in the transaction, so their jobs send nothing either.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from config.demo.loader import DEMO_PASSWORD, DemoLoader, quiet_celery_trace


class Command(BaseCommand):
    help = (
        "Load the demo networks from the seed documents, their organisations, projects, agreements and news, "
        f"and one demo login per role and network (password {DEMO_PASSWORD!r}). Safe to run again: it only "
        "adds what is missing."
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
        with quiet_celery_trace(), transaction.atomic():
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
