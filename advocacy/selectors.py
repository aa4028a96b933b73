"""Reads of the advocacy app: the outputs addressed to a person's institutions (across networks), the
uptake ledger's table for a network, and one output's timeline. Each is a fixed number of queries."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django_scopes import scopes_disabled

from advocacy.models import AdvocacyOutput, Recommendation, Submission
from advocacy.permissions import granted_output_ids
from members.permissions import organisation_ids
from network.models import Network


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
