from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from members.forms import OrganisationForm
from network.models import Network, NewsPost, PartnershipAgreement, Role


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

    def __init__(self, *args, organisations, organisation_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        # The coordinator usually typed the organisation's name when inviting: start from it.
        self.new_organisation = OrganisationForm(*args, prefix="new", initial={"name": organisation_name}, **kwargs)
        if organisations.exists():
            self.fields["organisation"].initial = organisations.first()

    def is_valid(self):
        valid = super().is_valid()
        if valid and self.cleaned_data["organisation"] is None:
            valid = self.new_organisation.is_valid()
        return valid


# --- partnership agreements and news ----------------------------------------------------------------

# Offered next to the roles already used in the network; the field is free text.
PARTY_ROLE_SUGGESTIONS = (
    _("Leader of the Partnership"),
    _("Leading Partner"),
    _("Business Partner"),
    _("Partner"),
    _("Associated Partner"),
)


def _date_input():
    # type=date needs ISO dates whatever the language, or the browser shows an empty field.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(forms.ModelForm):
    """The agreement itself. The model's clean() puts a date in the wrong order on `valid_until`."""

    areas = forms.CharField(
        label=_("Areas of cooperation"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One per line, in order; they are numbered 1, 2, 3…"),
    )  # fmt: skip

    class Meta:
        model = PartnershipAgreement
        fields = [
            "title", "purpose", "framework", "signed_on", "signed_in", "valid_from", "valid_until", "visibility",
        ]  # fmt: skip
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "framework": forms.Textarea(attrs={"rows": 2}),
            "signed_on": _date_input(),
            "valid_from": _date_input(),
            "valid_until": _date_input(),
        }

    def area_lines(self):
        return _lines(self.cleaned_data.get("areas", ""))


class _OrganisationChoiceMixin:
    """Organisations are offered from one list loaded once for the whole formset, not one query a row."""

    def _set_organisations(self, organisations, required):
        self._organisations = organisations
        field = self.fields["organisation"]
        field.choices = [("", "---------")] + [(str(pk), str(org)) for pk, org in organisations.items()]
        field.required = required

    def clean_organisation(self):
        value = self.cleaned_data.get("organisation")
        return self._organisations[int(value)] if value else None


class AgreementPartyForm(_OrganisationChoiceMixin, forms.Form):
    organisation = forms.ChoiceField(label=_("Organisation"))
    role = forms.CharField(
        label=_("Role in the agreement"), max_length=120, required=False,
        widget=forms.TextInput(attrs={"list": "party-role-suggestions"}),
    )  # fmt: skip

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_organisations(organisations, required=True)


class AgreementSignatoryForm(_OrganisationChoiceMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Title or function"), max_length=255, required=False)
    organisation = forms.ChoiceField(label=_("Signed for"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_organisations(organisations, required=False)


class _RowFormSet(forms.BaseFormSet):
    def _construct_form(self, i, **kwargs):
        # A row left or made blank is skipped, not an error: without JavaScript, that is how a row goes.
        return super()._construct_form(i, **{**kwargs, "empty_permitted": True})

    def rows(self):
        """The filled-in rows, in order, without the ones marked for removal."""
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


AgreementPartyFormSet = forms.formset_factory(
    AgreementPartyForm, formset=_RowFormSet, extra=3, can_delete=True, max_num=50
)
AgreementSignatoryFormSet = forms.formset_factory(
    AgreementSignatoryForm, formset=_RowFormSet, extra=3, can_delete=True, max_num=50
)


class NewsPostForm(forms.ModelForm):
    # Declared, not derived from the model: the derived field would query the scoped manager at import.
    agreement = forms.ModelChoiceField(label=_("About the agreement"), queryset=None, required=False)

    class Meta:
        model = NewsPost
        fields = ["title", "published_on", "body", "visibility", "agreement", "link_path", "link_label"]
        widgets = {"published_on": _date_input(), "body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"body": _("Plain text. Leave an empty line between paragraphs.")}

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements
        self.fields["agreement"].empty_label = _("None")


class AuditLogFilterForm(forms.Form):
    """The audit log's filters (GET): choices are the actions and kinds of object present in the log."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    type = forms.TypedChoiceField(label=_("Kind of object"), required=False, coerce=int, empty_value=None)
    q = forms.CharField(label=_("Object contains"), required=False, max_length=100)

    def __init__(self, *args, actions, types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *actions]
        self.fields["type"].choices = [("", _("All kinds")), *types]
