"""The cross-tenant probe: every URL pattern of the project, aimed at PRIVATE network B, by a coordinator
of network A and by an anonymous visitor, must give nothing of B away.

It walks django.urls.get_resolver() at test time, so routes other engineers add later are probed
without anyone remembering to: a route whose path kwarg this file does not know FAILS
`test_every_route_is_classified` until it is added to PROBE_KWARGS below.

For each route, GET and an empty POST must not answer 2xx, unless the route is in PUBLIC_BY_DESIGN; those
pages are searched for B's private strings instead. Whatever the answers, B's rows must be unchanged.

API routes are probed twice: by a session caller and by a token caller (DRF authenticates tokens after
the middleware has run, so the two take different paths to the same rule). Pages ignore tokens.
"""

import datetime
import io
import json
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from PIL import Image

from advocacy.models import (
    AddressedInstitution,
    AdvocacyOutput,
    Comment,
    OutputAttachment,
    OutputVersion,
    Recommendation,
    Submission,
)
from members.models import Affiliation, ColleagueInvitation
from network.models import Invitation, Membership, Network, NetworkObjective, NewsPost, PartnershipAgreement, Role
from portal import audit, uploads
from portal.models import AuditEntry
from portal.permissions import NetworkRulePermission
from projects.models import (
    Activity,
    ActivityEntry,
    Component,
    EntryAttachment,
    EntryExport,
    Objective,
    Project,
    ProjectEvaluator,
    ProjectPartner,
    ReportingPeriodLock,
)
from reports.models import ReportJob
from tests.clients import is_api, sign_in
from tests.factories import (
    ActivityEntryFactory,
    AffiliationFactory,
    AgreementFactory,
    ColleagueInvitationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    NewsPostFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# --------------------------------------------------------------------------------------------------------
# How each path kwarg is filled, pointing at an object of private network B (`b`, built by the fixture
# `tenants` below). A value is either
#   * a function of `b`: used for that kwarg in every route, or
#   * a dict {route name or namespace: function of `b`}: for names that mean different objects in
#     different routes ("pk", "token"). The full route name ("api:member-detail") wins over its
#     namespace ("members"); a route matching neither fails the test, so it gets classified.
# Add new kwarg names (or route entries) here when you add URLs; add objects to `tenants` if needed.
# --------------------------------------------------------------------------------------------------------
PROBE_KWARGS = {
    "network_slug": lambda b: b.network.slug,
    "membership_id": lambda b: b.member_membership.pk,
    "invitation_id": {
        "network": lambda b: b.invitation.pk,
        "members": lambda b: b.colleague_invitation.pk,
    },
    "pk": {
        "members": lambda b: b.coordinator_org.pk,
        "api:member-detail": lambda b: b.member_membership.pk,
        "api:membership-request-detail": lambda b: b.request.pk,
        "api:membership-request-approve": lambda b: b.request.pk,
        "api:membership-request-decline": lambda b: b.request.pk,
        # the activity log API: B's submitted entry, for every action on it
        **{
            f"api:entry-{name}": (lambda b: b.entry.pk)
            for name in ("detail", "submit", "withdraw", "approve", "return")
        },
    },
    "affiliation_id": lambda b: b.coordinator_affiliation.pk,
    "chart": lambda b: "reach",  # a dashboard's chart: B's project's or B's own reach
    "token": {
        "network": lambda b: b.invitation.token,
        "members": lambda b: b.colleague_invitation.token,
    },
    "slug": {"api:network-detail": lambda b: b.network.slug},
    "agreement_id": lambda b: b.agreement.pk,
    "post_id": lambda b: b.news_post.pk,
    "project_slug": lambda b: b.project.slug,
    "item_id": lambda b: b.project_objective.pk,
    "activity_id": lambda b: b.activity.pk,  # a planned activity of B's project (marked done, reopened)
    "kind": {
        "projects": lambda b: "objective",  # the kind of project row `item_id` is
        "reports": lambda b: "engine_test",  # a kind of report (the tests' own, about a project: B's)
    },
    "subject_id": lambda b: b.project.pk,  # what a new report is about: B's project
    "page": {"projects:edit_page": lambda b: "logframe"},
    "colour": {"theme": lambda b: b.network.colour},  # a colour names no object: the stylesheet is made from it
    "key": {
        "network:logo": lambda b: b.network.logo_key,  # the random key of B's stored logo
        "projects:entry_import_errors": lambda b: "5" * 32,  # a dry run's key: only in its own session
        "projects": lambda b: b.attachment.key,  # B's entry's stored photo (and its thumbnail)
        "advocacy:output_cover": lambda b: b.output.cover_key,  # B's output's stored cover
        "advocacy": lambda b: b.output_attachment.key,  # B's output's stored file
        "reports": lambda b: b.report_job.key,  # B's finished report job (its page, file and retry)
    },
    "lock_id": lambda b: b.period_lock.pk,  # B's locked reporting period
    "entry_id": lambda b: b.entry.pk,  # an activity log entry of B's project
    "export_id": lambda b: b.entry_export.pk,
    "output_id": lambda b: b.output.pk,  # B's published, restricted advocacy output (addressed to a ministry)
    "number": {"advocacy:output_version": lambda b: 1},  # its first published version
    "organisation_id": {"advocacy:output_unaddress": lambda b: b.ministry.pk},  # the ministry it addresses
    "recommendation_id": lambda b: b.recommendation.pk,
    "submission_id": lambda b: b.submission.pk,  # its submission to the ministry, with an evidence document
    "evaluator_id": lambda b: b.evaluator.pk,  # the evaluator named on B's project (changed, removed)
}
# Kwargs that name a kind of page, not an object: kept as they are when the probe builds the URL of a
# missing object (every other kwarg becomes "0" there, or what MISSING gives where "0" is no valid value).
NOT_OBJECTS = {"kind", "page", "colour", "chart"}
MISSING = {"key": "0" * 32}


@dataclass(frozen=True)
class Public:
    """A route that may answer 2xx to these visitors; `may_show` names B's strings it shows by design."""

    reason: str
    may_show: frozenset = frozenset()


PUBLIC_BY_DESIGN = {
    "advocacy:addressed": Public(
        "the outputs addressed to the signed-in person's own institutions; A's coordinator works for none of B's"
    ),
    "home": Public("the landing page, or the visitor's own organisations and memberships"),
    "projects:portfolio": Public(
        "the projects the signed-in person's own organisations fund, in every network; A's coordinator funds none "
        "of B's (a page saying whom the portfolio is for)"
    ),
    "network:directory": Public("public networks plus private ones the visitor's organisations are in"),
    "network:create": Public("a form to found a new network; names no existing object"),
    "members:organisation_create": Public("a form to add a new organisation; names no existing object"),
    "members:account": Public("the signed-in person's own name and password; names nobody else"),
    "members:organisation": Public(
        "organisations are global and their profiles public; it lists only the organisation's public networks, never B",
        frozenset({"coordinator_org"}),
    ),
    "network:invitation": Public(
        "the unguessable token in the e-mail is the permission; the page names the network inviting, who "
        "invites and whom",
        frozenset({"network_name", "coordinator_person", "invitation_email"}),
    ),
    "members:colleague_invitation": Public(
        "the unguessable token in the e-mail is the permission; the page names the organisation",
        frozenset({"coordinator_org"}),
    ),
    "api:network-list": Public("the API directory: public networks plus the caller's own"),
    "api-schema": Public("the OpenAPI description of the API; holds no data"),
    "api-docs": Public("the page that renders the OpenAPI description; holds no data"),
    "theme": Public("a stylesheet made from the colour in its address alone; reads nothing stored"),
}

# Routes not probed at all, each with its reason. Matched on the route name prefix or the path prefix.
SKIPPED = {
    "admin:": "the Django admin: staff only, behind allauth's login; scopes are off there on purpose",
    "account_": "allauth's account pages (sign-up, login, passwords, e-mail addresses): no tenant data",
    "i18n/": "the language switch (members.views.set_language): stores the caller's own language, names no network",
}


@dataclass(frozen=True)
class Route:
    name: str | None  # "namespace:name"
    path: str  # the pattern as written, for messages
    kwargs: tuple

    @property
    def namespace(self):
        return self.name.split(":")[0] if self.name and ":" in self.name else ""


def _walk(patterns, prefix="", namespace="", kwargs=()):
    for pattern in patterns:
        # Kwargs come from the including patterns too: api/v1/networks/<slug:network_slug>/ + members/…
        found = kwargs + tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, found)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and ":".join(filter(None, [namespace, pattern.name]))
            if name is None and namespace:
                name = f"{namespace}:<unnamed>"
            yield Route(name, prefix + str(pattern.pattern), found)


def all_routes():
    return list(_walk(get_resolver().url_patterns))


def skip_reason(route):
    for prefix, reason in SKIPPED.items():
        if (route.name or "").startswith(prefix) or route.path.lstrip("^").startswith(prefix):
            return reason
    return None


def probed_routes(client_kind="session"):
    """Every route not skipped; for a token caller only the API's (pages treat a token caller as anonymous)."""
    routes = [route for route in all_routes() if skip_reason(route) is None]
    if client_kind == "token":
        routes = [route for route in routes if route.name and route.name.startswith("api:")]
    return routes


def kwarg_value(route, kwarg, b):
    spec = PROBE_KWARGS.get(kwarg)
    if spec is None:
        raise LookupError(f"{route.name} ({route.path}): unknown path kwarg {kwarg!r}; add it to PROBE_KWARGS")
    if isinstance(spec, dict):
        spec = spec.get(route.name) or spec.get(route.namespace)
        if spec is None:
            raise LookupError(
                f"{route.name} ({route.path}): kwarg {kwarg!r} means different objects in different routes; "
                f"add {route.name!r} (or its namespace) to PROBE_KWARGS[{kwarg!r}]"
            )
    return spec(b)


def url_kwargs(route, b):
    return {kwarg: kwarg_value(route, kwarg, b) for kwarg in route.kwargs}


def url_for(route, b, **override):
    return reverse(route.name, kwargs={**url_kwargs(route, b), **override})


# --- the two tenants ---------------------------------------------------------------------------------------

# Distinctive strings of private network B: none may appear where B is not meant to be shown.
B_STRINGS = {
    "network_name": "Zeta Hidden Consortium",
    "objective": "Zeta secret objective",
    "coordinator_org": "Zeta Coordinating Foundation",
    "member_org": "Zeta Member School",
    "requester_org": "Zeta Applicant Association",
    "coordinator_person": "Zelda Coordinatrix",
    "member_person": "Zoran Memberson",
    "member_email": "zoran@zeta-member.example",
    "invitation_email": "invitee@zeta-invited.example",
    "agreement_title": "Zeta secret agreement",
    "news_title": "Zeta secret news",
    "project_title": "Zeta secret project",
    "project_objective": "Zeta secret project objective",
    "entry_title": "Zeta secret activity",
    "period_note": "Zeta secret donor report",
    "output_title": "Zeta secret recommendations",
    "recommendation_text": "Zeta secret recommendation",
}


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


LOGO_PNG = _png()


@pytest.fixture
def tenants():
    """Public network A with its coordinator; private network B with members, a request, invitations."""
    with scopes_disabled():
        network_a = NetworkFactory(name="Alpha Open Network", slug="alpha")
        coordinator_a = AffiliationFactory(organisation__name="Alpha Lead NGO").user
        MembershipFactory(
            network=network_a, organisation=coordinator_a.affiliations.get().organisation, role=Role.COORDINATOR
        )
        MembershipFactory(network=network_a, organisation__name="Alpha Member NGO")
        MembershipFactory(network=network_a, organisation__name="Alpha Applicant", status=Membership.Status.REQUESTED)

        s = B_STRINGS
        network = NetworkFactory(name=s["network_name"], slug="zeta-hidden", visibility=Network.Visibility.PRIVATE)
        NetworkObjective.objects.create(network=network, text=s["objective"])
        coordinator_org = OrganisationFactory(name=s["coordinator_org"], acronym="")
        coordinator = UserFactory(full_name=s["coordinator_person"])
        coordinator_affiliation = AffiliationFactory(user=coordinator, organisation=coordinator_org)
        MembershipFactory(network=network, organisation=coordinator_org, role=Role.COORDINATOR)
        member_affiliation = AffiliationFactory(
            organisation__name=s["member_org"], organisation__acronym="",
            user__full_name=s["member_person"], user__email=s["member_email"],
        )  # fmt: skip
        member_membership = MembershipFactory(network=network, organisation=member_affiliation.organisation)
        request = MembershipFactory(
            network=network, organisation__name=s["requester_org"], status=Membership.Status.REQUESTED
        )
        b = SimpleNamespace(
            network=network,
            coordinator=coordinator,
            coordinator_org=coordinator_org,
            coordinator_affiliation=coordinator_affiliation,
            member_membership=member_membership,
            request=request,
            invitation=InvitationFactory(network=network, email=s["invitation_email"], invited_by=coordinator),
            colleague_invitation=ColleagueInvitationFactory(organisation=coordinator_org, invited_by=coordinator),
            agreement=AgreementFactory(network=network, title=s["agreement_title"]),
            news_post=NewsPostFactory(network=network, title=s["news_title"]),
            project=Project.objects.create(network=network, title=s["project_title"], slug="zeta-project"),
        )
        b.project_objective = Objective.objects.create(network=network, project=b.project, text=s["project_objective"])
        # A submitted entry: the activity log's list, calendar and queue (and its bulk approve) of B.
        b.entry = ActivityEntryFactory(
            network=network, project=b.project, organisation=member_affiliation.organisation, status="submitted",
            title=s["entry_title"], submitted_at=timezone.now(),
        )  # fmt: skip
        component = Component.objects.create(network=network, project=b.project, position=1, title="Pillar")
        b.activity = Activity.objects.create(
            network=network, project=b.project, component=component, position=1, code="1.1", title="Activity"
        )
        b.period_lock = ReportingPeriodLock.objects.create(
            network=network, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31), note=s["period_note"]
        )
        # A has an entry and a lock of its own, so its lists have rows to show (and must show only A's).
        ActivityEntryFactory(network=network_a, organisation=coordinator_a.affiliations.get().organisation,
                             title="Alpha training", status="approved")  # fmt: skip
        AdvocacyOutput.objects.create(network=network_a, title="Alpha proposal", status="published",
                                      visibility="public", version=1, published_at=timezone.now())  # fmt: skip
        ReportingPeriodLock.objects.create(
            network=network_a, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31), note="Alpha report"
        )
        b.entry_export = EntryExport.objects.create(network=network, requested_by=coordinator, status="done")
        b.entry_export.file.save("export.xlsx", ContentFile(b"Zeta secret export"), save=True)
        b.report_job = ReportJob.objects.create(
            network=network, kind="engine_test", subject_id=b.project.pk, language="en", requested_by=coordinator,
            status="done", progress=100,
        )  # fmt: skip
        b.report_job.file.save("report.pdf", ContentFile(b"%PDF- Zeta secret report"), save=True)
        # A stored logo, so network:logo is probed at a file that exists (and A has one too, at another key).
        for net in (network, network_a):
            net.logo.save("logo.png", ContentFile(LOGO_PNG))
        # B's entry holds a stored photo and its thumbnail, so projects:entry_file… are probed at files that exist.
        b.attachment = EntryAttachment(
            network=network, entry=b.entry, kind=EntryAttachment.Kind.PHOTO, original_name="zeta.png",
            content_type="image/png", size=len(LOGO_PNG), width=8, height=8,
        )  # fmt: skip
        b.attachment.file.save("photo.png", ContentFile(LOGO_PNG), save=False)
        b.attachment.thumbnail.save("thumbnail.png", ContentFile(LOGO_PNG), save=False)
        b.attachment.key = uploads.key(b.attachment.file)
        b.attachment.save()
        # B's advocacy output: published, restricted, addressed to a ministry of no network, with a
        # recommendation, a submission with its evidence, a cover and a file, so advocacy's routes are probed
        # at objects that exist (and the door of the output's page has something to open).
        b.ministry = OrganisationFactory(name="Ministry of Zeta", kind="ministry")
        b.output = AdvocacyOutput.objects.create(
            network=network, title=s["output_title"], status="published", visibility="restricted", version=1,
            published_at=timezone.now(),
        )  # fmt: skip
        AddressedInstitution.objects.create(network=network, output=b.output, organisation=b.ministry)
        OutputVersion.objects.create(network=network, output=b.output, number=1, title=s["output_title"],
                                     published_at=timezone.now())  # fmt: skip
        b.recommendation = Recommendation.objects.create(
            network=network, output=b.output, position=1, text=s["recommendation_text"], institution=b.ministry
        )
        b.submission = Submission(network=network, output=b.output, recommendation=b.recommendation,
                                  institution=b.ministry, submitted_on=datetime.date(2024, 3, 1))  # fmt: skip
        b.submission.evidence_file.save("evidence.png", ContentFile(LOGO_PNG), save=False)
        b.submission.save()
        b.output.cover.save("cover.png", ContentFile(LOGO_PNG), save=True)
        b.output_attachment = OutputAttachment(network=network, output=b.output, original_name="zeta.png",
                                               content_type="image/png", size=len(LOGO_PNG))  # fmt: skip
        b.output_attachment.file.save("file.png", ContentFile(LOGO_PNG), save=False)
        b.output_attachment.key = uploads.key(b.output_attachment.file)
        b.output_attachment.save()
        # B's project has a named evaluator (its access page's change and remove buttons are probed at it).
        b.evaluator = ProjectEvaluator.objects.create(
            network=network, project=b.project, user=UserFactory(), until=datetime.date(2999, 12, 31)
        )
        # A's private project is funded by a donor, whose people hold its grant, and has an evaluator of its
        # own: both are people granted a project of A and of no network, who must get nothing of B.
        a_project = Project.objects.create(network=network_a, title="Alpha funded project", slug="alpha-funded",
                                           visibility="private")  # fmt: skip
        donor_a = AffiliationFactory(organisation__name="Alpha Donor", organisation__kind="donor").user
        ProjectPartner.objects.create(network=network_a, project=a_project, role="funder",
                                      organisation=donor_a.affiliations.get().organisation)  # fmt: skip
        evaluator_a = UserFactory()
        ProjectEvaluator.objects.create(
            network=network_a, project=a_project, user=evaluator_a, until=datetime.date(2999, 12, 31)
        )
        # B's audit log names B's objects: A's log page must show none of them (the rows A has say "Alpha").
        for net, obj, who in ((network, b.agreement, coordinator), (network_a, network_a, coordinator_a)):
            with transaction.atomic():
                audit.record(
                    network=net, acting_user=who, action="agreement.updated", obj=obj, after={"title": str(obj)}
                )
    return SimpleNamespace(
        a=network_a, coordinator_a=coordinator_a, donor_a=donor_a, evaluator_a=evaluator_a, a_project=a_project, b=b
    )


def b_state(b):
    """Everything a successful cross-tenant write would change."""
    with scopes_disabled():
        network = Network.objects.filter(pk=b.network.pk).values().get()
        return (
            network,
            list(Membership.objects.filter(network=b.network).order_by("pk").values()),
            list(Invitation.objects.filter(network=b.network).order_by("pk").values()),
            list(NetworkObjective.objects.filter(network=b.network).order_by("pk").values()),
            list(Affiliation.objects.filter(organisation=b.coordinator_org).order_by("pk").values()),
            list(ColleagueInvitation.objects.filter(organisation=b.coordinator_org).order_by("pk").values()),
            list(type(b.coordinator_org).objects.filter(pk=b.coordinator_org.pk).values()),
            list(PartnershipAgreement.objects.filter(network=b.network).values()),
            list(NewsPost.objects.filter(network=b.network).values()),
            list(Project.objects.filter(network=b.network).values()),
            list(Objective.objects.filter(network=b.network).values()),
            list(ActivityEntry.objects.filter(network=b.network).values()),
            list(Activity.objects.filter(network=b.network).values()),
            list(EntryExport.objects.filter(network=b.network).values()),
            list(ReportJob.objects.filter(network=b.network).values()),
            list(AuditEntry.objects.filter(network=b.network).values()),
            list(EntryAttachment.objects.filter(network=b.network).values()),
            list(ReportingPeriodLock.objects.filter(network=b.network).values()),
            list(ProjectEvaluator.objects.filter(network=b.network).order_by("pk").values()),
            list(ProjectPartner.objects.filter(network=b.network).order_by("pk").values()),
            *(
                list(model.objects.filter(network=b.network).order_by("pk").values())
                for model in (
                    AdvocacyOutput,
                    AddressedInstitution,
                    OutputVersion,
                    Recommendation,
                    Submission,
                    Comment,
                    OutputAttachment,
                )
            ),  # fmt: skip
        )


def leaked(response, may_show=frozenset()):
    body = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body or "null"), ensure_ascii=False)
    return sorted(key for key, value in B_STRINGS.items() if key not in may_show and value in body)


def probe(client, routes, b):
    """GET and empty POST on each route; return the problems found, one line each.

    Routes under B's /networks/<network_slug>/ (pages and API) must answer 404, as if B did not exist.
    """
    problems = []
    for route in routes:
        url = url_for(route, b)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            public = PUBLIC_BY_DESIGN.get(route.name)
            if 200 <= response.status_code < 300 and public is None:
                problems.append(f"{method.upper()} {url} ({route.name}) answered {response.status_code}")
            if public is not None and (found := leaked(response, public.may_show)):
                problems.append(f"{method.upper()} {url} ({route.name}) shows B's {', '.join(found)}")
            if "network_slug" in route.kwargs and response.status_code != 404:
                problems.append(f"{method.upper()} {url} ({route.name}) answered {response.status_code}, not 404")
    return problems


# --- the tests -------------------------------------------------------------------------------------------


def test_every_route_is_classified(tenants):
    """A new route either resolves all its kwargs from PROBE_KWARGS or is skipped with a reason."""
    problems = []
    for route in probed_routes():
        if route.name is None or route.name.endswith(":<unnamed>"):
            problems.append(f"{route.path}: unnamed route; name it so the probe can reverse it")
            continue
        try:
            url_for(route, tenants.b)
        except LookupError as error:
            problems.append(str(error))
    assert problems == [], "\n".join(problems)
    assert {r.name for r in probed_routes()} >= set(PUBLIC_BY_DESIGN), "PUBLIC_BY_DESIGN names a route that is gone"


def test_the_walk_finds_the_routes_we_know():
    names = {route.name for route in probed_routes()}
    assert {"network:approve", "network:invitation", "members:people", "api:member-detail"} <= names
    skipped = {route.name for route in all_routes() if skip_reason(route)}
    assert {"account_login", "set_language"} <= skipped
    assert any(name and name.startswith("admin:") for name in skipped)


def test_every_api_view_under_a_network_asks_network_rule_permission():
    """The middleware does not decide who enters a network for API URLs (DRF has not authenticated the
    caller yet); NetworkRulePermission does. An API view under <network_slug> without it would be open."""
    from django.urls import resolve

    in_network = [r for r in probed_routes() if r.name.startswith("api:") and "network_slug" in r.kwargs]
    assert in_network
    problems = []
    for route in in_network:
        url = reverse(route.name, kwargs={k: "1" if k != "network_slug" else "x" for k in route.kwargs})
        view = resolve(url).func
        classes = getattr(getattr(view, "cls", None), "permission_classes", None)
        if classes is None or NetworkRulePermission not in classes:
            problems.append(f"{route.name} ({route.path}) does not use NetworkRulePermission: {classes}")
    assert problems == [], "\n".join(problems)


# Anonymous callers carry no token, so the token kind only adds A's people calling with a token. A's donor
# and A's evaluator are granted a project of A (projects.grants, ProjectEvaluator): B's doors stay shut to them.
@pytest.mark.parametrize(
    ("visitor", "client_kind"),
    [
        ("anonymous", "session"),
        *((who, kind) for who in ("coordinator_of_a", "donor_of_a", "evaluator_of_a") for kind in ("session", "token")),
    ],
)
def test_private_network_b_gives_nothing_away(client, tenants, visitor, client_kind):
    people = {"coordinator_of_a": tenants.coordinator_a, "donor_of_a": tenants.donor_a,
              "evaluator_of_a": tenants.evaluator_a}  # fmt: skip
    sign_in(client, people.get(visitor), client_kind)
    before = b_state(tenants.b)

    problems = probe(client, probed_routes(client_kind), tenants.b)

    assert problems == [], "\n".join(problems)
    assert b_state(tenants.b) == before


def test_b_objects_named_under_a_slug_are_answered_like_missing_ones(client, client_kind, tenants):
    """A's coordinator may act in A; B's membership, invitation… ids under A's address must get exactly
    the answer a non-existent id gets (Zulip's rule: "missing" and "not yours" look the same)."""
    sign_in(client, tenants.coordinator_a, client_kind)
    before = b_state(tenants.b)
    routes = [  # those naming an object besides the network (a kind of page, such as a chart's name, is none)
        r
        for r in probed_routes(client_kind)
        if "network_slug" in r.kwargs and set(r.kwargs) - NOT_OBJECTS - {"network_slug"}
    ]
    assert routes

    problems = []
    for route in routes:
        url = url_for(route, tenants.b, network_slug=tenants.a.slug)
        missing = {k: MISSING.get(k, "0") for k in route.kwargs if k not in NOT_OBJECTS}
        missing = reverse(
            route.name, kwargs={**url_kwargs(route, tenants.b), **missing, "network_slug": tenants.a.slug}
        )
        for method in ("get", "post"):
            answer, expected = getattr(client, method)(url).status_code, getattr(client, method)(missing).status_code
            if answer != expected or 200 <= answer < 300:
                problems.append(
                    f"{method.upper()} {url} ({route.name}) answered {answer}; a missing id gets {expected}"
                )

    assert problems == [], "\n".join(problems)
    assert b_state(tenants.b) == before


A_LIST_PAGES = [
    "/",
    "/networks/",
    "/networks/alpha/",
    "/networks/alpha/workspace/",
    "/networks/alpha/workspace/log/",
    "/networks/alpha/members/manage/",
    "/networks/alpha/agreements/",
    "/networks/alpha/news/",
    "/networks/alpha/projects/",
    "/networks/alpha/activities/new/",
    "/networks/alpha/activities/periods/",
    "/networks/alpha/advocacy/",
    "/networks/alpha/advocacy/ledger/",
    "/api/v1/networks/",
    "/api/v1/networks/alpha/members/",
    "/api/v1/networks/alpha/membership-requests/",
    "/api/v1/networks/alpha/activities/",
]


@pytest.mark.parametrize(
    ("page", "client_kind"),
    [(page, "session") for page in A_LIST_PAGES] + [(page, "token") for page in A_LIST_PAGES if is_api(page)],
)
def test_a_list_pages_hold_none_of_b_rows(client, client_kind, tenants, page):
    sign_in(client, tenants.coordinator_a, client_kind)
    response = client.get(page)
    assert response.status_code == 200
    assert "Alpha" in response.content.decode()  # the page does list A's rows
    assert leaked(response) == []


# What a person granted B's project (a funder's people, an evaluator) may open in B, which they do not enter:
# its doors (tenancy.open_door), for that project, and nothing else of B; the door shows the project, and
# names the network it belongs to.
PROJECT_DOORS = {"projects:detail", "projects:dashboard"}
DOOR_SHOWS = frozenset({"network_name", "project_title", "project_objective"})


@pytest.mark.parametrize("grantee", ["donor", "evaluator"])
def test_people_granted_bs_project_open_its_doors_only(client, tenants, grantee):
    b = tenants.b
    with scopes_disabled():
        if grantee == "donor":
            person = AffiliationFactory(organisation__name="Zeta Donor", organisation__kind="donor").user
            ProjectPartner.objects.create(network=b.network, project=b.project, role="funder",
                                          organisation=person.affiliations.get().organisation)  # fmt: skip
        else:
            person = b.evaluator.user
    sign_in(client, person)
    before = b_state(b)

    problems, opened = [], set()
    for route in probed_routes():
        if "network_slug" not in route.kwargs:
            continue
        url = url_for(route, b)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if method == "get" and route.name in PROJECT_DOORS and response.status_code == 200:
                opened.add(route.name)
                if found := leaked(response, DOOR_SHOWS):
                    problems.append(f"GET {url} ({route.name}) shows B's {', '.join(found)}")
            elif response.status_code != 404:
                problems.append(f"{method.upper()} {url} ({route.name}) answered {response.status_code}, not 404")

    assert problems == [], "\n".join(problems)
    assert "projects:detail" in opened
    assert b_state(b) == before
