"""An output's pages: the network's list, the output's page (and each earlier version's), the
coordinators' form, and the workflow buttons (send for review, publish, comment, address an
institution), each a small POST answered with a redirect back to the output's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from advocacy import selectors
from advocacy.forms import AddressForm, CommentForm, OutputForm
from advocacy.models import AdvocacyOutput
from advocacy.services import comments as comment_services
from advocacy.services import institutions as institution_services
from advocacy.services import outputs as services
from advocacy.views.common import output_required, output_url
from portal import pagecache, permissions
from portal.forms import add_service_errors
from portal.pagination import paginate

OUTPUTS_PER_PAGE = 25


@require_safe
@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def output_list(request, network_slug):
    network = request.network
    kind, status = request.GET.get("kind", ""), request.GET.get("status", "")
    rows = selectors.output_list(user=request.user, network=network, kind=kind, status=status)
    paged = paginate(request, rows, OUTPUTS_PER_PAGE)
    context = {
        "network": network, "kinds": AdvocacyOutput.Kind.choices, "statuses": AdvocacyOutput.Status.choices,
        "kind": kind, "status": status, "filtered": bool(kind or status), **paged.context("outputs"),
    }  # fmt: skip
    return render(request, "advocacy/list.html", context)


def _page_context(request, output, **extra):
    page = selectors.output_page(output=output)
    context = {"network": request.network, "output": output, "page": page}
    if permissions.check("comment_output", request.user, output):
        context["comment_form"] = extra.pop("comment_form", None) or CommentForm(output=output, user=request.user)
    return {**context, **extra}


@require_safe
@output_required()
@pagecache.keep(pagecache.network_page)
def output_detail(request, output):
    return render(request, "advocacy/detail.html", _page_context(request, output))


@require_safe
@output_required()
@pagecache.keep(pagecache.network_page)
def output_version(request, output, number):
    """An earlier (or the latest) published version, as it was published."""
    version = selectors.output_version(output=output, number=number)
    if version is None:
        raise Http404
    return render(request, "advocacy/version.html", {"network": request.network, "output": output, "version": version})


@permissions.network_required("create_output")
def output_create(request, network_slug):
    network = request.network
    form = OutputForm(request.POST or None, network=network, instance=AdvocacyOutput(network=network))
    if request.method == "POST" and form.is_valid():
        try:
            output = services.output_create(network=network, acting_user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The output is saved as a draft. Add its recommendations and institutions."))
            return redirect(output_url(output))
    return render(request, "advocacy/form.html", {"network": network, "form": form})


@output_required("edit_output")
def output_edit(request, output):
    form = OutputForm(
        request.POST or None, network=request.network,
        instance=AdvocacyOutput.objects.get(network=request.network, pk=output.pk),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.output_update(output=output, acting_user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Output saved."))
            return redirect(output_url(output))
    return render(request, "advocacy/form.html", {"network": request.network, "output": output, "form": form})


def _step(request, output, service, done):
    try:
        service(output=output, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, done)
    return redirect(output_url(output))


@require_POST
@output_required("edit_output")
def output_review(request, output):
    return _step(request, output, services.output_start_review,
                 _("The output is in review: the network's members can read it and comment."))  # fmt: skip


@require_POST
@output_required("edit_output")
def output_publish(request, output):
    return _step(request, output, services.output_publish, _("The output is published."))


@require_POST
@output_required("comment_output")
def output_comment(request, output):
    form = CommentForm(request.POST, output=output, user=request.user)
    if form.is_valid():
        try:
            comment_services.comment_add(
                output=output, acting_user=request.user, organisation=form.cleaned_data["organisation"],
                text=form.cleaned_data["text"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Your comment is added."))
            return redirect(output_url(output) + "#comments")
    return render(request, "advocacy/detail.html", _page_context(request, output, comment_form=form), status=400)


@output_required("edit_output")
def output_institutions(request, output):
    """GET: the addressed institutions with a form to address one more; POST: address it."""
    form = AddressForm(request.POST or None, output=output)
    if request.method == "POST" and form.is_valid():
        institution = form.cleaned_data["institution"]
        try:
            institution_services.output_address(output=output, institution=institution, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The output is addressed to %(name)s.") % {"name": institution})
            return redirect(output_url(output, "advocacy:output_institutions"))
    page = selectors.output_page(output=output)
    return render(request, "advocacy/institutions.html",
                  {"network": request.network, "output": output, "page": page, "form": form})  # fmt: skip


@require_POST
@output_required("edit_output")
def output_unaddress(request, output, organisation_id):
    try:
        institution_services.output_unaddress(output=output, institution=organisation_id, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("The institution is no longer addressed; its people lose access to the output."))
    return redirect(output_url(output, "advocacy:output_institutions"))
