"""Every page type of the site, as each role sees it, over the demo data: one address per page type.

Shared by the browser checks (tests/e2e/test_mobile_and_accessibility.py: no sideways scrolling at
375 px, axe-core) and scripts/page_weight.py (HTML + CSS + JS under 60 KB gzipped), so both cover the
same pages. The roles are the demo logins of the PEP network (config/demo/armenia.py):

- anonymous: nobody signed in;
- member: member@pep…, admin of a member organisation;
- coordinator: coordinator@pep…, admin of the coordinating organisation.

The demo has no agreement, news post or open invitation in PEP; `prepare()` adds them (through the
services, as the network's coordinator) so every page type has something to show, with activity log
entries: three of the member's organisation (a draft with an agenda and a photo, one returned with a
reason, one approved) and this month's for the lists and the calendar. Run it inside a transaction that
is rolled back (scripts/page_weight.py) or in a test database.

A new page type (a new URL in an app's urls.py) belongs in `page_types()`, or in NOT_PAGES if it is none.
"""

import copy
import datetime
import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from PIL import Image

from advocacy.models import AdvocacyOutput
from advocacy.services.comments import comment_add
from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_create, output_publish, output_start_review
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record, submission_respond
from config.demo import logos, poland
from config.demo.loader import DEMO_PASSWORD
from members.models import Affiliation, ColleagueInvitation, Organisation
from members.services import colleague_invite
from network.models import Invitation, Network, NewsPost, PartnershipAgreement
from network.services.agreements import agreement_import
from network.services.invitations import invitation_create
from network.services.news import news_post_create
from projects.models import ActivityEntry, EntryExport, Project
from projects.services.attachments import entry_files_add
from projects.services.entries import entry_approve, entry_create, entry_return, entry_submit
from projects.services.exports import entry_export_request
from projects.services.periods import period_lock, period_reopen
from projects.views.projects import PAGES as PROJECT_EDIT_PAGES
from reports import kinds as report_kinds
from reports.models import ReportJob

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
    "projects:entry_bulk_approve",
    "projects:activity_done", "projects:activity_reopen", "projects:evaluator_change", "projects:evaluator_remove",
    "projects:entry_file", "projects:entry_file_thumbnail", "projects:entry_file_delete",
    "projects:entry_period_reopen",
    # the activity log's files: downloads, not pages (their pages are "entry import" and "entry export")
    "projects:entry_export_csv", "projects:entry_export_xlsx", "projects:entry_export_download",
    "projects:entry_import_errors", "projects:entry_template",
    # advocacy: the workflow buttons, the removals and the files (downloads and images, not pages)
    "advocacy:output_review", "advocacy:output_publish", "advocacy:output_comment", "advocacy:output_unaddress",
    "advocacy:recommendation_remove", "advocacy:submission_evidence", "advocacy:output_file",
    "advocacy:output_file_delete", "advocacy:output_cover_set", "advocacy:output_cover_remove",
    "advocacy:output_cover",
    # the dashboards' charts: SVG images their pages show (the page types "project dashboard" and "network
    # dashboard")
    "projects:dashboard_chart", "projects:network_dashboard_chart",
    # a report's file and its retry button (their page is "report job")
    "reports:download", "reports:retry",
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
    PEP's member organisations as parties), the news post reporting it, a network invitation, a
    colleague invitation waiting to be accepted, and a locked and a reopened reporting period. Idempotent
    enough for one run: it checks for the invitation first."""
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
        _attach_files(network)
        # A locked reporting period and a reopened one, for the locked periods page.
        period_lock(network=network, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31),
                    note="Annual report 2024 sent to the donor", acting_user=coordinator)  # fmt: skip
        reopened = period_lock(network=network, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 3, 31),
                               note="Interim report sent", acting_user=coordinator)  # fmt: skip
        period_reopen(lock=reopened, reason="The donor asked for corrected figures", acting_user=coordinator)
    colleague_invite(organisation=_own_organisation(coordinator), email=COLLEAGUE, acting_user=coordinator)
    with scope(network=network):
        _advocacy_output(network, coordinator, user("member"))
        _log_activities(network, coordinator, user("member"))
        entry_export_request(network=network, acting_user=coordinator, filters={})  # the export's page
        kind = project_report_kind()
        if kind is not None:  # a report being prepared, for the job's page (written here: no worker renders it)
            project = Project.objects.filter(network=network).order_by("pk").first()
            ReportJob.objects.create(
                network=network, kind=kind.name, subject_id=project.pk, language="en", requested_by=coordinator,
                status=ReportJob.Status.RUNNING, progress=40, started_at=timezone.now(),
            )  # fmt: skip


def project_report_kind():
    """The kind of report about a project the pages show (the progress report; another one where only that
    is registered, as in the engine's tests), or None."""
    about_projects = [kind for kind in report_kinds.all_kinds() if kind.subject_model == "projects.Project"]
    return next((kind for kind in about_projects if kind.name == "progress_report"), None) or next(
        iter(about_projects), None
    )


# The activity log's pages (list, calendar, queue) need entries this month: approved ones everybody sees, a
# member's draft, and submitted ones waiting in the coordinators' queue. The demo's own entries, if any, are
# in the months of their projects.
ENTRIES = [
    # (who logs, kind, title, day of the month, days long, participants, end status)
    ("coordinator", "training", "Training of career counsellors", 3, 2, 24, "approved"),
    ("coordinator", "workshop", "Workshop on work-based learning with employers", 3, 0, 18, "approved"),
    ("coordinator", "meeting", "Steering committee meeting", 3, 0, 9, "approved"),
    ("coordinator", "conference", "Annual partnership conference", 3, 0, 120, "approved"),
    ("member", "meeting", "Meeting with the regional education office", 10, 0, 6, "submitted"),
    ("member", "campaign_action", "Open day for parents and pupils", 14, 0, 85, "submitted"),
    ("member", "study_or_survey", "Survey of graduates' first jobs", 17, 10, 0, "draft"),
]


def _log_activities(network, coordinator, member):
    first = timezone.localdate().replace(day=1)
    project = Project.objects.filter(network=network).order_by("pk").first()
    for who, kind, title, day, days, people, status in ENTRIES:
        account = coordinator if who == "coordinator" else member
        start = first + timedelta(days=day - 1)
        entry = entry_create(
            network=network, acting_user=account, organisation=_own_organisation(account),
            data={"project": project if who == "coordinator" else None, "kind": kind, "title": title,
                  "start_date": start, "end_date": start + timedelta(days=days), "participants_total": people,
                  "description": "Illustrative demo entry."},
        )  # fmt: skip
        if status != "draft":
            entry = entry_submit(entry=entry, acting_user=account)
        if status == "approved":
            entry_approve(entry=entry, acting_user=coordinator)


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


def _attach_files(network):
    """An agenda (a PDF) and a photo on the member's draft, added as the member would (inside the scope)."""
    member = user("member")
    draft = _entries(network, _own_organisation(member))["draft"]
    agenda = io.BytesIO()
    Image.new("RGB", (595, 842), "white").save(agenda, "PDF")
    entry_files_add(
        entry=draft, acting_user=member, attachments=[ContentFile(agenda.getvalue(), name="workshop-agenda.pdf")],
        photos=[ContentFile(logos.acronym_logo("PEP", network.colour), name="workshop.png")],
    )  # fmt: skip


OUTPUT_TITLE = "Recommendations for the reform of vocational education"


def _advocacy_output(network, coordinator, member):
    """A public recommendation package of PEP addressed to a ministry: two recommendations, a member's
    comment from its review, two published versions, and a submission with the ministry's response."""
    ministry, _created = Organisation.objects.get_or_create(
        name="Ministry of Education, Science, Culture and Sport (page types)", defaults={"kind": "ministry"}
    )
    output = output_create(network=network, acting_user=coordinator, data={
        "kind": "recommendation_package", "title": OUTPUT_TITLE, "visibility": "public",
        "summary": "What the network's members propose after two years of pilots in vocational schools.",
        "body": "<h2>Why</h2><p>Vocational schools lack <strong>career guidance</strong>.</p><ul><li>One</li></ul>",
    })  # fmt: skip
    output_address(output=output, institution=ministry, acting_user=coordinator)
    for text, rationale in (
        ("Fund a career counsellor in every vocational school.", "The pilots halved early leaving."),
        ("Make work-based learning part of every curriculum.", ""),
    ):
        recommendation_add(output=output, acting_user=coordinator,
                           data={"text": text, "rationale": rationale, "institution": ministry.pk})  # fmt: skip
    output = output_start_review(output=output, acting_user=coordinator)
    comment_add(output=output, acting_user=member, organisation=_own_organisation(member),
                text="Please add the figures from the Sisian pilot.")  # fmt: skip
    output = output_publish(output=output, acting_user=coordinator)
    output = output_publish(output=output, acting_user=coordinator)
    first = output.recommendations.order_by("position").first()
    submission = submission_record(output=output, acting_user=coordinator, data={
        "recommendation": first.pk, "institution": ministry.pk, "submitted_on": date(2025, 5, 6),
        "channel": "meeting", "response_due": date(2025, 6, 30),
    })  # fmt: skip
    submission_respond(submission=submission, acting_user=coordinator, data={
        "responded_on": date(2025, 6, 20), "outcome": "under_consideration",
        "response_text": "The ministry will consider it for the 2026 budget.",
    })  # fmt: skip


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
        export = EntryExport.objects.filter(network=network).order_by("pk").first()
        output = next(o for o in AdvocacyOutput.objects.filter(network=network) if str(o.title) == OUTPUT_TITLE)
        recommendation = output.recommendations.order_by("position").first()
        submission = output.submissions.order_by("pk").first()
        report_job = ReportJob.objects.filter(network=network).order_by("pk").first()
    n = {"network_slug": network.slug}
    o = {**n, "output_id": output.pk}
    p = {**n, "project_slug": project.slug}
    pages = [
        PageType("home", reverse("home")),
        PageType("directory", reverse("network:directory")),
        PageType("network page", reverse("network:detail", kwargs=n)),
        PageType("member list", reverse("network:members", kwargs=n)),
        PageType("projects list", reverse("projects:list", kwargs=n)),
        PageType("project page", reverse("projects:detail", kwargs=p)),
        PageType("activity log", reverse("projects:entries", kwargs=n)),
        PageType("activity calendar", reverse("projects:entry_calendar", kwargs=n)),
        PageType("agreements", reverse("network:agreements", kwargs=n)),
        PageType("agreement", reverse("network:agreement", kwargs={**n, "agreement_id": agreement.pk})),
        PageType("news", reverse("network:news", kwargs=n)),
        PageType("news post", reverse("network:news_post", kwargs={**n, "post_id": post.pk})),
        PageType("invitation", reverse("network:invitation", kwargs={"token": invitation.token})),
        PageType("colleague invitation", reverse("members:colleague_invitation", kwargs={"token": colleague.token})),
        PageType("404", "/networks/no-such-network/", status=404),
        PageType("activity log entry", reverse("projects:entry_detail", kwargs=_entry(n, entries["approved"]))),
        PageType("advocacy outputs", reverse("advocacy:outputs", kwargs=n)),
        PageType("advocacy output", reverse("advocacy:output", kwargs=o)),
        PageType("advocacy output version", reverse("advocacy:output_version", kwargs={**o, "number": 1})),
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
        PageType("entry files", reverse("projects:entry_file_add", kwargs=_entry(n, entries["draft"]))),
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
        PageType("entry import", reverse("projects:entry_import", kwargs=n)),
        PageType("uptake ledger", reverse("advocacy:ledger", kwargs=n)),
        PageType("project dashboard", reverse("projects:dashboard", kwargs=p)),
        PageType("network dashboard", reverse("projects:network_dashboard", kwargs=n)),
        PageType("documents addressed to us", reverse("advocacy:addressed")),
        # The PEP people fund no project: the page that says whom the portfolio is for. A donor's portfolio
        # (its table) comes with the demo donor login.
        PageType("donor portfolio", reverse("projects:portfolio")),
    ]
    if report_job is not None:
        # The statuses as the kind's rules answer this role (a kind may leave asking to the coordinators).
        with scope(network=network):
            kind, subject = report_job.kind_object, report_job.subject
            sees = kind.can_download(account, subject)
            asks = 200 if kind.can_request(account, subject) else (403 if sees else 404)
        pages += [
            PageType(
                "report request",
                reverse("reports:request", kwargs={"kind": report_job.kind, "subject_id": report_job.subject_id}),
                status=asks,
            ),
            PageType("report job", reverse("reports:job", kwargs={"key": report_job.key}), status=200 if sees else 404),
        ]
    # Locked periods: every role in the network reads them; the coordinator also gets the forms.
    pages.append(PageType("locked reporting periods", reverse("projects:entry_periods", kwargs=n)))
    someone_elses = {"pk": _own_organisation(user("member")).pk}
    if role == "member":
        return [*pages, PageType("403", reverse("network:edit", kwargs=n), status=403)]
    return [
        *pages,
        PageType("network edit", reverse("network:edit", kwargs=n)),
        PageType("members page", reverse("network:manage_members", kwargs=n)),
        PageType("audit log", reverse("network:audit_log", kwargs=n)),
        PageType("activity queue", reverse("projects:entry_queue", kwargs=n)),
        PageType("new project", reverse("projects:create", kwargs=n)),
        PageType("entry export", reverse("projects:entry_export", kwargs={**n, "export_id": export.pk})),
        PageType("project edit", reverse("projects:edit", kwargs=p)),
        PageType("project access", reverse("projects:access", kwargs=p)),
        *(
            PageType(f"project edit: {page}", reverse("projects:edit_page", kwargs={**p, "page": page}))
            for page in PROJECT_EDIT_PAGES
        ),
        PageType("new agreement", reverse("network:agreement_create", kwargs=n)),
        PageType("agreement edit", reverse("network:agreement_edit", kwargs={**n, "agreement_id": agreement.pk})),
        PageType("new news post", reverse("network:news_create", kwargs=n)),
        PageType("news post edit", reverse("network:news_edit", kwargs={**n, "post_id": post.pk})),
        PageType("new advocacy output", reverse("advocacy:output_create", kwargs=n)),
        PageType("advocacy output edit", reverse("advocacy:output_edit", kwargs=o)),
        PageType("advocacy output institutions", reverse("advocacy:output_institutions", kwargs=o)),
        PageType("advocacy output files", reverse("advocacy:output_files", kwargs=o)),
        PageType("new recommendation", reverse("advocacy:recommendation_add", kwargs=o)),
        PageType(
            "recommendation edit",
            reverse("advocacy:recommendation_edit", kwargs={**o, "recommendation_id": recommendation.pk}),
        ),
        PageType("new submission", reverse("advocacy:submission_add", kwargs=o)),
        PageType(
            "submission response", reverse("advocacy:submission_respond", kwargs={**o, "submission_id": submission.pk})
        ),
        # A coordinator of PEP is no admin of another organisation: its edit page is refused.
        PageType("403", reverse("members:organisation_edit", kwargs=someone_elses), status=403),
    ]
