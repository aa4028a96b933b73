"""Partnership agreements: the list, one agreement, and recording, editing or deleting one."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network import selectors
from network.forms import (
    PARTY_ROLE_SUGGESTIONS,
    AgreementForm,
    AgreementPartyFormSet,
    AgreementSignatoryFormSet,
    MultilingualLinesField,
)
from network.services import agreements as services
from portal import pagecache, permissions
from portal.forms import add_service_errors
from portal.mail import absolute_url
from portal.pagination import paginate

AGREEMENTS_PER_PAGE = 25


def _split_row_errors(request, form, error):
    """Service errors about the parties or signatories belong above those rows; the rest go to the form."""
    if not hasattr(error, "error_dict"):
        add_service_errors(request, form, error)
        return {}
    messages_by_key = error.message_dict
    row_errors = {k: v for k, v in messages_by_key.items() if k in ("parties", "signatories")}
    rest = {k: v for k, v in messages_by_key.items() if k not in row_errors}
    if rest:
        add_service_errors(request, form, ValidationError(rest))
    return row_errors


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def agreement_list(request, network_slug):
    network = request.network
    paged = paginate(request, selectors.agreements_for_user(network=network, user=request.user), AGREEMENTS_PER_PAGE)
    return render(request, "network/agreements/list.html", {"network": network, **paged.context("agreements")})


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def agreement_detail(request, network_slug, agreement_id):
    network = request.network
    agreement = permissions.ensure_visible(
        request, "view_agreement", selectors.agreement_for_page(network=network, agreement_id=agreement_id)
    )
    news = selectors.news_for_user(network=network, user=request.user).filter(agreement=agreement)
    return render(
        request,
        "network/agreements/detail.html",
        {"network": network, "agreement": agreement, "news": news, "share_url": absolute_url(request.path)},
    )


def _agreement_form(request, agreement):
    """Create (agreement is None) or edit an agreement with its parties, signatories and areas."""
    network = request.network
    organisations = {o.pk: o for o in selectors.agreement_party_organisations(network=network, agreement=agreement)}
    data = request.POST if request.method == "POST" else None
    initial, party_rows, signatory_rows = {}, [], []
    if agreement is not None:
        initial = {"areas": MultilingualLinesField.initial_from(agreement.areas.all())}
        party_rows = [{"organisation": p.organisation_id, "role": p.role} for p in agreement.parties.all()]
        signatory_rows = [
            {"name": s.name, "title": s.title, "organisation": s.organisation_id} for s in agreement.signatories.all()
        ]
    # The ModelForm writes submitted values onto its instance: give it a copy, so the page keeps the
    # saved title if the service refuses the change.
    form = AgreementForm(data, instance=copy.copy(agreement), initial=initial, network=network)
    rows = {"organisations": organisations}
    if data is not None:
        party_rows = signatory_rows = None  # the submitted rows are the whole truth; blank ones are skipped
    parties = AgreementPartyFormSet(data, prefix="parties", initial=party_rows, form_kwargs=rows)
    signatories = AgreementSignatoryFormSet(data, prefix="signatories", initial=signatory_rows, form_kwargs=rows)
    row_errors = {}
    if data is not None and all([form.is_valid(), parties.is_valid(), signatories.is_valid()]):
        submitted = {"parties": parties.rows(), "signatories": signatories.rows(), "areas": form.area_lines()}
        try:
            if agreement is None:
                saved = services.agreement_create(
                    network=network, data=form.service_data(), acting_user=request.user, **submitted
                )
            else:
                saved = services.agreement_update(
                    agreement=agreement, data=form.service_data(), acting_user=request.user, **submitted
                )
        except ValidationError as error:
            row_errors = _split_row_errors(request, form, error)
        else:
            messages.success(request, _("The agreement is saved."))
            return redirect("network:agreement", network_slug=network.slug, agreement_id=saved.pk)
    suggestions = [str(role) for role in PARTY_ROLE_SUGGESTIONS] + selectors.party_roles_in_use(network=network)
    suggestions = list(dict.fromkeys(suggestions))  # once each, defaults first
    return render(
        request,
        "network/agreements/form.html",
        {
            "network": network,
            "agreement": agreement,
            "form": form,
            "parties": parties,
            "signatories": signatories,
            "row_errors": row_errors,
            "role_suggestions": suggestions,
            "has_organisations": bool(organisations),
        },
    )


@permissions.network_required("manage_agreements")
def agreement_create(request, network_slug):
    return _agreement_form(request, None)


@permissions.network_required("manage_agreements")
def agreement_edit(request, network_slug, agreement_id):
    agreement = permissions.ensure_visible(
        request, "view_agreement", selectors.agreement_for_page(network=request.network, agreement_id=agreement_id)
    )
    permissions.ensure(request, "edit_agreement", agreement)
    return _agreement_form(request, agreement)


@require_POST
@permissions.network_required("manage_agreements")
def agreement_delete(request, network_slug, agreement_id):
    agreement = permissions.ensure_visible(
        request, "view_agreement", selectors.agreement_for_page(network=request.network, agreement_id=agreement_id)
    )
    permissions.ensure(request, "edit_agreement", agreement)
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm that the agreement should be deleted."))
        return redirect("network:agreement_edit", network_slug=network_slug, agreement_id=agreement.pk)
    services.agreement_delete(agreement=agreement, acting_user=request.user)
    messages.success(request, _("The agreement “%(title)s” was deleted.") % {"title": agreement.title})
    return redirect("network:agreements", network_slug=network_slug)
