from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from members.forms import OrganisationForm
from network.models import Network, Role


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class NetworkForm(forms.ModelForm):
    """The network profile; objectives and tasks are edited as one line each."""

    objectives = forms.CharField(
        label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, in order."),
    )  # fmt: skip
    tasks = forms.CharField(
        label=_("Tasks"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, in order."),
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=settings.LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Network
        fields = [
            "name", "acronym", "countries", "description", "founding_statement", "founded_on", "founded_in",
            "visibility", "show_members", "colour", "languages",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "founding_statement": forms.Textarea(attrs={"rows": 6}),
            "founded_on": forms.DateInput(attrs={"type": "date"}),
            "colour": forms.TextInput(attrs={"type": "color"}),
        }

    def objective_lines(self):
        return _lines(self.cleaned_data.get("objectives", ""))

    def task_lines(self):
        return _lines(self.cleaned_data.get("tasks", ""))


class FoundingOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Founding organisation (becomes coordinator)"), queryset=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class JoinRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    message = forms.CharField(
        label=_("Message to the coordinators"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are and why you want to join."),
    )  # fmt: skip

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SuspendForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"))
    organisation_name = forms.CharField(label=_("Their organisation"), required=False, max_length=255)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    message = forms.CharField(label=_("Personal message"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AcceptInvitationForm(forms.Form):
    """Accept for an organisation the person administers, or describe a new one."""

    organisation = forms.ModelChoiceField(
        label=_("Join as"), queryset=None, required=False, empty_label=_("A new organisation (describe it below)")
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.new_organisation = OrganisationForm(*args, prefix="new", **kwargs)
        if organisations.exists():
            self.fields["organisation"].initial = organisations.first()

    def is_valid(self):
        valid = super().is_valid()
        if valid and self.cleaned_data["organisation"] is None:
            valid = self.new_organisation.is_valid()
        return valid
