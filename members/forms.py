from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from members.services import ORGANISATION_FIELDS
from portal.forms import EmailField


class SignupForm(forms.Form):
    """allauth calls `signup()` after creating the user; we only add the person's name."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS  # what the services write, so the two cannot drift apart
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ColleagueInviteForm(forms.Form):
    email = EmailField(label=_("Colleague's e-mail address"))
