"""Network pages: directory, public home, workspace, membership management, invitations, partnership
agreements and news."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope, scopes_disabled

from members.models import Organisation
from network import selectors, services
from network.forms import (
    PARTY_ROLE_SUGGESTIONS,
    AcceptInvitationForm,
    AgreementForm,
    AgreementPartyFormSet,
    AgreementSignatoryFormSet,
    DeclineForm,
    FoundingOrganisationForm,
    InvitationForm,
    JoinRequestForm,
    NetworkForm,
    NewsPostForm,
    RoleForm,
    SuspendForm,
)
from network.models import Invitation, Membership, NetworkObjective, Role
from portal import permissions
from portal.forms import add_service_errors
from portal.mail import absolute_url


def _membership(request, membership_id):
    # The scope middleware already limits Membership to request.network: another network's id is a 404.
    return get_object_or_404(Membership.objects.select_related("organisation", "network"), pk=membership_id)


def directory(request):
    networks = selectors.networks_directory(user=request.user)
    return render(request, "network/directory.html", {"networks": networks})


def create(request):
    permissions.ensure(request, "create_network")
    organisations = Organisation.objects.filter(pk__in=permissions.admin_organisation_ids(request.user))
    form = NetworkForm(request.POST or None)
    founder = FoundingOrganisationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid() and founder.is_valid():
        try:
            network = services.network_create(
                data=form.cleaned_data,
                organisation=founder.cleaned_data["organisation"],
                acting_user=request.user,
                objectives=form.objective_lines(),
                tasks_=form.task_lines(),
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The network is founded. Invite its members."))
            return redirect("network:detail", network_slug=network.slug)
    return render(request, "network/form.html", {"form": form, "founder": founder})


@permissions.network_required("view_network")
def detail(request, network_slug):
    network = request.network
    user = request.user
    my_memberships = []
    admin_ids = permissions.admin_organisation_ids(user)
    if user.is_authenticated:
        my_memberships = list(
            selectors.memberships_of_organisations(network=network, organisation_ids=admin_ids).filter(
                status__in=Membership.OPEN_STATUSES
            )
        )
    # Every organisation the user administers is already in (or has asked): "Ask to join" would lead nowhere.
    all_asked = bool(admin_ids) and admin_ids <= {m.organisation_id for m in my_memberships}
    members = selectors.network_members(network=network) if permissions.can_see_members(user, network) else None
    return render(
        request,
        "network/detail.html",
        {
            "network": network,
            "objectives": [o for o in selectors.network_objectives(network=network)],
            "members": members,
            "my_memberships": my_memberships,
            "all_asked": all_asked,
            "administers_any": bool(admin_ids),
            "objective_kinds": NetworkObjective.Kind,
            **selectors.latest_agreements_and_news(network=network, user=user),
        },
    )


@permissions.network_required("edit_network")
def edit(request, network_slug):
    network = request.network
    objectives = list(selectors.network_objectives(network=network))
    initial = {
        "objectives": "\n".join(o.text for o in objectives if o.kind == NetworkObjective.Kind.OBJECTIVE),
        "tasks": "\n".join(o.text for o in objectives if o.kind == NetworkObjective.Kind.TASK),
    }
    form = NetworkForm(request.POST or None, instance=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_update(
                network=network,
                data=form.cleaned_data,
                acting_user=request.user,
                objectives=form.objective_lines(),
                tasks_=form.task_lines(),
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Network profile saved."))
            return redirect("network:detail", network_slug=network.slug)
    return render(request, "network/form.html", {"form": form, "network": network})


@permissions.network_required("request_to_join")
def join(request, network_slug):
    network = request.network
    taken = Membership.objects.filter(status__in=Membership.OPEN_STATUSES).values("organisation_id")
    organisations = Organisation.objects.filter(pk__in=permissions.admin_organisation_ids(request.user)).exclude(
        pk__in=taken
    )
    form = JoinRequestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(
                network=network,
                organisation=form.cleaned_data["organisation"],
                acting_user=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Your request was sent. The coordinators will answer by e-mail."))
            return redirect("network:detail", network_slug=network.slug)
    return render(request, "network/join.html", {"network": network, "form": form})


def _role_label(role):
    return Role(role).label if role else ""


@permissions.network_required("enter_workspace")
def workspace(request, network_slug):
    network = request.network
    members = list(selectors.network_workspace_members(network=network))
    mine = permissions.organisation_ids(request.user)
    return render(
        request,
        "network/workspace.html",
        {
            "network": network,
            "members": members,
            "my_memberships": [m for m in members if m.organisation_id in mine],
            "role": _role_label(permissions.network_role(request.user, network)),
        },
    )


@permissions.network_required("manage_members")
def manage_members(request, network_slug, invitation_form=None):
    network = request.network
    return render(
        request,
        "network/manage_members.html",
        {
            "network": network,
            "pending": selectors.pending_requests(network=network),
            "members": selectors.network_workspace_members(network=network),
            "invitations": selectors.open_invitations(network=network),
            "invitation_form": invitation_form or InvitationForm(),
            "decline_form": DeclineForm(),
            "role_choices": RoleForm.base_fields["role"].choices,
        },
    )


def _act_on_membership(request, membership_id, action, form_class=None, success=""):
    """POST-only membership actions; errors come back as messages on the page they were made from."""
    membership = _membership(request, membership_id)
    kwargs = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("network:manage_members", network_slug=request.network.slug)
        kwargs = form.cleaned_data
    try:
        action(membership=membership, acting_user=request.user, **kwargs)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, success % {"org": membership.organisation})
    return None


@require_POST
@permissions.network_required("manage_members")
def approve(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, services.membership_approve, RoleForm, _("%(org)s is now a member."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def decline(request, network_slug, membership_id):
    _act_on_membership(
        request, membership_id, services.membership_decline, DeclineForm, _("%(org)s's request was declined.")
    )
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def suspend(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, services.membership_suspend, SuspendForm, _("%(org)s is suspended."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def reinstate(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, services.membership_reinstate, None, _("%(org)s is active again."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def change_role(request, network_slug, membership_id):
    _act_on_membership(
        request, membership_id, services.membership_change_role, RoleForm, _("%(org)s's role was changed.")
    )
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("view_network")
def leave(request, network_slug, membership_id):
    membership = _membership(request, membership_id)
    permissions.ensure(request, "leave_membership", membership)
    _act_on_membership(request, membership_id, services.membership_leave, None, _("%(org)s has left the network."))
    if not permissions.can_view_network(request.user, request.network):
        return redirect("home")  # a private network's page is a 404 to those who just left it
    return redirect("network:detail", network_slug=network_slug)


@require_POST
@permissions.network_required("view_network")
def withdraw(request, network_slug, membership_id):
    membership = _membership(request, membership_id)
    permissions.ensure(request, "withdraw_membership", membership)
    _act_on_membership(
        request, membership_id, services.membership_withdraw, None, _("%(org)s's request was withdrawn.")
    )
    return redirect("network:detail", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def invite(request, network_slug):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(network=request.network, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("network:manage_members", network_slug=network_slug)
    return manage_members.__wrapped__(request, network_slug, invitation_form=form)


@require_POST
@permissions.network_required("manage_members")
def revoke_invitation(request, network_slug, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    try:
        services.invitation_revoke(invitation=invitation, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("Invitation withdrawn."))
    return redirect("network:manage_members", network_slug=network_slug)


def invitation(request, token):
    """The link in an invitation e-mail. It lives outside /networks/<slug>/ because the invitee is not a
    member yet (a private network would answer 404); the unguessable token is the permission to look."""
    with scopes_disabled():
        invitation = get_object_or_404(Invitation.objects.select_related("network", "invited_by"), token=token)
    network = invitation.network
    if not request.user.is_authenticated:
        return render(request, "network/invitation.html", {"invitation": invitation, "network": network})
    with scope(network=network):
        organisations = services.organisations_for_invitation(request.user)
        form = AcceptInvitationForm(
            request.POST or None, organisations=organisations, organisation_name=invitation.organisation_name
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.invitation_accept(
                    invitation=invitation,
                    acting_user=request.user,
                    organisation=form.cleaned_data["organisation"],
                    new_organisation=form.new_organisation.cleaned_data
                    if form.cleaned_data["organisation"] is None
                    else None,
                )
            except ValidationError as error:
                add_service_errors(request, form, error)
            else:
                messages.success(request, _("Welcome to %(network)s.") % {"network": network})
                return redirect("network:workspace", network_slug=network.slug)
        return render(request, "network/invitation.html", {"invitation": invitation, "network": network, "form": form})


# --- partnership agreements -------------------------------------------------------------------------


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
def agreement_list(request, network_slug):
    network = request.network
    agreements = list(selectors.agreements_for_user(network=network, user=request.user))
    return render(request, "network/agreements/list.html", {"network": network, "agreements": agreements})


@permissions.network_required("view_network")
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
        initial = {"areas": "\n".join(area.text for area in agreement.areas.all())}
        party_rows = [{"organisation": p.organisation_id, "role": p.role} for p in agreement.parties.all()]
        signatory_rows = [
            {"name": s.name, "title": s.title, "organisation": s.organisation_id} for s in agreement.signatories.all()
        ]
    # The ModelForm writes submitted values onto its instance: give it a copy, so the page keeps the
    # saved title if the service refuses the change.
    form = AgreementForm(data, instance=copy.copy(agreement), initial=initial)
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
                    network=network, data=form.cleaned_data, acting_user=request.user, **submitted
                )
            else:
                saved = services.agreement_update(
                    agreement=agreement, data=form.cleaned_data, acting_user=request.user, **submitted
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


# --- news ---------------------------------------------------------------------------------------------

NEWS_PER_PAGE = 20


@permissions.network_required("view_network")
def news_list(request, network_slug):
    network = request.network
    page = Paginator(selectors.news_for_user(network=network, user=request.user), NEWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "network/news/list.html", {"network": network, "page": page, "posts": page.object_list})


@permissions.network_required("view_network")
def news_detail(request, network_slug, post_id):
    network = request.network
    post = permissions.ensure_visible(
        request, "view_news_post", selectors.news_post_for_page(network=network, post_id=post_id)
    )
    agreement = post.agreement
    if agreement is not None and not permissions.can_view_agreement(request.user, agreement):
        agreement = None  # a public post about a members-only agreement does not reveal it
    return render(
        request,
        "network/news/detail.html",
        {"network": network, "post": post, "agreement": agreement, "share_url": absolute_url(request.path)},
    )


def _news_form(request, post):
    network = request.network
    agreements = selectors.agreement_choices(network=network)
    form = NewsPostForm(request.POST or None, instance=post, agreements=agreements)
    if request.method == "POST" and form.is_valid():
        try:
            if post is None:
                post = services.news_post_create(network=network, data=form.cleaned_data, acting_user=request.user)
            else:
                post = services.news_post_update(post=post, data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The news post is saved."))
            return redirect("network:news_post", network_slug=network.slug, post_id=post.pk)
    return render(request, "network/news/form.html", {"network": network, "post": post, "form": form})


@permissions.network_required("manage_news")
def news_create(request, network_slug):
    return _news_form(request, None)


@permissions.network_required("manage_news")
def news_edit(request, network_slug, post_id):
    post = permissions.ensure_visible(
        request, "view_news_post", selectors.news_post_for_page(network=request.network, post_id=post_id)
    )
    permissions.ensure(request, "edit_news_post", post)
    return _news_form(request, post)


@require_POST
@permissions.network_required("manage_news")
def news_delete(request, network_slug, post_id):
    post = permissions.ensure_visible(
        request, "view_news_post", selectors.news_post_for_page(network=request.network, post_id=post_id)
    )
    permissions.ensure(request, "edit_news_post", post)
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm that the post should be deleted."))
        return redirect("network:news_edit", network_slug=network_slug, post_id=post.pk)
    services.news_post_delete(post=post, acting_user=request.user)
    messages.success(request, _("The news post “%(title)s” was deleted.") % {"title": post.title})
    return redirect("network:news", network_slug=network_slug)
