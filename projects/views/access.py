"""Who outside the network's roles may read a project: the coordinators' access page.

The funders' people hold their grant because their organisation funds the project (projects.grants keeps
it; the page only shows it). The evaluators are named here: added by the e-mail of their account with a
last day, that day moved, or removed (each a small POST form answered with a redirect back).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import add_service_errors
from projects import grants
from projects.forms import EvaluatorChangeForm, EvaluatorForm
from projects.models import ProjectEvaluator
from projects.services import evaluators as services
from projects.views.projects import PAGES, project_required


def _back(project):
    return redirect("projects:access", network_slug=project.network.slug, project_slug=project.slug)


def _evaluator_or_404(request, project, evaluator_id):
    evaluator = (
        ProjectEvaluator.objects.filter(network=request.network, project=project, pk=evaluator_id)
        .select_related("user", "project", "network")
        .first()
    )
    if evaluator is None:
        raise Http404
    return evaluator


@project_required("manage_project_access")
def project_access(request, project):
    form = EvaluatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluator = services.evaluator_add(
                project=project, email=form.cleaned_data["email"], until=form.cleaned_data["until"],
                acting_user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("%(person)s may read the project now.") % {"person": evaluator.user})
            return _back(project)
    return render(
        request,
        "projects/access.html",
        {
            "network": request.network,
            "project": project,
            "pages": PAGES,
            "access": grants.project_access(project),
            "today": timezone.localdate(),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@project_required("manage_project_access")
def evaluator_change(request, project, evaluator_id):
    evaluator = _evaluator_or_404(request, project, evaluator_id)
    form = EvaluatorChangeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["until"])
        services.evaluator_change(evaluator=evaluator, until=form.cleaned_data["until"], acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("%(person)s's last day is changed.") % {"person": evaluator.user})
    return _back(project)


@require_POST
@project_required("manage_project_access")
def evaluator_remove(request, project, evaluator_id):
    evaluator = _evaluator_or_404(request, project, evaluator_id)
    services.evaluator_remove(evaluator=evaluator, acting_user=request.user)
    messages.success(request, _("%(person)s may no longer read the project.") % {"person": evaluator.user})
    return _back(project)
