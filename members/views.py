"""Organisation profiles and their people."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members import selectors, services
from members.account_forms import ChangePasswordForm
from members.accounts import remember_invited_address
from members.forms import AccountForm, ColleagueInviteForm, LanguageForm, OrganisationForm
from members.models import Affiliation, ColleagueInvitation, Organisation
from portal import languages, pagecache, permissions, redirects
from portal.forms import add_service_errors


def account(request):
    """The person's own page: their name, and their password (the form posts to allauth's password
    change, which comes back here); the e-mail address has allauth's page, a tab away."""
    permissions.ensure(request, "edit_account", request.user)
    form = AccountForm(request.POST or None, account=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_update(account=request.user, data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Your name is saved."))
            return redirect("members:account")
    password_form = ChangePasswordForm(user=request.user)
    language_form = LanguageForm(
        initial={"language": languages.profile_language(request.user) or request.LANGUAGE_CODE}
    )
    return render(
        request,
        "account/account.html",
        {"form": form, "password_form": password_form, "language_form": language_form},
    )


def set_language(request):
    """The language switch (templates/base.html, the account page's Language card), in place of Django's
    `set_language` under the same name and address. A POST with one of settings.LANGUAGES keeps it in the
    session and the language cookie, and on the profile of a signed-in person (their e-mails follow it);
    a language not offered changes nothing and says so. Then back to `next` (or the page it came from)
    when that stays on this site, else the home page. A GET changes nothing."""
    permissions.ensure(request, "choose_language")
    back = redirects.next_url(request) or redirects.safe_next(request, request.headers.get("referer", "")) or "/"
    response = HttpResponseRedirect(back)  # not shortcuts.redirect, which would look `next` up as a view name
    if request.method != "POST":
        return response
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That is not one of the languages Partnera offers. Choose one from the list."))
        return response
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.account_set_language(account=request.user, language=language, acting_user=request.user)
    languages.remember(request, response, language)
    return response


def organisation_create(request):
    """Add an organisation; the person becomes its admin. With a safe `next` (the join page of the network
    the person came from, or the sign-up's "Sign up your organisation"), they go on there afterwards, the new
    organisation named in `organisation=` so the next form can start from it."""
    permissions.ensure(request, "create_organisation")
    next_url = redirects.next_url(request)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("%(org)s is on Partnera. You are its admin.") % {"org": organisation})
            if next_url:
                return redirect(_with_query(next_url, organisation=organisation.pk))
            return redirect("members:organisation", pk=organisation.pk)
    return render(request, "members/organisation_form.html", {"form": form, "next": next_url})


def _with_query(url, **params):
    """`url` with `params` added to its query string (kept as they are when already there)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    for key, value in params.items():
        query.setdefault(key, str(value))
    return urlunsplit(parts._replace(query=urlencode(query)))


@pagecache.keep(pagecache.all_pages)  # it lists the networks the organisation belongs to
def organisation_detail(request, pk):
    """A public profile: who the organisation is and which public networks it belongs to."""
    organisation = get_object_or_404(Organisation, pk=pk)
    return render(request, "members/organisation_detail.html", {"organisation": organisation})


def organisation_edit(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    permissions.ensure(request, "manage_organisation", organisation)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("members:organisation", pk=organisation.pk)
    return render(request, "members/organisation_form.html", {"form": form, "organisation": organisation})


def organisation_people(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    permissions.ensure(request, "manage_organisation", organisation)
    form = ColleagueInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.colleague_invite(
                organisation=organisation, email=form.cleaned_data["email"], acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
            return redirect("members:people", pk=organisation.pk)
    return render(
        request,
        "members/people.html",
        {
            "organisation": organisation,
            "people": selectors.organisation_people(organisation=organisation),
            "invitations": selectors.organisation_open_invitations(organisation=organisation),
            "form": form,
        },
    )


@require_POST
def affiliation_remove(request, pk, affiliation_id):
    organisation = get_object_or_404(Organisation, pk=pk)
    permissions.ensure(request, "manage_organisation", organisation)
    affiliation = get_object_or_404(
        Affiliation.objects.select_related("user"), pk=affiliation_id, organisation=organisation
    )
    try:
        services.affiliation_remove(affiliation=affiliation, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("%(person)s was removed.") % {"person": affiliation.user})
    return redirect("members:people", pk=organisation.pk)


@require_POST
def affiliation_admin(request, pk, affiliation_id):
    organisation = get_object_or_404(Organisation, pk=pk)
    permissions.ensure(request, "manage_organisation", organisation)
    affiliation = get_object_or_404(Affiliation, pk=affiliation_id, organisation=organisation)
    try:
        services.affiliation_set_admin(
            affiliation=affiliation, is_admin=request.POST.get("is_admin") == "1", acting_user=request.user
        )
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("Saved."))
    return redirect("members:people", pk=organisation.pk)


@require_POST
def colleague_invitation_revoke(request, pk, invitation_id):
    organisation = get_object_or_404(Organisation, pk=pk)
    permissions.ensure(request, "manage_organisation", organisation)
    invitation = get_object_or_404(ColleagueInvitation, pk=invitation_id, organisation=organisation)
    try:
        services.colleague_invitation_revoke(invitation=invitation, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    return redirect("members:people", pk=organisation.pk)


def colleague_invitation(request, token):
    """The link in a colleague invitation; the unguessable token is the permission to look."""
    invitation = get_object_or_404(ColleagueInvitation.objects.select_related("organisation"), token=token)
    if not request.user.is_authenticated and invitation.is_open:
        remember_invited_address(request, invitation.email)  # a sign-up from here needs no second mail
    if request.method == "POST":
        permissions.ensure(request, "create_organisation")  # i.e. signed in
        try:
            services.colleague_invitation_accept(invitation=invitation, token=token, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, None, error)
        else:
            messages.success(request, _("You now work for %(org)s on Partnera.") % {"org": invitation.organisation})
            return redirect("members:organisation", pk=invitation.organisation_id)
    return render(request, "members/colleague_invitation.html", {"invitation": invitation})
