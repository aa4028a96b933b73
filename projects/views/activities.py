"""The activity log's lists: the entries with their filters and search, the month calendar of the same
filtered entries, and the coordinators' queue of entries waiting for approval with its bulk approve.

The filters are one GET form (projects.forms.EntryFilterForm) on the list and the calendar, so a link
from one to the other keeps them; a forged value shows everything with the field's message.
"""

import re
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal import pagecache, permissions
from portal.pagination import paginate
from projects import selectors
from projects.forms import EntryFilterForm
from projects.services import entries as entry_services

ENTRIES_PER_PAGE = 25
ENTRIES_COUNTED = 1_000  # the list counts (and pages) up to this many, then says "more than"
QUEUE_PER_PAGE = entry_services.BULK_APPROVE_LIMIT // 2  # a page's worth always fits one batch
CALENDAR_PER_DAY = 3
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _context(request, **values):
    return {"network": request.network, "without_organisation": _query(request, drop=("organisation",)), **values}


def _filter_form(request):
    return EntryFilterForm(request.GET or None, network=request.network, user=request.user)


def _query(request, drop=(), **values):
    """The request's query string without `drop` and page, with `values` set: the filters carried over."""
    query = request.GET.copy() if request.GET else QueryDict(mutable=True)
    for key in (*drop, "page", *values):
        query.pop(key, None)
    for key, value in values.items():
        query[key] = value
    return query.urlencode()


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def entry_list(request, network_slug):
    network = request.network
    form = _filter_form(request)
    rows = selectors.entry_list(network=network, user=request.user, filters=form.filters())
    paged = paginate(request, rows, ENTRIES_PER_PAGE, count_cap=ENTRIES_COUNTED)
    create_url = reverse("projects:entry_create", kwargs={"network_slug": network.slug})
    context = _context(
        request, form=form, filter_query=_query(request), create_url=create_url, **paged.context("entries")
    )
    return render(request, "projects/entries/list.html", context)


def _month(request):
    """The month asked for (?month=YYYY-MM), else this one; a value that is no month says so."""
    today = timezone.localdate()
    value = request.GET.get("month", "")
    match = _MONTH.fullmatch(value)
    if match and 1 <= int(match[2]) <= 12 and 1000 <= int(match[1]) <= 9998:
        return date(int(match[1]), int(match[2]), 1)
    if value:
        messages.warning(
            request, _("“%(value)s” is not a month such as 2025-03; this month is shown.") % {"value": value[:20]}
        )
    return today.replace(day=1)


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def entry_calendar(request, network_slug):
    network = request.network
    form = _filter_form(request)
    month = selectors.entry_month(
        network=network,
        user=request.user,
        filters=form.filters(),
        first=_month(request),
        per_day=CALENDAR_PER_DAY,
    )
    list_url = reverse("projects:entries", kwargs={"network_slug": network.slug})
    for week in month.weeks:
        for day in week:
            if day.more:  # "+k more": the list of that day's entries, with the same filters
                iso = day.day.isoformat()
                day.more_url = f"{list_url}?{_query(request, drop=('month',), **{'from': iso, 'to': iso})}"
    context = _context(
        request,
        form=form,
        month=month,
        month_param=month.first.strftime("%Y-%m"),  # ?month=, a machine value
        # Monday to Sunday in the reader's language (Django's translated names), long and short.
        weekdays=[(WEEKDAYS[day.day.weekday()], WEEKDAYS_ABBR[day.day.weekday()]) for day in month.weeks[0]],
        previous_query=_query(request, month=month.previous.strftime("%Y-%m")),
        next_query=_query(request, month=month.next.strftime("%Y-%m")),
        list_query=_query(request, drop=("month",)),
    )
    return render(request, "projects/entries/calendar.html", context)


@permissions.network_required("review_entries")
@pagecache.keep(pagecache.network_page)
def entry_queue(request, network_slug):
    paged = paginate(request, selectors.entry_queue(network=request.network), QUEUE_PER_PAGE, count_cap=ENTRIES_COUNTED)
    return render(request, "projects/entries/queue.html", _context(request, **paged.context("entries")))


def _seen(post):
    """{entry id: its version as the queue showed it} from the ticked boxes, or ValueError."""
    seen = {}
    for value in post.getlist("entry"):
        if not value.isdigit() or len(value) > 18:
            raise ValueError(value)
        version = parse_datetime(post.get(f"seen-{value}", ""))
        if version is None:
            raise ValueError(value)
        seen[int(value)] = version
    return seen


@require_POST
@permissions.network_required("review_entries")
def entry_bulk_approve(request, network_slug):
    network = request.network
    back = redirect("projects:entry_queue", network_slug=network.slug)
    try:
        seen = _seen(request.POST)
    except ValueError:
        messages.error(request, _("The chosen entries could not be read; nothing was approved. Choose them again."))
        return back
    try:
        outcome = entry_services.entry_bulk_approve(network=network, acting_user=request.user, seen=seen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back
    approved = len(outcome.approved)
    if not outcome.skipped:
        message = ngettext("%(count)s entry approved.", "%(count)s entries approved.", approved)
        messages.success(request, message % {"count": approved})
        return back
    skipped = "; ".join(f"“{entry.title}”: {reason}" for entry, reason in outcome.skipped)
    messages.warning(
        request,
        _(
            "%(approved)s of %(chosen)s entries approved. Not approved, as they changed since the queue was shown: "
            "%(skipped)s"
        )
        % {"approved": approved, "chosen": len(seen), "skipped": skipped},
    )
    return back
