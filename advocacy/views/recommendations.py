"""An output's numbered recommendations: add, edit and remove (coordinators)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from advocacy.forms import RecommendationForm
from advocacy.models import Recommendation
from advocacy.services import recommendations as services
from advocacy.views.common import output_required, output_url
from portal.forms import add_service_errors


def _recommendation_or_404(output, recommendation_id):
    recommendation = Recommendation.objects.filter(network=output.network, output=output, pk=recommendation_id).first()
    if recommendation is None:
        raise Http404
    recommendation.output = output
    return recommendation


def _render(request, output, form, recommendation=None):
    context = {"network": request.network, "output": output, "form": form, "recommendation": recommendation}
    return render(request, "advocacy/recommendation_form.html", context)


@output_required("edit_output")
def recommendation_add(request, output):
    form = RecommendationForm(request.POST or None, output=output, instance=Recommendation(network=output.network))
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = services.recommendation_add(
                output=output, acting_user=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Recommendation %(number)s added.") % {"number": recommendation.position})
            return redirect(output_url(output) + "#recommendations")
    return _render(request, output, form)


@output_required("edit_output")
def recommendation_edit(request, output, recommendation_id):
    recommendation = _recommendation_or_404(output, recommendation_id)
    form = RecommendationForm(request.POST or None, output=output, instance=recommendation)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_update(recommendation=recommendation, acting_user=request.user,
                                           data=form.cleaned_data)  # fmt: skip
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Recommendation %(number)s saved.") % {"number": recommendation.position})
            return redirect(output_url(output) + f"#recommendation-{recommendation.position}")
    return _render(request, output, form, recommendation)


@require_POST
@output_required("edit_output")
def recommendation_remove(request, output, recommendation_id):
    recommendation = _recommendation_or_404(output, recommendation_id)
    try:
        services.recommendation_remove(recommendation=recommendation, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("Recommendation %(number)s removed; the later ones moved up a number.")
                         % {"number": recommendation.position})  # fmt: skip
    return redirect(output_url(output) + "#recommendations")
