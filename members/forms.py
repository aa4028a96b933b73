from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, User
from members.services import ACCOUNT_FIELDS, ORGANISATION_FIELDS
from portal.forms import AutocompleteSelect, EmailField


class SignupForm(forms.Form):
    """allauth calls `signup()` after creating the user; we only add the person's name."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])


class AccountForm(forms.Form):
    """The account page's name: the fields members.services.account_update writes (ACCOUNT_FIELDS)."""

    full_name = User._meta.get_field("full_name").formfield(
        label=_("Full name"), required=True,
        help_text=_("As the people you work with know you: they see it on Partnera."),
    )  # fmt: skip

    def __init__(self, *args, account, **kwargs):
        super().__init__(*args, initial={name: getattr(account, name) for name in ACCOUNT_FIELDS}, **kwargs)


def language_choices():
    """The offered languages, each named in itself ("Polski"), as the switch in templates/base.html names them."""
    return [(code, translation.get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class LanguageSelect(forms.Select):
    """Each option names its language in itself and says so (`lang`), as the header's switch does."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class LanguageForm(forms.Form):
    """The language switch (members.views.set_language): one of settings.LANGUAGES, exactly."""

    language = forms.ChoiceField(label=_("Language"), choices=language_choices, widget=LanguageSelect)


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS  # what the services write, so the two cannot drift apart
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "country": AutocompleteSelect}


class ColleagueInviteForm(forms.Form):
    email = EmailField(label=_("Colleague's e-mail address"))
