"""The report pages: ask for a report, follow its job (htmx polls a fragment; a plain refresh works too),
retry a failed one, download the file.

These addresses sit outside /networks/<slug>/ on purpose: reports are read by people who are not in the
subject's network (the ministry an output is addressed to, a donor granted a private project), whom the
network's own addresses turn away (portal.middleware). So each view finds its network from what it
loads, enters that network's scope itself, and asks the rules: the job by its random key (128 bits, no
sequential id in any address), the subject of a new request by its id and kind. Whoever may not see the
subject gets 404, exactly as for a job or subject that does not exist; the download asks again on every
request.
"""

from functools import wraps
from pathlib import PurePath

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_scopes import scope, scopes_disabled

from portal import permissions, uploads
from portal.forms import add_service_errors
from reports import kinds, services
from reports.forms import ReportRequestForm
from reports.models import ReportJob


def _job(key):
    # The key is the job's unguessable name across every network (like an invitation's token); the
    # network is read from the row, and everything after runs in its scope.
    with scopes_disabled():
        return ReportJob.objects.select_related("network").filter(key=key).first()


def job_required(action, *, visitors_log_in=True):
    """The view gets the job named by `key`, inside its network's scope, if `action` allows it; else 404
    (a visitor is sent to log in first, where `visitors_log_in`: the e-mail's link)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, key, *args, **kwargs):
            job = _job(key)
            if job is None:
                if visitors_log_in and not request.user.is_authenticated:
                    raise permissions.LoginRequired
                raise Http404
            with scope(network=job.network):
                if visitors_log_in:
                    permissions.ensure_visible(request, action, job)
                elif not permissions.check(action, request.user, job):
                    raise Http404
                return view(request, job, *args, **kwargs)

        wrapper.required_permission = action
        return wrapper

    return decorator


def _subject(kind, subject_id):
    model = apps.get_model(kind.subject_model)
    with scopes_disabled():  # its network is read from the row; the view then works in that scope
        return model.objects.select_related("network").filter(pk=subject_id).first()


@require_http_methods(["GET", "POST"])
def report_request(request, kind, subject_id):
    """GET: the form (language and the kind's parameters); POST: ask, then follow the job's page. A bilingual
    request whose texts miss one of its languages (the kind's `completeness`) first shows the form again with
    what is missing and the links to translate it; "prepare it anyway" asks."""
    try:
        kind = kinds.get(kind)
    except LookupError:
        raise Http404 from None
    subject = _subject(kind, subject_id)
    if subject is None:
        raise Http404
    with scope(network=subject.network):
        if not kind.can_download(request.user, subject):
            if not request.user.is_authenticated:
                raise permissions.LoginRequired
            raise Http404
        if not kind.can_request(request.user, subject):
            raise permissions.Refused(_("Your role does not allow asking for this report."))
        form = ReportRequestForm(request.POST or None, kind=kind, subject=subject)
        check = None
        if request.method == "POST" and form.is_valid():
            check = _completeness(kind, subject, form)
            if check and not request.POST.get("confirm_missing"):
                # A warning, not a refusal: the same form again with what is missing, and "prepare it anyway".
                context = {"kind": kind, "subject": subject, "form": form, "network": subject.network, "check": check}
                return render(request, "reports/request.html", context)
            try:
                job = services.report_request(
                    kind=kind, subject=subject, parameters=form.parameters(),
                    language=form.cleaned_data["language"], acting_user=request.user,
                    second_language=form.cleaned_data.get("second_language") or "",
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(request, form, error)
            else:
                if job.status == ReportJob.Status.DONE:
                    messages.success(request, _("This report is ready: nothing changed since it was prepared."))
                return redirect("reports:job", key=job.key)
        return render(
            request,
            "reports/request.html",
            {"kind": kind, "subject": subject, "form": form, "network": subject.network},
            status=400 if form.errors else 200,
        )


def _completeness(kind, subject, form):
    """The translation completeness check of a bilingual request (the kind's `completeness`), else None."""
    if kind.completeness is None or not form.cleaned_data.get("second_language"):
        return None
    return kind.completeness(subject, form.languages)


def _job_context(request, job):
    return {
        "job": job,
        "network": job.network,
        "subject": job.subject,
        "may_retry": permissions.check("retry_report", request.user, job),
        "may_download": permissions.check("download_report", request.user, job),
    }


@never_cache
@job_required("view_report_job")
def job_detail(request, job):
    """The job's state: waiting, being prepared (with its progress), ready (the download) or failed (why,
    and the retry button). htmx asks for the status fragment alone every 2 s while it is not finished."""
    context = _job_context(request, job)
    if request.htmx:
        return render(request, "reports/_job_status.html", context)
    return render(request, "reports/job.html", context)


@require_POST
@job_required("view_report_job")
def job_retry(request, job):
    try:
        services.report_retry(job=job, acting_user=request.user)
    except PermissionDenied:
        if job.status != ReportJob.Status.FAILED:
            messages.info(request, _("This report is not failed: there is nothing to retry."))
            return redirect("reports:job", key=job.key)
        raise permissions.Refused(_("Your role does not allow asking for this report.")) from None
    except ValidationError as error:
        for message in error.messages:
            messages.info(request, message)
    else:
        messages.success(request, _("The report is being prepared again."))
    return redirect("reports:job", key=job.key)


@job_required("download_report", visitors_log_in=False)
def job_download(request, job):
    """The file, as an attachment; refused (404) to everyone who may not download it now, visitors too."""
    kind, subject = job.kind_object, job.subject
    try:
        parameters = kind.clean_parameters(subject, job.parameters)
        languages = kinds.language_arguments(kind, job.language, job.second_language)
        name = PurePath(kind.filename(subject, parameters=parameters, **languages)).stem
    except ValidationError:
        name = f"report-{job.key[:8]}"
    # Served as what its kind renders (a PDF; the evidence pack's ZIP, which no upload may be) and nothing else.
    types = {PurePath(job.file.name).suffix.lower(): kind.content_type}
    return uploads.serve(job.file, shared=False, download_name=name, types=types, kept=False)
