"""Reads of the advocacy app: the outputs addressed to a person's institutions (across networks), the
uptake ledger's table for a network, and one output's timeline. Each is a fixed number of queries."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from advocacy.models import (
    INSTITUTION_KINDS,
    AddressedInstitution,
    AdvocacyOutput,
    Comment,
    OutputAttachment,
    OutputVersion,
    Recommendation,
    Submission,
)
from advocacy.permissions import granted_output_ids, visible_outputs
from advocacy.services.common import pk_of
from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Network
from portal.texts import MultilingualText


def outputs_addressed_to(user):
    """The published outputs, of every network, addressed to the institutions `user` works for and that
    `user` may read (advocacy.permissions.can_view_output): public ones of public networks, and those
    the view grant opens (restricted ones, public ones of private networks). One query; a read across
    networks on purpose ("documents addressed to us"), so it runs with scopes disabled and names the
    networks itself."""
    ids = organisation_ids(user)
    if not ids or not user.is_active:
        return []
    with scopes_disabled():
        readable = Q(visibility=AdvocacyOutput.Visibility.PUBLIC, network__visibility=Network.Visibility.PUBLIC) | (
            Q(pk__in=granted_output_ids(user)) & ~Q(visibility=AdvocacyOutput.Visibility.MEMBERS)
        )
        return list(
            AdvocacyOutput.objects.filter(
                readable,
                status=AdvocacyOutput.Status.PUBLISHED,
                pk__in=AdvocacyOutput.objects.filter(addresses__organisation_id__in=ids).values("pk"),
            )
            .select_related("network")
            .order_by("-published_at", "-pk")
        )


@dataclass
class LedgerRow:
    """One recommendation (or a whole output: `recommendation` None) put to one institution."""

    output: AdvocacyOutput
    recommendation: Recommendation | None
    institution: object
    submissions: list = field(default_factory=list)  # in date order

    @property
    def latest(self):
        return self.submissions[-1] if self.submissions else None

    @property
    def outcome(self):
        """The latest submission's outcome ('' pending); None when it was never submitted."""
        return self.latest.outcome if self.latest else None

    overdue: bool = False


@dataclass
class InstitutionSummary:
    institution: object
    rows: int = 0
    responses: int = 0
    overdue: int = 0
    median_days: float | None = None  # from submission to response, over the responded submissions


@dataclass
class Ledger:
    rows: list
    institutions: list  # InstitutionSummary, by name


def _overdue(submission, today):
    return bool(submission.response_due and submission.response_due < today and submission.responded_on is None)


def ledger_table(network, *, today=None):
    """Every recommendation addressed or submitted to an institution, and every whole-output submission, by
    institution, with its latest outcome, whether a response is overdue (due date passed, no response), and
    per institution the median days to respond. Two queries whatever the size: the network's submissions,
    and the recommendations of its published outputs addressed to an institution and never submitted to it
    (a draft's are nobody's business but its coordinators')."""
    today = today or timezone.localdate()
    submissions = (
        Submission.objects.filter(network=network)
        .select_related("output", "recommendation", "institution")
        .order_by("output_id", "recommendation_id", "institution_id", "submitted_on", "pk")
    )
    rows, days = {}, defaultdict(list)
    for submission in submissions:
        key = (submission.output_id, submission.recommendation_id, submission.institution_id)
        row = rows.get(key)
        if row is None:
            row = rows[key] = LedgerRow(submission.output, submission.recommendation, submission.institution)
        row.submissions.append(submission)
        if submission.responded_on is not None:
            days[submission.institution_id].append((submission.responded_on - submission.submitted_on).days)
    for row in rows.values():
        row.overdue = _overdue(row.latest, today)
    unsent = (
        Recommendation.objects.filter(
            network=network, institution__isnull=False, output__status=AdvocacyOutput.Status.PUBLISHED
        )
        .exclude(
            Exists(
                Submission.objects.filter(
                    network=network, recommendation=OuterRef("pk"), institution=OuterRef("institution")
                )
            )
        )  # fmt: skip
        .select_related("output", "institution")
    )
    for recommendation in unsent:
        key = (recommendation.output_id, recommendation.pk, recommendation.institution_id)
        rows.setdefault(key, LedgerRow(recommendation.output, recommendation, recommendation.institution))
    summaries = {}
    for row in rows.values():
        summary = summaries.setdefault(row.institution.pk, InstitutionSummary(row.institution))
        summary.rows += 1
        summary.overdue += row.overdue
    for institution_id, values in days.items():
        summaries[institution_id].responses = len(values)
        summaries[institution_id].median_days = statistics.median(values)
    ordered = sorted(
        rows.values(),
        key=lambda row: (row.institution.name.lower(), row.output.pk, row.recommendation.position if row.recommendation
                         else 0),
    )  # fmt: skip
    return Ledger(rows=ordered, institutions=sorted(summaries.values(), key=lambda s: s.institution.name.lower()))


@dataclass(frozen=True)
class TimelineEvent:
    day: datetime.date
    kind: str  # "submitted" or "responded"
    submission: Submission


def output_timeline(output):
    """The output's submissions and the responses to them, in date order (a submission before its response
    on the same day). One query."""
    submissions = (
        Submission.objects.filter(network=output.network, output=output)
        .select_related("recommendation", "institution", "follows_up")
        .order_by("submitted_on", "pk")
    )
    events = []
    for submission in submissions:
        events.append(TimelineEvent(submission.submitted_on, "submitted", submission))
        if submission.responded_on is not None:
            events.append(TimelineEvent(submission.responded_on, "responded", submission))
    order = {"submitted": 0, "responded": 1}
    return sorted(events, key=lambda event: (event.day, order[event.kind], event.submission.submitted_on,
                                             event.submission.pk))  # fmt: skip


def output_in_network(*, network, pk):
    """The network's output with this id (None for another network's, or none), with what its page names."""
    pk = pk_of(pk)
    if pk is None:
        return None
    return (
        AdvocacyOutput.objects.filter(network=network, pk=pk)
        .select_related("network", "project", "result", "result__project")
        .first()
    )


def output_list(*, user, network, kind="", status=""):
    """The outputs `user` may see in `network` (advocacy.permissions.visible_outputs), newest first, with
    the kind and status filters applied when they name a choice; each row carries its project."""
    outputs = visible_outputs(user, network).select_related("project")
    if kind in AdvocacyOutput.Kind.values:
        outputs = outputs.filter(kind=kind)
    if status in AdvocacyOutput.Status.values:
        outputs = outputs.filter(status=status)
    return outputs.order_by(F("published_at").desc(nulls_first=True), "-pk")


@dataclass
class OutputPage:
    """What an output's page shows beyond the row: one query each, whatever their number."""

    authors: list
    addresses: list  # AddressedInstitution, with their organisation
    recommendations: list  # with their institution
    attachments: list
    comments: list  # with their organisation and author
    versions: list  # OutputVersion, newest first (without their texts)
    timeline: list  # TimelineEvent


def output_page(*, output):
    network = output.network
    return OutputPage(
        authors=list(output.authors.order_by("name")),
        addresses=list(
            AddressedInstitution.objects.filter(network=network, output=output).select_related("organisation")
        ),
        recommendations=list(
            Recommendation.objects.filter(network=network, output=output).select_related("institution")
        ),
        attachments=list(OutputAttachment.objects.filter(network=network, output=output)),
        comments=list(Comment.objects.filter(network=network, output=output).select_related("organisation", "author")),
        versions=list(
            OutputVersion.objects.filter(network=network, output=output).only("pk", "number", "published_at", "output")
        ),
        timeline=output_timeline(output),
    )


def output_version(*, output, number):
    """One published version of the output, or None; with the institutions its recommendations name."""
    number = pk_of(number)
    version = (
        OutputVersion.objects.filter(network=output.network, output=output, number=number).first() if number else None
    )
    if version is None:
        return None
    ids = {item.get("institution") for item in version.recommendations} - {None}
    names = {o.pk: o for o in Organisation.objects.filter(pk__in=ids)} if ids else {}
    version.recommendation_rows = [
        {
            "position": item.get("position"),
            "text": MultilingualText.from_json(item.get("text")),
            "rationale": MultilingualText.from_json(item.get("rationale")),
            "institution": names.get(item.get("institution")),
        }
        for item in version.recommendations
    ]
    return version


def works_for_institution(user):
    """Whether `user` works for a ministry, agency or local government (their "documents addressed to us")."""
    ids = organisation_ids(user)
    return bool(ids) and Organisation.objects.filter(pk__in=ids, kind__in=INSTITUTION_KINDS).exists()


# --- the dashboards' sections (advocacy.apps registers them into portal.sections) ----------------------------


# The outcomes in the order the dashboards count them, "" (pending: submitted, no answer yet) last.
UPTAKE_OUTCOMES = (*Submission.Outcome.values, "")


@dataclass
class UptakeCounts:
    """Items of the ledger (a recommendation, or a whole output, put to one institution) by the outcome of their
    latest submission, and how many of them wait past their due date."""

    by_outcome: dict = field(default_factory=lambda: dict.fromkeys(UPTAKE_OUTCOMES, 0))
    overdue: int = 0
    not_submitted: int = 0  # recommendations addressed to an institution and never submitted (no period only)

    def add(self, latest, today):
        self.by_outcome[latest.outcome] += 1
        self.overdue += _overdue(latest, today)

    @property
    def submitted(self):
        return sum(self.by_outcome.values())

    @property
    def adopted(self):
        return self.by_outcome[Submission.Outcome.ADOPTED]

    @property
    def partly_adopted(self):
        return self.by_outcome[Submission.Outcome.PARTLY_ADOPTED]

    @property
    def rejected(self):
        return self.by_outcome[Submission.Outcome.REJECTED]

    @property
    def pending(self):
        return self.by_outcome[""]

    @property
    def other_answers(self):
        """Answered, but neither adopted, partly adopted nor rejected (acknowledged, under consideration…)."""
        return self.submitted - self.adopted - self.partly_adopted - self.rejected - self.pending

    def rows(self):
        """(outcome, label, count) of every outcome, pending last: the table the network dashboard shows."""
        labels = {**dict(Submission.Outcome.choices), "": _("Waiting for a response")}
        return [(outcome, labels[outcome], count) for outcome, count in self.by_outcome.items()]


def _in_period(submission, period_start, period_end):
    """Submitted in the period (either end None: open on that side)."""
    day = submission.submitted_on
    return (period_start is None or day >= period_start) and (period_end is None or day <= period_end)


@dataclass
class OutputUptake:
    output: AdvocacyOutput
    submissions: list  # in the period, in date order, with their institution and recommendation


@dataclass
class ProjectUptake:
    outputs: list  # OutputUptake, newest publication first
    counts: UptakeCounts


def project_uptake(*, user, project, period_start=None, period_end=None, today=None):
    """The project's published outputs that `user` may read (advocacy.permissions.visible_outputs: a restricted
    one only for the network's people and the granted), each with its submissions made in the period, and their
    uptake counted as the ledger counts it (each item by its latest submission in the period). Two queries
    whatever the number of outputs and submissions, besides what the visibility rule asks about the user."""
    today = today or timezone.localdate()
    network = project.network
    outputs = list(
        visible_outputs(user, network)
        .filter(project=project, status=AdvocacyOutput.Status.PUBLISHED)
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )
    submissions = defaultdict(list)
    if outputs:
        found = (
            Submission.objects.filter(network=network, output__in=[output.pk for output in outputs])
            .select_related("institution", "recommendation")
            .order_by("submitted_on", "pk")
        )
        for submission in found:
            if _in_period(submission, period_start, period_end):
                submissions[submission.output_id].append(submission)
    counts = UptakeCounts()
    latest = {}
    for output in outputs:
        for submission in submissions[output.pk]:  # in date order: the last one of an item stays
            latest[output.pk, submission.recommendation_id, submission.institution_id] = submission
    for submission in latest.values():
        counts.add(submission, today)
    return ProjectUptake(outputs=[OutputUptake(output, submissions[output.pk]) for output in outputs], counts=counts)


def network_uptake(*, network, period_start=None, period_end=None, today=None):
    """The uptake ledger's outcomes for the network (ledger_table, two queries): each item by the outcome of its
    latest submission in the period, the overdue among them; with no period, also the items never submitted.
    For the network's own people (the ledger's rule, advocacy.permissions.can_see_ledger)."""
    today = today or timezone.localdate()
    counts = UptakeCounts()
    whole = period_start is None and period_end is None
    for row in ledger_table(network, today=today).rows:
        counted = [s for s in row.submissions if _in_period(s, period_start, period_end)]
        if counted:
            counts.add(counted[-1], today)
        elif not row.submissions and whole:
            counts.not_submitted += 1
    return counts
