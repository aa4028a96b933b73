"""Writes config/demo's content through the services of every app (see the load_demo command)."""

import logging
from contextlib import contextmanager

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db.models import Q
from django.utils import timezone
from django_scopes import scope

from advocacy.models import AdvocacyOutput
from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_create, output_publish, output_start_review
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record, submission_respond
from config.demo import DATA_STEWARD, DONOR_DEMO, JOIN_DEMO, NETWORKS, STAFF_LOGIN, logos
from config.demo.common import SHARED_ORGANISATIONS
from members.models import Organisation
from members.services import colleague_invitation_accept, colleague_invite, organisation_create, organisation_register
from network import selectors
from network.models import Membership, Network, Role
from network.permissions import network_role
from network.services.agreements import agreement_import
from network.services.invitations import invitation_accept, invitation_create
from network.services.networks import network_create, network_update
from network.services.news import news_post_create
from portal.texts import MultilingualText
from projects.models import Activity, ActivityEntry, Project, ProjectPartner, Result, Site, TargetGroup
from projects.services.entries import entry_approve, entry_create, entry_return, entry_submit
from projects.services.imports import project_import

# Demo only, and printed by load_demo for everyone to see: never load the demo data on a server other
# people can reach (the command refuses to run with DEBUG off unless given --force).
DEMO_PASSWORD = "partnera-demo"

# What an organisation's spec holds besides its fields (config.demo's docstring gives the shape).
ORGANISATION_SPEC_KEYS = ("role", "login")
# What an activity log entry's spec holds besides the service's fields: who logs it ("coordinator", the
# network's demo coordinator, or "member", the member organisation's demo account), the workflow status it
# ends in (draft, submitted, approved by the coordinator, or returned with `returned_reason`).
ENTRY_SPEC_KEYS = ("by", "status", "returned_reason")
# What an advocacy output's spec holds besides advocacy.services.outputs.OUTPUT_FIELDS: its project by address,
# its expected result and authors, institutions and each recommendation's institution by name, the status it
# ends in, and its submissions (the recommendation by number, an earlier submission it follows up by its
# "key", the institution's "response").
OUTPUT_SPEC_KEYS = ("project", "result", "authors", "institutions", "recommendations", "status", "submissions")
SUBMISSION_SPEC_KEYS = ("key", "response")

User = get_user_model()


@contextmanager
def quiet_celery_trace():
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
        self.created = {
            "networks": 0, "organisations": 0, "memberships": 0, "accounts": 0, "agreements": 0, "news posts": 0,
            "projects": 0, "logos": 0, "entries": 0, "advocacy outputs": 0,
        }  # fmt: skip
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
        # allauth lets only verified addresses log in (ACCOUNT_EMAIL_VERIFICATION = "mandatory"), and only a
        # verified address accepts an invitation: the steward, who cannot log in, accepts the loader's for
        # the organisations nobody administers (the demo owns all these addresses).
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        return user

    # --- organisations ----------------------------------------------------------------------------

    def organisation(self, spec, admin):
        organisation = Organisation.objects.filter(name=spec["name"]).first()
        if organisation is None:
            # The spec's own keys (the membership's role, the demo login) are the loader's; every other
            # key goes to the service, which refuses a misspelt one instead of loading without it.
            data = {key: value for key, value in spec.items() if key not in ORGANISATION_SPEC_KEYS}
            organisation = organisation_create(data=data, acting_user=admin)
            self.created["organisations"] += 1
        return organisation

    # --- networks ---------------------------------------------------------------------------------

    @staticmethod
    def founder(entry):
        """The coordinator organisation with a demo login: it founds the network (demo_data has one each)."""
        (founder_spec,) = [o for o in entry["organisations"] if o["role"] == Role.COORDINATOR and "login" in o]
        return founder_spec

    def network(self, entry, steward):
        spec = entry["network"]
        founder_spec = self.founder(entry)
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
            self.logo(network, coordinator)
        return network

    def logo(self, network, coordinator):
        """A drawn logo (config/demo/logos.py) for the networks that get one, uploaded as a coordinator would."""
        if network.slug not in logos.NETWORKS or network.logo:
            return
        drawn = ContentFile(logos.acronym_logo(network.acronym or network.name, network.colour), name="logo.png")
        network_update(network=network, data={}, acting_user=coordinator, logo=drawn)
        self.created["logos"] += 1

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
        # The loader writes for both sides, so it holds the token the invitation mail would carry.
        invitation_accept(invitation=invitation, token=invitation.token, acting_user=admin, organisation=organisation)
        self.created["memberships"] += 1

    # --- agreements and news ----------------------------------------------------------------------

    # The content methods run inside the network's scope, entered by load(): services never enter one.

    def agreements(self, entry, network, coordinator):
        for spec in entry.get("agreements", ()):
            language = spec.get("language") or network.first_language
            title = MultilingualText.coerce(spec["title"], language=language).original
            if selectors.agreement_titled(network=network, title=title) is None:
                agreement_import(network=network, data=spec, acting_user=coordinator)
                self.created["agreements"] += 1

    def news(self, entry, network, coordinator):
        for spec in entry.get("news", ()):
            language = spec.get("language") or network.first_language
            title = MultilingualText.coerce(spec["title"], language=language).original
            if selectors.news_post_titled(network=network, title=title, published_on=spec["published_on"]):
                continue
            data = dict(spec)
            if data.get("agreement"):  # named by its original title
                data["agreement"] = selectors.agreement_titled(network=network, title=data["agreement"])
                if data["agreement"] is None:
                    raise CommandError(f"No agreement titled {spec['agreement']!r} in {network.slug}")
            news_post_create(network=network, data=data, acting_user=coordinator)
            self.created["news posts"] += 1

    # --- projects -------------------------------------------------------------------------------

    def projects(self, entry, network, coordinator):
        """Each project goes through project_import as the network's demo coordinator, so the same
        validation applies as on the pages; a project whose address exists already is left as it is."""
        for data in entry.get("projects", ()):
            if Project.objects.filter(network=network, slug=data["slug"]).exists():
                continue
            organisations_before = Organisation.objects.count()
            project_import(network=network, data=self._shared_partners(data), acting_user=coordinator)
            self.created["projects"] += 1
            # Partners and addressees new to Partnera are created by the import (without an admin).
            self.created["organisations"] += Organisation.objects.count() - organisations_before

    @staticmethod
    def _shared_partners(data):
        """The project's spec with each partner named in SHARED_ORGANISATIONS given as that organisation's record
        (the one a seed's members created), so the import does not type in a second one for this network."""
        partners = []
        for partner in data.get("partners", ()):
            if partner.get("organisation") in SHARED_ORGANISATIONS:
                found = Organisation.objects.get(name=partner["organisation"], created_in_network_id__isnull=True)
                partner = {**partner, "organisation": found}
            partners.append(partner)
        return {**data, "partners": partners} if partners else data

    # --- the activity log ------------------------------------------------------------------------

    def entries(self, entry, network, coordinator):
        """Each entry is logged through the workflow services by whoever its spec names, then submitted,
        approved or returned by the demo coordinator as the spec says. An entry is found again by its
        original title and start date (an entry deleted by hand comes back; nothing is duplicated)."""
        specs = entry.get("entries", ())
        if not specs:
            return
        rows = ActivityEntry.objects.filter(network=network).only("title", "language", "start_date")
        logged = {(row.title.original, row.start_date) for row in rows}
        missing = [spec for spec in specs if (self._entry_title(spec, network), spec["start_date"]) not in logged]
        if not missing:
            return
        people = {"coordinator": (coordinator, self.organisation(self.founder(entry), coordinator))}
        (member_spec,) = [o for o in entry["organisations"] if o["role"] == Role.MEMBER and "login" in o]
        member = self.account(member_spec["login"])
        people["member"] = (member, self.organisation(member_spec, member))
        names = _EntryNames(network)
        decided = []
        for spec in missing:
            user, organisation = people[spec["by"]]
            data = names.resolve({key: value for key, value in spec.items() if key not in ENTRY_SPEC_KEYS})
            row = entry_create(network=network, acting_user=user, organisation=organisation, data=data)
            status = spec.get("status", ActivityEntry.Status.APPROVED)
            if status != ActivityEntry.Status.DRAFT:
                row = entry_submit(entry=row, acting_user=user)
            if status == ActivityEntry.Status.APPROVED:
                decided.append(entry_approve(entry=row, acting_user=coordinator).pk)
            elif status == ActivityEntry.Status.RETURNED:
                decided.append(entry_return(entry=row, acting_user=coordinator, reason=spec["returned_reason"]).pk)
            self.created["entries"] += 1
        # The decisions' e-mails would go to the demo addresses: their markers are claimed here, in the same
        # transaction, so the job that runs after the commit (portal.mail.send_once) finds them taken and
        # sends nothing, as the invitation jobs find their invitations accepted.
        now = timezone.now()
        decided_rows = ActivityEntry.objects.filter(network=network, pk__in=decided)
        decided_rows.filter(status=ActivityEntry.Status.APPROVED).update(approved_notified_at=now)
        decided_rows.filter(status=ActivityEntry.Status.RETURNED).update(returned_notified_at=now)

    @staticmethod
    def _entry_title(spec, network):
        language = spec.get("language") or network.language or network.first_language
        return MultilingualText.coerce(spec["title"], language=language).original

    # --- advocacy ---------------------------------------------------------------------------------

    def institutions(self, entry, network):
        """The institutions the network's outputs are addressed to that are not its members: found by name; a new
        one is created by its demo login (its admin) if it has one, else recorded as typed in by the network
        (nobody administers it). Returns the login rows."""
        rows = []
        for spec in entry.get("institutions", ()):
            data = {key: value for key, value in spec.items() if key != "login"}
            organisation = Organisation.objects.filter(name=spec["name"]).first()
            if "login" in spec:
                user = self.account(spec["login"])
                if organisation is None:
                    organisation = organisation_create(data=data, acting_user=user)
                    self.created["organisations"] += 1
                rows.append((user.email, "institution staff", f"– (addressed by {network.slug})", organisation.name))
            elif organisation is None:
                organisation_register(data=data, network_id=network.pk)
                self.created["organisations"] += 1
        return rows

    def outputs(self, entry, network, coordinator):
        """Each output is written through the advocacy services by the network's demo coordinator: created,
        addressed, its recommendations added, sent for review and published, then its submissions and the
        answers recorded in the ledger. Found again by original title (one deleted by hand comes back)."""
        specs = entry.get("outputs", ())
        if not specs:
            return
        written = {
            row.title.original for row in AdvocacyOutput.objects.filter(network=network).only("title", "language")
        }
        for spec in specs:
            if MultilingualText.coerce(spec["title"], language=spec["language"]).original in written:
                continue
            self.output(spec, network, coordinator)
            self.created["advocacy outputs"] += 1

    def output(self, spec, network, coordinator):
        data = {key: value for key, value in spec.items() if key not in OUTPUT_SPEC_KEYS}
        project = Project.objects.get(network=network, slug=spec["project"]) if spec.get("project") else None
        if project is not None:
            data["project"] = project.pk
        if spec.get("result"):
            (data["result"],) = [
                r.pk
                for r in Result.objects.filter(network=network, project=project)
                if r.title.original == spec["result"]
            ]
        data["authors"] = [Organisation.objects.get(name=name).pk for name in spec.get("authors", ())]
        output = output_create(network=network, acting_user=coordinator, data=data)
        institutions = {name: Organisation.objects.get(name=name) for name in spec.get("institutions", ())}
        for institution in institutions.values():
            output_address(output=output, institution=institution, acting_user=coordinator)
        recommendations = []
        for item in spec.get("recommendations", ()):
            item = dict(item)
            if item.get("institution"):
                item["institution"] = institutions[item["institution"]].pk
            recommendations.append(recommendation_add(output=output, acting_user=coordinator, data=item))
        status = spec.get("status", AdvocacyOutput.Status.PUBLISHED)
        if status != AdvocacyOutput.Status.DRAFT:
            output = output_start_review(output=output, acting_user=coordinator)
        if status == AdvocacyOutput.Status.PUBLISHED:
            output = output_publish(output=output, acting_user=coordinator)
        submissions = {}
        for item in spec.get("submissions", ()):
            data = {key: value for key, value in item.items() if key not in SUBMISSION_SPEC_KEYS}
            data["institution"] = institutions[data["institution"]].pk
            if data.get("recommendation"):
                data["recommendation"] = recommendations[data["recommendation"] - 1].pk
            if data.get("follows_up"):
                data["follows_up"] = submissions[data["follows_up"]].pk
            submission = submission_record(output=output, acting_user=coordinator, data=data)
            if item.get("response"):
                submission = submission_respond(submission=submission, acting_user=coordinator, data=item["response"])
            if item.get("key"):
                submissions[item["key"]] = submission
        return output

    # --- a donor ----------------------------------------------------------------------------------

    def donor(self):
        """The donor login (DONOR_DEMO): a colleague of the European Union, invited by its admin (VET for the
        Future's observer login) and accepting it, as on the pages. Returns its row of the logins table."""
        organisation = Organisation.objects.get(name=DONOR_DEMO["organisation"], created_in_network_id__isnull=True)
        user = self.account(DONOR_DEMO["login"])
        if not organisation.affiliations.filter(user=user).exists():
            admin = organisation.affiliations.filter(is_admin=True).order_by("pk").first().user
            invitation = colleague_invite(organisation=organisation, email=user.email, acting_user=admin)
            # The loader writes for both sides, so it holds the token the invitation mail would carry; the mail's
            # job, after the commit, finds the invitation accepted and sends nothing.
            colleague_invitation_accept(invitation=invitation, token=invitation.token, acting_user=user)
        return (user.email, "donor", "– (the projects it funds, in 3 networks)", organisation.name)

    # --- everything -------------------------------------------------------------------------------

    def load(self):
        """Load all demo data; return the demo logins as rows (e-mail, role, network slug, organisation)."""
        steward = self.account(DATA_STEWARD, can_log_in=False)
        rows = []
        networks = []
        for entry in NETWORKS:
            network = self.network(entry, steward)
            networks.append((entry, network))
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

        # The donor's person before the projects, so whatever recording a funder gives its people, it gets.
        rows.append(self.donor())

        # The content, once every network and organisation exists (a funding chain links the European
        # Union of another network's seed by name). The network's demo coordinator writes it.
        for entry, network in networks:
            coordinator = self.account(self.founder(entry)["login"])
            with scope(network=network):
                self.agreements(entry, network, coordinator)
                self.news(entry, network, coordinator)
                self.projects(entry, network, coordinator)
                self.entries(entry, network, coordinator)
                rows.extend(self.institutions(entry, network))
                self.outputs(entry, network, coordinator)

        ngo_admin = self.account(JOIN_DEMO["login"])
        self.organisation(JOIN_DEMO["organisation"], ngo_admin)
        rows.append((ngo_admin.email, "NGO admin (no network)", "–", JOIN_DEMO["organisation"]["name"]))

        staff = self.account(STAFF_LOGIN, staff=True)
        rows.append((staff.email, "staff superuser", "–", "–"))
        return rows


class _EntryNames:
    """An entry spec names its project by address, its planned activity by number, its site, partners and
    target groups by name; this turns them into the rows' ids for entry_create (a few queries a network)."""

    def __init__(self, network):
        self.network = network
        self.projects = {p.slug: p for p in Project.objects.filter(network=network)}
        self.activities = {(a.project_id, a.code): a.pk for a in Activity.objects.filter(network=network)}
        self.sites = {(s.project_id, s.name): s.pk for s in Site.objects.filter(network=network)}
        self.target_groups = {
            (t.project_id, t.name.original): t.pk for t in TargetGroup.objects.filter(network=network)
        }
        members = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        partners = ProjectPartner.objects.filter(network=network)
        organisations = Organisation.objects.filter(
            Q(pk__in=members.values("organisation")) | Q(pk__in=partners.values("organisation"))
        )
        self.organisations = {o.name: o.pk for o in organisations}

    def resolve(self, data):
        data = dict(data)
        project = self.projects[data["project"]] if data.get("project") else None
        data["project"] = project.pk if project else None
        key = project.pk if project else None
        if "activity" in data:
            data["activity"] = self.activities[key, data["activity"]]
        if "site" in data:
            data["site"] = self.sites[key, data["site"]]
        data["target_groups"] = [self.target_groups[key, name] for name in data.get("target_groups", ())]
        data["partners"] = [self.organisations[name] for name in data.get("partners", ())]
        if "language" not in data:
            data["language"] = project.language if project else self.network.language
        return data
