"""Reporting-period locks: the list of locked periods, locking one, reopening one with a reason."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import permissions
from portal.forms import add_service_errors
from portal.pagination import paginate
from projects import selectors
from projects.forms import PeriodLockForm, PeriodReopenForm
from projects.models import ReportingPeriodLock
from projects.services.periods import period_lock, period_reopen

LOCKS_PER_PAGE = 25


@permissions.network_required("see_period_locks")
def entry_periods(request, network_slug):
    """Everyone in the network sees which periods are closed; coordinators lock (POST here) and reopen."""
    network = request.network
    form = PeriodLockForm(request.POST or None, network=network)
    if request.method == "POST":
        permissions.ensure(request, "lock_period", network)
        if form.is_valid():
            try:
                lock = period_lock(
                    network=network, project=form.cleaned_data["project"], start=form.cleaned_data["start"],
                    end=form.cleaned_data["end"], note=form.cleaned_data["note"], acting_user=request.user,
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(request, form, error)
            else:
                messages.success(request, _("The period %(period)s is locked.") % {"period": lock})
                return redirect("projects:entry_periods", network_slug=network.slug)
    paged = paginate(request, selectors.period_locks(network=network), LOCKS_PER_PAGE)
    return render(
        request,
        "projects/periods/list.html",
        {
            "network": network,
            "form": form,
            "can_lock": permissions.check("lock_period", request.user, network),
            "page": paged.page,
            "locks": paged.rows,
            "page_query": paged.page_query,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@permissions.network_required("lock_period")
def entry_period_reopen(request, network_slug, lock_id):
    lock = ReportingPeriodLock.objects.filter(network=request.network, pk=lock_id).select_related("network").first()
    if lock is None:
        raise Http404
    form = PeriodReopenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["reason"])
        period_reopen(lock=lock, reason=form.cleaned_data["reason"], acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("The period %(period)s is open again.") % {"period": lock})
    return redirect("projects:entry_periods", network_slug=request.network.slug)
