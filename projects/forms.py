"""Forms for a project's facts and for each kind of row. They validate input; projects.services writes.

Each form's `Meta.fields` are the fields its service declares (PROJECT_FIELDS, ITEMS[kind].fields), so
a field added to one is on the other.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from network.models import Role
from network.permissions import has_role
from portal.forms import AutocompleteSelect, DateInput
from portal.texts import MultilingualFormMixin
from projects.currencies import currency_choices
from projects.models import (
    Activity,
    ActivityEntry,
    Component,
    FundingLink,
    Indicator,
    IndicatorValue,
    Need,
    Objective,
    Project,
    ProjectPartner,
    Result,
    Site,
    TargetGroup,
)
from projects.permissions import visible_projects
from projects.selectors import network_organisations
from projects.services.items import ITEMS
from projects.services.projects import PROJECT_FIELDS


class CurrencyField(forms.ChoiceField):
    """A choice of ISO 4217 currencies, by code and name in the reader's language. A code sent in lower
    case ("eur", by a script) counts as the code."""

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class ProjectForm(MultilingualFormMixin, forms.ModelForm):
    """A project's facts. The currency is chosen from the active ISO 4217 currencies (and the project's
    own, if it was withdrawn since). Title and summary show a box per language of the network and of
    the project, the project's first."""

    budget_currency = CurrencyField(label=_("Currency"), required=False, widget=AutocompleteSelect)

    def __init__(self, *args, network=None, **kwargs):
        self.network = network
        if network is not None and network.languages and not getattr(kwargs.get("instance"), "pk", None):
            kwargs["initial"] = {"language": network.languages[0], **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        choices = currency_choices(keep=self.instance.budget_currency)
        self.fields["budget_currency"].choices = [("", "---------")] + [
            (code, f"{code} – {name}") for code, name in choices
        ]

    def text_network(self):
        return self.network or super().text_network()

    class Meta:
        model = Project
        fields = PROJECT_FIELDS
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "budget_amount": forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        }


class ItemForm(MultilingualFormMixin, forms.ModelForm):
    """A row of a project. The view builds it around an unsaved row that already knows its project and
    parent, so the model's own checks (a value's period, say) run while the form validates. Its texts are
    in the project's language, with a box for each other language of the network."""

    def __init__(self, *args, project, **kwargs):
        self.project = project
        super().__init__(*args, **kwargs)

    def text_network(self):
        return self.project.network

    def record_language(self):
        return self.project.language


class PartnerForm(ItemForm):
    """Partners are named in words: an organisation Partnera knows is found by name or acronym; a new one
    is added (kind and country describe it then)."""

    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=255,
        widget=forms.TextInput(attrs={"list": "organisation-names", "autocomplete": "off"}),
        help_text=_("Its full name or acronym. An organisation not yet on Partnera is added."),
    )  # fmt: skip
    organisation_kind = forms.ChoiceField(
        label=_("Kind (if new)"), choices=Organisation.Kind.choices, initial=Organisation.Kind.NGO
    )
    organisation_country = Organisation._meta.get_field("country").formfield(
        label=_("Country (if new)"), required=False
    )

    field_order = ["organisation_name", "role", "note", "organisation_kind", "organisation_country"]

    class Meta:
        model = ProjectPartner
        fields = ITEMS["partner"].fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.organisation_id:  # editing a partner
            self.initial.setdefault("organisation_name", self.instance.organisation.name)
            del self.fields["organisation_kind"], self.fields["organisation_country"]

    def clean(self):
        cleaned = super().clean()
        cleaned["organisation_details"] = {
            "kind": cleaned.pop("organisation_kind", Organisation.Kind.NGO),
            "country": cleaned.pop("organisation_country", ""),
        }
        return cleaned

    def _post_clean(self):
        # The organisation is resolved by the service; validating the half-built row here would only
        # complain that it has none.
        pass


class FundingLinkForm(ItemForm):
    class Meta:
        model = FundingLink
        fields = ITEMS["funding"].fields


class ObjectiveForm(ItemForm):
    class Meta:
        model = Objective
        fields = ITEMS["objective"].fields


class ComponentForm(ItemForm):
    class Meta:
        model = Component
        fields = ITEMS["component"].fields


class ActivityForm(ItemForm):
    """A new activity may carry the number it has in the project's documents; it is checked, not chosen.
    Editing one offers its component instead, to move it there (it is then numbered last)."""

    code = forms.CharField(
        label=_("Number"), required=False, max_length=20,
        help_text=_("Optional: the number in your documents, e.g. 1.3. Leave empty to number it next."),
    )  # fmt: skip
    # Declared without rows: the class is built outside any network scope; __init__ fills it in.
    component = forms.ModelChoiceField(label=_("Component"), queryset=None, empty_label=None)

    class Meta:
        model = Activity
        fields = ("component", *ITEMS["activity"].fields)  # its component: where an edit moves it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["code"]
            self.fields["component"].queryset = Component.objects.filter(project=self.project)
            self.fields["component"].label_from_instance = lambda c: f"{c.position}. {c.title}"
        else:
            del self.fields["component"]
        self.order_fields(["code"])


class ResultForm(ItemForm):
    class Meta:
        model = Result
        fields = ITEMS["result"].fields


class IndicatorForm(ItemForm):
    class Meta:
        model = Indicator
        fields = ITEMS["indicator"].fields


class IndicatorValueForm(ItemForm):
    class Meta:
        model = IndicatorValue
        fields = ITEMS["value"].fields
        widgets = {"period_start": DateInput(), "period_end": DateInput()}


class NeedForm(ItemForm):
    class Meta:
        model = Need
        fields = ITEMS["need"].fields


class TargetGroupForm(ItemForm):
    class Meta:
        model = TargetGroup
        fields = ITEMS["target_group"].fields


class SiteForm(ItemForm):
    class Meta:
        model = Site
        fields = ITEMS["site"].fields


ITEM_FORMS = {
    "partner": PartnerForm,
    "funding": FundingLinkForm,
    "objective": ObjectiveForm,
    "component": ComponentForm,
    "activity": ActivityForm,
    "result": ResultForm,
    "indicator": IndicatorForm,
    "value": IndicatorValueForm,
    "need": NeedForm,
    "target_group": TargetGroupForm,
    "site": SiteForm,
}


# --- the activity log -----------------------------------------------------------------------------

DELETED = "deleted"  # the status filter's extra choice, for coordinators: the deleted entries


class EntryFilterForm(forms.Form):
    """The activity log's search and filters (GET), shared by the list, the calendar, the exports and the
    API. Parameters: project (its address), activity (a planned activity's id of that project; may
    repeat), kind, status, organisation (id), from, to (ISO dates), q. A forged or stale value makes the
    form invalid and filters() empty, so the whole list shows with the field's message."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100, widget=forms.SearchInput)
    project = forms.ModelChoiceField(
        label=_("Project"), required=False, queryset=Project.objects.none(), to_field_name="slug",
        empty_label=_("All projects"),
    )  # fmt: skip
    activity = forms.ModelMultipleChoiceField(
        label=_("Planned activity"), required=False, queryset=Activity.objects.none()
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none(),
        empty_label=_("All organisations"),
    )  # fmt: skip
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)

    # URL parameter → field, where they differ ("from" is a Python keyword).
    PARAMETERS = {"from": "date_from", "to": "date_to"}

    def __init__(self, data=None, *, network, user, **kwargs):
        if data is not None:
            data = data.copy()
            for parameter, name in self.PARAMETERS.items():
                if parameter in data:
                    data[name] = data[parameter]
        kwargs.setdefault("auto_id", "id_filter_%s")
        super().__init__(data, **kwargs)
        self.network = network
        self.coordinator = has_role(user, network, Role.COORDINATOR)
        self.fields["project"].queryset = visible_projects(user, network).order_by("slug")
        self.fields["organisation"].queryset = network_organisations(network=network).order_by("name", "pk")
        self.fields["kind"].choices = [("", _("All kinds")), *ActivityEntry.Kind.choices]
        statuses = [("", _("All statuses")), *ActivityEntry.Status.choices]
        if self.coordinator:
            statuses.append((DELETED, _("Deleted")))
        self.fields["status"].choices = statuses
        project = self._chosen_project()
        self.fields["activity"].queryset = (
            Activity.objects.filter(network=network, project=project).order_by("position", "pk")
            if project
            else Activity.objects.none()
        )

    def _chosen_project(self):
        slug = self.data.get("project") if self.is_bound else None
        if not slug:
            return None
        return self.fields["project"].queryset.filter(slug=slug).first()

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period comes before its start."))
        return data

    def filters(self):
        """Keyword arguments for projects.selectors.filter_entries."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data["q"].strip(),
            "project": data["project"],
            "activities": list(data["activity"]),
            "kind": data["kind"],
            "status": data["status"],
            "organisation": data["organisation"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
        }

    @property
    def filtered(self):
        return any(self.filters().values())


# --- the activity log's import ----------------------------------------------------------------------------


class EntryImportForm(forms.Form):
    """The file to import and, for people working for several organisations, which one logs the entries."""

    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("The first row names the columns, as in the template or an export."),
    )
    organisation = forms.ModelChoiceField(label=_("Logged by"), queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        only = list(organisations[:2])
        if len(only) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = only[0].pk
