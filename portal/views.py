"""The floor's own pages: a network colour's stylesheet, the component styleguide, the 403 page."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from portal import permissions, redirects, themes

YEAR = 365 * 24 * 3600


@require_safe
@cache_control(public=True, max_age=YEAR, immutable=True)
def theme(request, colour):
    """`/theme/v1/<colour>.css`: the address is the whole input, so it can be cached for ever."""
    return HttpResponse(themes.stylesheet(colour), content_type="text/css; charset=utf-8")


class StyleguideForm(forms.Form):
    """A form in each of its states, for the styleguide."""

    name = forms.CharField(label=_("Name of the organisation"), help_text=_("As it appears on its statutes."))
    email = forms.EmailField(label=_("E-mail address"))
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("ngo", _("NGO")), ("school", _("School"))], widget=forms.RadioSelect
    )
    public = forms.BooleanField(label=_("Show it on the public page"), required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


@require_safe
def styleguide(request):
    """Every shared component with its states (templates/components/, portal/templatetags/components.py).
    Staff, or anyone while DEBUG is on; everyone else gets the 404 of a page that does not exist."""
    if not permissions.check("see_styleguide", request.user):
        raise Http404  # not "not allowed": to everyone else the page does not exist
    if request.GET.get("flash"):
        messages.success(request, _("The changes are saved."))
    invalid = StyleguideForm(prefix="invalid", data={"invalid-name": "", "invalid-email": "not-an-address"})
    invalid.add_error(None, _("An organisation with this name is already in the network."))
    context = {
        "form": StyleguideForm(),
        "invalid_form": invalid,
        "rows": [
            {
                "time": "1 Dec 2026, 12:46",
                "who": "Anna Petrosyan",
                "action": _("Invitation sent"),
                "status": "requested",
            },
            {
                "time": "2 Dec 2026, 09:10",
                "who": "Tomasz Nowak",
                "action": _("Membership approved"),
                "status": "active",
            },
            {"time": "3 Dec 2026, 17:02", "who": "Eda Krasniqi", "action": _("Organisation left"), "status": "left"},
        ],
        "statuses": [
            ("active", _("Active")),
            ("requested", _("Requested")),
            ("suspended", _("Suspended")),
            ("left", _("Left")),
            ("member", _("Member")),
            ("private", _("members only")),
            ("draft", _("Draft")),
            ("unknown", _("something else")),
        ],
        "contrasts": [
            (colour, text, round(themes.contrast_ratio(colour, text), 1))
            for colour in ("#1f5f8b", "#2e7d32", "#ffeb3b", "#777777")
            for text in (themes.text_on(colour),)
        ],
    }
    return render(request, "styleguide.html", context)


@requires_csrf_token
def permission_denied(request, exception=None):
    """handler403: what was refused and why (permissions.Refused, or the generic reason), and a way back:
    the one the refusal names, else the page the person came from (when it is on this site), else the
    network's page, else the home page. Never a dead end."""
    reason = getattr(exception, "reason", "") or permissions.DEFAULT_REASON
    back_url = getattr(exception, "back_url", "")
    back_label = getattr(exception, "back_label", "")
    if not back_url:
        referer = redirects.safe_next(request, request.headers.get("referer", ""))
        network = getattr(request, "network", None)
        if referer and referer != request.build_absolute_uri():
            back_url, back_label = referer, _("Back")
        elif network is not None and hasattr(network, "get_absolute_url"):
            back_url, back_label = network.get_absolute_url(), _("Back to %(name)s") % {"name": network}
    context = {
        "title": getattr(exception, "title", "") or _("Not allowed"),
        "reason": reason,
        "back_url": back_url,
        "back_label": back_label,
    }
    return render(request, "403.html", context, status=403)
