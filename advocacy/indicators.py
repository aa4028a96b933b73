"""Indicators computed from the uptake ledger ("recommendations adopted"), registered into
projects.indicator_sources in AdvocacyConfig.ready() (projects sits below advocacy and cannot name it).

What counts, for a project: the numbered recommendations of its published outputs, each once, whose latest
word from an institution says adopted. The latest word is the ledger's (advocacy.selectors.ledger_table):
per recommendation and institution, the outcome of the latest submission (by date submitted, then by when
it was recorded), so a follow-up that is still pending, or answered otherwise, takes an earlier "adopted"
back, and a follow-up that adopts counts. A recommendation adopted by two institutions counts once, in the
period of the earlier response.

- `ledger_adopted` counts "adopted" only.
- `ledger_adopted_or_partly` counts "adopted" and "partly adopted".

"Already implemented" counts in neither: the institution says it did so before it was asked, which is not
uptake of the recommendation. Submissions of a whole output count no recommendation: the ledger answers
for the output then, not for any one recommendation.

A recommendation counts in the period its adopting response is dated in (`responded_on`); an outcome
recorded without a response date counts only over the whole record (an indicator of a project without
dates and without typed periods).
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from advocacy.models import AdvocacyOutput, Submission
from projects.indicator_sources import IndicatorSource, SourceValue

Outcome = Submission.Outcome


def adopted_on(*, project, outcomes):
    """{recommendation id: the date (or None) of the earliest response whose outcome, in `outcomes`, is the
    latest word of its institution on it}, for the project's published outputs. One query."""
    submissions = (
        Submission.objects.filter(
            network_id=project.network_id,
            output__project=project,
            output__status=AdvocacyOutput.Status.PUBLISHED,
            recommendation__isnull=False,
        )
        .order_by("recommendation_id", "institution_id", "submitted_on", "pk")
        .values_list("recommendation_id", "institution_id", "outcome", "responded_on")
    )
    latest = {}  # (recommendation, institution) → (outcome, responded on); the last one in order wins
    for recommendation_id, institution_id, outcome, responded_on in submissions:
        latest[recommendation_id, institution_id] = (outcome, responded_on)
    adopted = {}
    for (recommendation_id, _institution_id), (outcome, responded_on) in latest.items():
        if outcome not in outcomes:
            continue
        if recommendation_id not in adopted:
            adopted[recommendation_id] = responded_on
        else:
            earlier = adopted[recommendation_id]
            dates = [day for day in (earlier, responded_on) if day is not None]
            adopted[recommendation_id] = min(dates) if dates else None
    return adopted


def _in_period(day, start, end):
    if start is None and end is None:
        return True
    if day is None:
        return False
    return (start is None or day >= start) and (end is None or day <= end)


def _ledger_url(project):
    """The network's ledger table, when the advocacy pages are installed (linked for those who may see it:
    `link_action` below)."""
    try:
        return reverse("advocacy:ledger", kwargs={"network_slug": project.network.slug})
    except NoReverseMatch:
        return ""


def _counter(outcomes):
    def compute(project, cells):
        adopted = adopted_on(project=project, outcomes=outcomes)
        url = _ledger_url(project)
        return {
            (indicator.pk, start, end): SourceValue(sum(_in_period(day, start, end) for day in adopted.values()), url)
            for indicator, start, end in cells
        }

    return compute


SOURCES = (
    IndicatorSource(
        key="ledger_adopted",
        label=_("From the uptake ledger: recommendations adopted"),
        rule=_("From the uptake ledger: recommendations of the project's outputs adopted (the latest response)"),
        compute=_counter({Outcome.ADOPTED}),
        link_action="see_ledger",
    ),
    IndicatorSource(
        key="ledger_adopted_or_partly",
        label=_("From the uptake ledger: recommendations adopted or partly adopted"),
        rule=_(
            "From the uptake ledger: recommendations of the project's outputs adopted or partly adopted (the "
            "latest response)"
        ),
        compute=_counter({Outcome.ADOPTED, Outcome.PARTLY_ADOPTED}),
        link_action="see_ledger",
    ),
)
