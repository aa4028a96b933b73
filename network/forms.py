from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from members.forms import OrganisationForm
from network.models import Membership, Network, NewsPost, PartnershipAgreement, Role
from network.services.agreements import AGREEMENT_FIELDS
from network.services.networks import NETWORK_FIELDS
from network.services.news import NEWS_FIELDS
from portal.forms import AutocompleteSelect, DateInput, EmailField, preselect_only_choice
from portal.texts import (
    HUMAN,
    ORIGINAL,
    MultilingualFormMixin,
    MultilingualText,
    MultilingualTextFormField,
    MultilingualTextWidget,
    language_name,
)

# In a translation's list, a line that only says this leaves its row untranslated.
UNTRANSLATED = "-"


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class MultilingualLinesField(MultilingualTextFormField):
    """An ordered list of texts (objectives, tasks, areas of cooperation) in the record's languages: one
    box per language, side by side, as for any multilingual text, and line N of each box is row N in
    that language. A translation's box is empty (no translation) or has one line per row, in the same
    order; a line of only “-” leaves that row untranslated. A different number of lines is refused with
    the counts, rather than guessing which row a line belongs to. Plain textareas: no JavaScript."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultilingualTextWidget(attrs={"rows": 5}, multiline=True))
        super().__init__(**kwargs)

    @staticmethod
    def initial_from(rows):
        """The boxes' value for stored rows (each with a MultilingualText `text`)."""
        texts = [row.text for row in rows]
        if not texts:
            return MultilingualText()
        language = texts[0].original_language
        versions = {language: {"text": "\n".join(t.original for t in texts), "source": ORIGINAL}}
        for code in dict.fromkeys(code for t in texts for code in t.languages if code != language):
            source = next((t.source(code) for t in texts if t.text(code)), HUMAN)
            versions[code] = {"text": "\n".join(t.text(code) or UNTRANSLATED for t in texts), "source": source}
        return MultilingualText.from_json(versions)

    def validate(self, value):
        super().validate(value)
        count = len(_lines(value.original))
        errors = []
        for code in value.languages:
            if code == value.original_language or not value.text(code):
                continue
            lines = len(_lines(value.text(code)))
            if lines != count:
                errors.append(
                    _t(
                        "The %(language)s list has %(lines)d lines, the original (%(original)s) has %(count)d: "
                        "give one line per row, in the same order (a line of only “-” leaves a row untranslated)."
                    )
                    % {
                        "language": language_name(code),
                        "lines": lines,
                        "original": language_name(value.original_language),
                        "count": count,
                    }
                )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def rows(value):
        """The rows the boxes hold: [{code: {"text", "source"}}], the original's order."""
        language = value.original_language
        originals = _lines(value.original)
        rows = [{language: {"text": text, "source": ORIGINAL}} for text in originals]
        for code in value.languages:
            if code == language or not value.text(code):
                continue
            for row, text in zip(rows, _lines(value.text(code)), strict=False):
                if text != UNTRANSLATED:
                    row[code] = {"text": text, "source": value.source(code)}
        return rows


class _LanguageOptionalMixin:
    """The record's language may be left out of a post (a page or client that does not send it): the
    record keeps its language, or a new one takes the form's initial one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.record_language()


class _ServiceFieldsMixin:
    """A ModelForm whose `Meta.fields` are the fields its service declares (NETWORK_FIELDS, …), so a
    field added to one is on the other. Its other fields (objectives, tasks, areas) are rows the
    service takes as separate arguments, so they are not part of the service's `data`."""

    def service_data(self):
        """The cleaned values of `Meta.fields`: the service's `data`, which refuses any other key."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class NetworkForm(_ServiceFieldsMixin, _LanguageOptionalMixin, MultilingualFormMixin, forms.ModelForm):
    """The network profile. Description, founding statement, objectives and tasks have a box per
    language of the network, the network's own language first; objectives and tasks one line each."""

    objectives = MultilingualLinesField(label=_("Objectives"), help_text=_("One per line, in order."))
    tasks = MultilingualLinesField(label=_("Tasks"), help_text=_("One per line, in order."))
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=settings.LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Network
        fields = NETWORK_FIELDS  # the address (slug) is made when founding, and never typed
        widgets = {
            "founded_on": DateInput(),
            "colour": forms.TextInput(attrs={"type": "color"}),
        }

    # Editing only (founding has no logo yet). Plain file fields: portal.uploads, called by network_update,
    # checks the file; a ModelForm's ImageField would refuse a PNG by its name and keep its metadata.
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_(
            "A PNG, JPEG or WebP image of up to %(size)s, shown at the top of the network's pages. "
            "It is stored as a PNG or WebP image of at most 512 pixels a side."
        ),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["logo"], self.fields["remove_logo"]
            return
        self.fields["logo"].help_text = self.fields["logo"].help_text % {
            "size": filesizeformat(settings.UPLOAD_LOGO_MAX_BYTES)
        }
        if not self.instance.logo:
            del self.fields["remove_logo"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and cleaned.get("remove_logo"):
            self.add_error("logo", _("Upload a new logo or remove the logo, not both."))
        return cleaned

    def logo_changes(self):
        """network_update's `logo` and `remove_logo`."""
        return {"logo": self.cleaned_data.get("logo"), "remove_logo": bool(self.cleaned_data.get("remove_logo"))}

    def text_network(self):
        return self.instance  # the network is the record

    def objective_lines(self):
        return MultilingualLinesField.rows(self.cleaned_data["objectives"])

    def task_lines(self):
        return MultilingualLinesField.rows(self.cleaned_data["tasks"])


class FoundingOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Founding organisation (becomes coordinator)"), queryset=None, widget=AutocompleteSelect
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        preselect_only_choice(self.fields["organisation"])


class JoinRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, widget=AutocompleteSelect)
    message = forms.CharField(
        label=_("Message to the coordinators"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are and why you want to join."),
    )  # fmt: skip

    def __init__(self, *args, organisations, preselect=None, **kwargs):
        """`preselect`: the organisation to start from (the one just added on the way here); with a single
        organisation to choose from, that one, and no empty choice."""
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        self.has_choices = preselect_only_choice(field, prefer=preselect)


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SuspendForm(forms.Form):
    """Suspend or remove: the confirm step asks why (kept on the membership and in the audit log)."""

    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why, for the organisation and for the audit log.")},
    )  # fmt: skip


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class InvitationForm(forms.Form):
    email = EmailField(label=_("E-mail address of the person to invite"))
    organisation_name = forms.CharField(label=_("Their organisation"), required=False, max_length=255)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    message = forms.CharField(label=_("Personal message"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AcceptInvitationForm(forms.Form):
    """Accept for an organisation the person administers, or describe a new one."""

    organisation = forms.ModelChoiceField(
        label=_("Join as"), queryset=None, required=False, empty_label=_("A new organisation (describe it below)"),
        widget=AutocompleteSelect(attrs={"data-autocomplete-empty-choice": ""}),
    )  # fmt: skip

    def __init__(self, *args, organisations, organisation_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        # The coordinator usually typed the organisation's name when inviting: start from it.
        self.new_organisation = OrganisationForm(*args, prefix="new", initial={"name": organisation_name}, **kwargs)
        # The empty choice stays (it means "a new organisation"), but one the person administers is likelier.
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


class _NetworkContentForm(_ServiceFieldsMixin, _LanguageOptionalMixin, MultilingualFormMixin, forms.ModelForm):
    """An agreement's or a news post's form: its texts have a box per language of the network, and a
    new one starts in the network's first language."""

    def __init__(self, *args, network=None, **kwargs):
        self.network = network
        if network is not None and not getattr(kwargs.get("instance"), "pk", None):
            kwargs["initial"] = {"language": network.first_language, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def text_network(self):
        return self.network or super().text_network()


class AgreementForm(_NetworkContentForm):
    """The agreement itself. The model's clean() puts a date in the wrong order on `valid_until`."""

    areas = MultilingualLinesField(
        label=_("Areas of cooperation"), help_text=_("One per line, in order; they are numbered 1, 2, 3…"),
        widget=MultilingualTextWidget(attrs={"rows": 8}, multiline=True),
    )  # fmt: skip

    class Meta:
        model = PartnershipAgreement
        fields = AGREEMENT_FIELDS
        widgets = {
            "signed_on": DateInput(),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
        }

    def area_lines(self):
        return MultilingualLinesField.rows(self.cleaned_data["areas"])


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
    organisation = forms.ChoiceField(label=_("Organisation"), widget=AutocompleteSelect)
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
    organisation = forms.ChoiceField(label=_("Signed for"), widget=AutocompleteSelect)

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


class NewsPostForm(_NetworkContentForm):
    # Declared, not derived from the model: the derived field would query the scoped manager at import.
    agreement = forms.ModelChoiceField(label=_("About the agreement"), queryset=None, required=False)

    class Meta:
        model = NewsPost
        fields = NEWS_FIELDS
        widgets = {"published_on": DateInput()}
        help_texts = {"body": _("Plain text. Leave an empty line between paragraphs.")}

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements
        self.fields["agreement"].empty_label = _("None")


class MemberFilterForm(forms.Form):
    """A member list's search and filters (GET). A forged or stale value shows the whole list
    (filters() is then empty), as the audit log does; `statuses=False` drops the status filter, for
    lists of active members only."""

    q = forms.CharField(label=_("Organisation"), required=False, max_length=100, widget=forms.SearchInput)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices])
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Active and suspended")),
            (Membership.Status.ACTIVE, Membership.Status.ACTIVE.label),
            (Membership.Status.SUSPENDED, Membership.Status.SUSPENDED.label),
        ],
    )

    def __init__(self, *args, statuses=True, **kwargs):
        # Its own ids: manage members also holds the invitation form, whose role field is id_role too.
        kwargs.setdefault("auto_id", "id_filter_%s")
        super().__init__(*args, **kwargs)
        if not statuses:
            del self.fields["status"]

    def filters(self):
        """Keyword arguments for the member selectors: search, role (and status)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        filters = {"search": data["q"].strip(), "role": data["role"]}
        if "status" in self.fields:
            filters["status"] = data["status"]
        return filters

    @property
    def filtered(self):
        return any(self.filters().values())


class AuditLogFilterForm(forms.Form):
    """The audit log's filters (GET): choices are the actions and kinds of object present in the log."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    type = forms.TypedChoiceField(label=_("Kind of object"), required=False, coerce=int, empty_value=None)
    q = forms.CharField(label=_("Object contains"), required=False, max_length=100)

    def __init__(self, *args, actions, types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *actions]
        self.fields["type"].choices = [("", _("All kinds")), *types]
