"""The uptake ledger's forms (coordinators): record a submission to an institution (with the translation
completeness check above it: advocacy.completeness), record its response; and the evidence document, served
to whoever may read the output."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from advocacy import completeness
from advocacy.forms import ResponseForm, SubmissionForm
from advocacy.models import Submission
from advocacy.services import submissions as services
from advocacy.views.common import output_required, output_url
from portal import uploads
from portal.forms import add_service_errors


def _submission_or_404(output, submission_id):
    submission = (
        Submission.objects.filter(network=output.network, output=output, pk=submission_id)
        .select_related("institution", "recommendation")
        .first()
    )
    if submission is None:
        raise Http404
    submission.output = output
    return submission


def _data(form):
    data = dict(form.cleaned_data)
    data.pop("evidence_file", None)
    return data


@output_required("record_submission")
def submission_add(request, output):
    form = SubmissionForm(request.POST or None, request.FILES or None, output=output,
                          instance=Submission(network=output.network, output=output))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_record(output=output, acting_user=request.user, data=_data(form),
                                       evidence=form.cleaned_data.get("evidence_file"))  # fmt: skip
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The submission is recorded in the ledger."))
            return redirect(output_url(output) + "#timeline")
    context = {"network": request.network, "output": output, "form": form, "check": completeness.output_check(output)}
    return render(request, "advocacy/submission_form.html", context)


@output_required("record_submission")
def submission_respond(request, output, submission_id):
    submission = _submission_or_404(output, submission_id)
    form = ResponseForm(request.POST or None, request.FILES or None, output=output, instance=submission)
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_respond(submission=submission, acting_user=request.user, data=_data(form),
                                        evidence=form.cleaned_data.get("evidence_file"))  # fmt: skip
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The response is recorded."))
            return redirect(output_url(output) + "#timeline")
    context = {"network": request.network, "output": output, "form": form, "submission": submission}
    return render(request, "advocacy/response_form.html", context)


@require_safe
@output_required()
def submission_evidence(request, output, submission_id):
    """The evidence document of a response: a download, to whoever may read the output."""
    submission = _submission_or_404(output, submission_id)
    return uploads.serve(submission.evidence_file, shared=False, download_name=uploads.name_stem(
        submission.evidence_name or "evidence"), types=uploads.DOCUMENT_SERVED_TYPES)  # fmt: skip
