"""Every page type of the site, as each role sees it, over the demo data: one address per page type.

Shared by the browser checks (tests/e2e/test_mobile_and_accessibility.py: no sideways scrolling at
375 px, axe-core) and scripts/page_weight.py (HTML + CSS + JS under 60 KB gzipped), so both cover the
same pages. The roles are the demo logins of the PEP network (config/demo/armenia.py):

- anonymous: nobody signed in;
- member: member@pep…, admin of a member organisation;
- coordinator: coordinator@pep…, admin of the coordinating organisation.

The demo has no agreement, news post or open invitation in PEP; `prepare()` adds them (through the
services, as the network's coordinator) so every page type has something to show, and three activity
log entries of the member's organisation: a draft, one returned with a reason, one approved. Run it inside a
transaction that is rolled back (scripts/page_weight.py) or in a test database.

A new page type (a new URL in an app's urls.py) belongs in `page_types()`, or in NOT_PAGES if it is none.
"""

import copy
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from config.demo import poland
from config.demo.loader import DEMO_PASSWORD
from members.models import Affiliation, ColleagueInvitation
from members.services import colleague_invite
from network.models import Invitation, Network, NewsPost, PartnershipAgreement
from network.services.agreements import agreement_import
from network.services.invitations import invitation_create
from network.services.news import news_post_create
from projects.models import ActivityEntry, Project
from projects.services.entries import entry_approve, entry_create, entry_return, entry_submit
from projects.views.projects import PAGES as PROJECT_EDIT_PAGES

NETWORK = "pep"
OTHER_NETWORK = "alliance"  # one the PEP members have not joined: its join page
ROLES = {
    "anonymous": None,
    "member": "member@pep.demo.partnera.org",
    "coordinator": "coordinator@pep.demo.partnera.org",
}
PASSWORD = DEMO_PASSWORD
INVITEE = "new-partner@example.org"
COLLEAGUE = "new-colleague@example.org"

# The addresses of the apps' urls.py that are no page: forms post to them (GET answers 405), then they
# redirect or answer an htmx fragment of a page above; or scripts read JSON from them (suggestions);
# network:logo is an image the band of the network's pages shows. tests/config/test_page_weight.py checks
# that every other URL name is a page type here.
NOT_PAGES = {
    "members:affiliation_remove", "members:affiliation_admin", "members:colleague_invitation_revoke",
    "network:invite", "network:revoke_invitation", "network:approve", "network:decline", "network:suspend",
    "network:remove", "network:reinstate", "network:role", "network:leave", "network:withdraw",
    "network:agreement_delete", "network:news_delete", "network:logo", "projects:item_add",
    "projects:item_update", "projects:item_delete", "projects:item_move", "projects:organisation_suggestions",
    "projects:entry_submit", "projects:entry_withdraw", "projects:entry_approve", "projects:entry_return",
    "projects:entry_delete", "projects:entry_restore",
}  # fmt: skip


@dataclass(frozen=True)
class PageType:
    name: str  # "project edit: partners"
    url: str
    status: int = 200

    @property
    def slug(self):
        """For file names: "project-edit-partners"."""
        return "".join(c if c.isalnum() else "-" for c in self.name.lower()).strip("-").replace("--", "-")


def user(role):
    email = ROLES[role]
    return None if email is None else get_user_model().objects.get(email=email)


def _entry(n, entry):
    return {**n, "entry_id": entry.pk}


def _own_organisation(account):
    return Affiliation.objects.filter(user=account, is_admin=True).order_by("pk").first().organisation


def prepare():
    """Add to the loaded demo what some page types need in PEP: an agreement (the Polish seed's, with
    PEP's member organisations as parties), the news post reporting it, a network invitation and a
    colleague invitation waiting to be accepted. Idempotent enough for one run: it checks for the
    invitation first."""
    coordinator = user("coordinator")
    with scopes_disabled():
        network = Network.objects.get(slug=NETWORK)
        if Invitation.objects.filter(network=network, email=INVITEE).exists():
            return
    with scope(network=network):
        parties = [m.organisation for m in network.memberships.select_related("organisation").order_by("pk")][:3]
        spec = copy.deepcopy(poland.SEED["agreements"][0])
        spec["language"] = "pl"
        for party, organisation in zip(spec["parties"], parties, strict=True):
            party["organisation"] = organisation
        for signatory, organisation in zip(spec["signatories"], parties, strict=True):
            signatory["organisation"] = organisation
        agreement = agreement_import(network=network, data=spec, acting_user=coordinator)
        news = {**copy.deepcopy(poland.SEED["news"][0]), "language": "pl", "agreement": agreement}
        news_post_create(network=network, data=news, acting_user=coordinator)
        invitation_create(
            network=network,
            email=INVITEE,
            role="member",
            organisation_name="Demo New Partner",
            message="We would like your organisation to join the partnership.",
            acting_user=coordinator,
        )
        _log_entries(network, coordinator)
    colleague_invite(organisation=_own_organisation(coordinator), email=COLLEAGUE, acting_user=coordinator)


def _log_entries(network, coordinator):
    """The member's draft, returned and approved entries for PEP's project (inside the network's scope)."""
    member = user("member")
    organisation = _own_organisation(member)
    project = Project.objects.filter(network=network).order_by("pk").first()
    common = {
        "project": project, "kind": "workshop", "language": "en", "start_date": date(2025, 3, 12),
        "end_date": date(2025, 3, 12), "place": "Sisian", "country": "AM", "participants_total": 24, "women": 15,
        "men": 9, "age_18_29": 16, "age_30_64": 8, "partners": [organisation],
        "description": "A workshop with young people and employers on local opportunities for vocational training.",
    }  # fmt: skip
    steps = (
        ("Workshop with employers in Sisian", None),
        ("Round table on apprenticeships", "Add the participants by age and the agenda, please."),
        ("Community meeting on lifelong learning", "approve"),
    )
    for title, decision in steps:
        entry = entry_create(network=network, acting_user=member, organisation=organisation,
                             data={**common, "title": title})  # fmt: skip
        if decision is None:
            continue
        entry = entry_submit(entry=entry, acting_user=member)
        if decision == "approve":
            entry_approve(entry=entry, acting_user=coordinator)
        else:
            entry_return(entry=entry, acting_user=coordinator, reason=decision)


def _entries(network, organisation):
    """The member organisation's entry in each state (prepare() made one of each)."""
    entries = ActivityEntry.objects.filter(network=network, organisation=organisation, deleted_at__isnull=True)
    return {state: entries.filter(status=state).order_by("pk").first() for state in ("draft", "returned", "approved")}


def page_types(role):
    """The page types `role` can open, in a reading order, each with the status it must answer."""
    account = user(role)
    with scopes_disabled():
        network = Network.objects.get(slug=NETWORK)
        project = Project.objects.filter(network=network).order_by("pk").first()
        agreement = PartnershipAgreement.objects.filter(network=network).order_by("pk").first()
        post = NewsPost.objects.filter(network=network).order_by("pk").first()
        invitation = Invitation.objects.get(network=network, email=INVITEE)
        colleague = ColleagueInvitation.objects.get(email=COLLEAGUE)
        entries = _entries(network, _own_organisation(user("member")))
    n = {"network_slug": network.slug}
    p = {**n, "project_slug": project.slug}
    pages = [
        PageType("home", reverse("home")),
        PageType("directory", reverse("network:directory")),
        PageType("network page", reverse("network:detail", kwargs=n)),
        PageType("member list", reverse("network:members", kwargs=n)),
        PageType("projects list", reverse("projects:list", kwargs=n)),
        PageType("project page", reverse("projects:detail", kwargs=p)),
        PageType("agreements", reverse("network:agreements", kwargs=n)),
        PageType("agreement", reverse("network:agreement", kwargs={**n, "agreement_id": agreement.pk})),
        PageType("news", reverse("network:news", kwargs=n)),
        PageType("news post", reverse("network:news_post", kwargs={**n, "post_id": post.pk})),
        PageType("invitation", reverse("network:invitation", kwargs={"token": invitation.token})),
        PageType("colleague invitation", reverse("members:colleague_invitation", kwargs={"token": colleague.token})),
        PageType("404", "/networks/no-such-network/", status=404),
        PageType("activity log entry", reverse("projects:entry_detail", kwargs=_entry(n, entries["approved"]))),
    ]
    if account is None:
        organisation = _own_organisation(user("member"))
        return [
            *pages,
            PageType("organisation page", reverse("members:organisation", kwargs={"pk": organisation.pk})),
            PageType("log in", reverse("account_login")),
            PageType("sign up", reverse("account_signup")),
            PageType("password reset", reverse("account_reset_password")),
        ]
    organisation = {"pk": _own_organisation(account).pk}
    pages += [
        PageType("workspace", reverse("network:workspace", kwargs=n)),
        PageType("join page", reverse("network:join", kwargs={"network_slug": OTHER_NETWORK})),
        PageType("organisation page", reverse("members:organisation", kwargs=organisation)),
        PageType("organisation edit", reverse("members:organisation_edit", kwargs=organisation)),
        PageType("organisation people", reverse("members:people", kwargs=organisation)),
        PageType("new organisation", reverse("members:organisation_create")),
        PageType("new network", reverse("network:create")),
        PageType("account", reverse("members:account")),
        PageType("e-mail addresses", reverse("account_email")),
        PageType("password change", reverse("account_change_password")),
        PageType("password reset", reverse("account_reset_password")),
        PageType("log an activity", reverse("projects:entry_create", kwargs=n)),
        PageType("activity log entry: draft", reverse("projects:entry_detail", kwargs=_entry(n, entries["draft"]))),
        PageType(
            "activity log entry: returned", reverse("projects:entry_detail", kwargs=_entry(n, entries["returned"]))
        ),
        PageType("activity log entry edit", reverse("projects:entry_edit", kwargs=_entry(n, entries["returned"]))),
    ]
    someone_elses = {"pk": _own_organisation(user("member")).pk}
    if role == "member":
        return [*pages, PageType("403", reverse("network:edit", kwargs=n), status=403)]
    return [
        *pages,
        PageType("network edit", reverse("network:edit", kwargs=n)),
        PageType("members page", reverse("network:manage_members", kwargs=n)),
        PageType("audit log", reverse("network:audit_log", kwargs=n)),
        PageType("new project", reverse("projects:create", kwargs=n)),
        PageType("project edit", reverse("projects:edit", kwargs=p)),
        *(
            PageType(f"project edit: {page}", reverse("projects:edit_page", kwargs={**p, "page": page}))
            for page in PROJECT_EDIT_PAGES
        ),
        PageType("new agreement", reverse("network:agreement_create", kwargs=n)),
        PageType("agreement edit", reverse("network:agreement_edit", kwargs={**n, "agreement_id": agreement.pk})),
        PageType("new news post", reverse("network:news_create", kwargs=n)),
        PageType("news post edit", reverse("network:news_edit", kwargs={**n, "post_id": post.pk})),
        # A coordinator of PEP is no admin of another organisation: its edit page is refused.
        PageType("403", reverse("members:organisation_edit", kwargs=someone_elses), status=403),
    ]
