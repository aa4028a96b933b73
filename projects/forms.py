"""Forms for a project's facts and for each kind of row. They validate input; projects.services writes.

Each form's `Meta.fields` are the fields its service declares (PROJECT_FIELDS, ITEMS[kind].fields), so
a field added to one is on the other.
"""

import functools

from django import forms
from django.conf import settings
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Membership, Role
from network.permissions import has_role
from portal import uploads
from portal.forms import AutocompleteSelect, DateInput, EmailField, LongSelect, MultipleFileField, preselect_only_choice
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
from projects.services.entries import ENTRY_FIELDS
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
    """An indicator, typed in or computed from the activity log. For a computed one: what is counted, of
    which kind of entries, for which of this project's planned activities, and which participants. The
    rules are the model's and the service's (projects.services.items._prepare_indicator); the choices
    offered here keep to this project's activities."""

    # Declared without rows: the class is built outside any network scope; __init__ fills it in.
    activities = forms.ModelMultipleChoiceField(
        label=_("Planned activities"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=Indicator._meta.get_field("activities").help_text,
    )  # fmt: skip

    class Meta:
        model = Indicator
        fields = ITEMS["indicator"].fields
        widgets = {"source": forms.RadioSelect, "measure": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = Activity.objects.filter(project=self.project).order_by(
            "component__position", "position"
        )
        self.fields["activities"].label_from_instance = lambda a: f"{a.code} {a.title}"
        self.fields["entry_kind"].choices = [("", _("Any kind")), *ActivityEntry.Kind.choices]
        self.fields["measure"].choices = Indicator.Measure.choices  # no empty radio button
        self.fields["measure"].help_text = _("For an indicator computed from the activity log.")


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


def _project_choices(projects):
    """(slug, name) of `projects`, named as Project.__str__ names one, in one query of three columns."""
    return [
        (slug, f"{acronym}: {title}" if acronym else str(title))
        for slug, acronym, title in projects.values_list("slug", "acronym", "title")
    ]


class DashboardPeriodForm(forms.Form):
    """A dashboard's period (GET `from`, `to`: ISO dates, either may be empty for open). A period that ends
    before it starts, or a date that is not one, makes the form invalid: the page says why and shows the
    figures of no period (the whole project)."""

    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)

    PARAMETERS = {"from": "date_from", "to": "date_to"}  # "from" is a Python keyword

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("auto_id", "id_period_%s")
        super().__init__(data, **kwargs)

    def add_prefix(self, field_name):
        """The fields are sent as `from` and `to`, the activity log's names for the same dates."""
        return {name: parameter for parameter, name in self.PARAMETERS.items()}.get(field_name, field_name)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The period cannot end before it starts."))
        return cleaned

    def period(self):
        """(start, end) of a valid form, else (None, None): the whole project."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data["date_from"], self.cleaned_data["date_to"]


class EntryFilterForm(forms.Form):
    """The activity log's search and filters (GET), shared by the list, the calendar, the exports and the
    API. Parameters: project (its address), activity (a planned activity's id of that project; may
    repeat), kind, status, organisation (id), from, to (ISO dates), q. A forged or stale value makes the
    form invalid and filters() empty, so the whole list shows with the field's message."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, widget=forms.SearchInput,
        help_text=_("Words of the title, description or outcomes, or the organisation's name."),
    )  # fmt: skip
    project = forms.ModelChoiceField(
        label=_("Project"), required=False, queryset=Project.objects.none(), to_field_name="slug",
        empty_label=_("All projects"), widget=LongSelect,
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
        projects = visible_projects(user, network).order_by("slug")
        self.fields["project"].queryset = projects  # what a chosen slug is checked against
        # Offered as plain (slug, name) pairs read when the select is drawn: a network has hundreds of
        # projects, and the model choice iterator built each one as a model instance (~50 ms a page at 500).
        # Read once per form (the widget reads its choices twice: for `required`, then to draw them).
        empty_label = self.fields["project"].empty_label
        self.fields["project"].choices = functools.cache(lambda: [("", empty_label), *_project_choices(projects)])
        # Chosen by id from a link (an organisation's entries, the evidence of a figure), never from a list:
        # a national network has thousands of organisations, and a select of them all cost the page ~0.5 s.
        # People find an organisation's entries by typing its name in the search (its search document).
        self.fields["organisation"].queryset = network_organisations(network=network)
        self.fields["organisation"].widget = forms.HiddenInput()
        self.fields["kind"].choices = [("", _("All kinds")), *ActivityEntry.Kind.choices]
        statuses = [("", _("All statuses")), *ActivityEntry.Status.choices]
        if self.coordinator:
            statuses.append((DELETED, _("Deleted")))
        self.fields["status"].choices = statuses
        project = self.chosen_project = self._chosen_project()  # the page offers its activities only then
        self.fields["activity"].queryset = (
            Activity.objects.filter(network=network, project=project).order_by("position", "pk")
            if project
            else Activity.objects.none()
        )

    def add_prefix(self, field_name):
        """The dates are named `from` and `to` in the page's form as in every link to the list."""
        names = {name: parameter for parameter, name in self.PARAMETERS.items()}
        return super().add_prefix(names.get(field_name, field_name))

    @property
    def chosen_organisation(self):
        """The organisation a link filtered by (shown by name, with a way back to all), else None."""
        return self.filters().get("organisation")

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


class PortfolioFilterForm(forms.Form):
    """The donor portfolio's filters (GET): country, network (its address), programme, status, each offered
    from the donor's own funded projects (projects.portfolio.Funded). A value none of them has makes the
    form invalid and filters() empty: every funded project shows, with the field's message."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    programme = forms.ChoiceField(label=_("Programme or call"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data=None, *, funded, **kwargs):
        kwargs.setdefault("auto_id", "id_filter_%s")
        super().__init__(data, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *funded.country_choices]
        self.fields["network"].choices = [("", _("All networks")), *funded.network_choices]
        self.fields["programme"].choices = [("", _("All programmes")), *funded.programme_choices]
        self.fields["status"].choices = [("", _("All statuses")), *funded.status_choices]

    def filters(self):
        """Keyword arguments for projects.portfolio.Funded.filtered."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: self.cleaned_data[name] for name in self.fields}

    @property
    def filtered(self):
        return any(self.filters().values())


class EntryForm(MultilingualFormMixin, forms.ModelForm):
    """Logging an activity (or changing the entry): one page. Its choices depend on the project: the
    planned activities, sites and target groups are the chosen project's, the partners its partners and
    the network's active members, and "logged by" the user's organisations that may log for it.

    Which project is chosen comes from the posted form, else from `initial` (a slug: the remembered one,
    or ?project=), else from the entry. Without JavaScript the project's "Choose" button posts the form
    back as it is (`hold()`: shown again, not judged), with the new project's choices.
    """

    COUNTS = ("participants_total", *ActivityEntry.SEX_FIELDS, *ActivityEntry.AGE_FIELDS, "with_disabilities")

    organisation = forms.ModelChoiceField(
        label=_("Logged by"), queryset=Organisation.objects.none(),
        help_text=_("The organisation that ran the activity or took part in it."),
        error_messages={"required": _("Choose the organisation you log this for.")},
    )  # fmt: skip
    # Declared without rows: the class is built outside any network scope; __init__ fills them in.
    project = forms.ModelChoiceField(label=_("Project"), queryset=None, required=False)
    activity = forms.ModelChoiceField(label=_("Planned activity"), queryset=None, required=False)
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups reached"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    links = forms.CharField(
        label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One web address per line: the agenda, photos, a news item, a report."),
    )  # fmt: skip

    class Meta:
        model = ActivityEntry
        fields = ENTRY_FIELDS
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
        }

    def __init__(self, *args, network, user, **kwargs):
        self.network, self.user = network, user
        instance = kwargs.get("instance")
        editing = instance is not None and instance.pk is not None
        if not editing:
            kwargs["instance"] = ActivityEntry(network=network, language=self._default_language(network))
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.coordinator = has_role(user, network, Role.COORDINATOR)
        projects = Project.objects.filter(network=network)
        if not self.coordinator:
            partner_of = ProjectPartner.objects.filter(network=network, organisation_id__in=organisation_ids(user))
            allowed = Q(pk__in=partner_of.values("project_id"))
            if editing and self.instance.project_id:
                allowed |= Q(pk=self.instance.project_id)  # kept, though its organisation left the project
            projects = projects.filter(allowed)
        field = self.fields["project"]
        field.queryset, field.to_field_name = projects.order_by("slug"), "slug"
        field.empty_label = _("Network-level work (no project)")
        field.label_from_instance = lambda p: f"{p.acronym} – {p.title}" if p.acronym else str(p.title)
        field.error_messages["invalid_choice"] = _("Choose one of the projects you log activities for.")
        if editing and self.instance.project_id and not self.is_bound:
            self.initial["project"] = self.instance.project.slug
        self.project = self._chosen_project()
        self._limit_to_project(self.project)
        for name in self.COUNTS:
            self.fields[name].required = False
            self.fields[name].widget.attrs.update({"min": 0, "inputmode": "numeric", "class": "count"})
        self.fields["participants_total"].label = _("Total")
        self.fields["end_date"].required = False
        self.fields["end_date"].help_text = _("Leave it empty for an activity of one day.")
        self.fields["place"].help_text = _("Where, if not at one of the project's sites: a town, a venue, online.")
        self.initial["links"] = "\n".join(self.instance.links or [])
        if editing:
            del self.fields["organisation"]
        else:
            for name in self.COUNTS:
                self.initial[name] = None  # empty boxes to type in, not zeros to type over
            self._organisation_choices(prefer=self.initial.get("organisation"))

    @staticmethod
    def _default_language(network):
        languages = list(network.languages or [])
        return get_language() if get_language() in languages else (languages[0] if languages else "en")

    def text_network(self):
        return self.network

    def _chosen_project(self):
        if self.is_bound:
            slug = self.data.get(self.add_prefix("project"))
        else:
            slug = self.initial.get("project")
            slug = getattr(slug, "slug", slug)
        if not slug:
            return None
        return self.fields["project"].queryset.filter(slug=slug).first()

    def _limit_to_project(self, project):
        network = self.network
        activity, site = self.fields["activity"], self.fields["site"]
        activity.queryset = (
            Activity.objects.filter(network=network, project=project).order_by("component__position", "position", "pk")
            if project
            else Activity.objects.none()
        )
        activity.empty_label = _("None of them (other work of the project)")
        activity.error_messages["invalid_choice"] = _("Choose a planned activity of the chosen project.")
        site.queryset = Site.objects.filter(network=network, project=project) if project else Site.objects.none()
        site.empty_label = _("Another place (type it below)")
        site.error_messages["invalid_choice"] = _("Choose one of the chosen project's sites.")
        groups = self.fields["target_groups"]
        groups.queryset = (
            TargetGroup.objects.filter(network=network, project=project) if project else TargetGroup.objects.none()
        )
        groups.error_messages["invalid_choice"] = _("Choose target groups of the chosen project only.")
        members = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).values("organisation_id")
        partners = Q(pk__in=members)
        if project:
            partners |= Q(
                pk__in=ProjectPartner.objects.filter(network=network, project=project).values("organisation_id")
            )
        self.fields["partners"].queryset = Organisation.objects.filter(partners).order_by("name", "pk")
        self.fields["partners"].help_text = (
            _("The project's partners and the network's members who took part.")
            if project
            else _("The network's members who took part.")
        )

    def _organisation_choices(self, prefer=None):
        """The user's organisations that may log for the chosen project: partners of it (for a member),
        else those in the network."""
        field = self.fields["organisation"]
        mine = Organisation.objects.filter(pk__in=organisation_ids(self.user))
        if self.project is not None and not self.coordinator:
            partners = ProjectPartner.objects.filter(network=self.network, project=self.project)
            mine = mine.filter(pk__in=partners.values("organisation_id"))
        else:
            members = Membership.objects.filter(network=self.network, status=Membership.Status.ACTIVE)
            mine = mine.filter(pk__in=members.values("organisation_id"))
        field.queryset = mine.order_by("name", "pk")
        preselect_only_choice(field, prefer=prefer)

    def hold(self):
        """Show the posted form again as it was typed, without judging it (the project just changed)."""
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def clean_links(self):
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        for name in self.COUNTS:
            if cleaned.get(name) is None and name not in self.errors:
                cleaned[name] = 0
        if cleaned.get("start_date") and not cleaned.get("end_date") and "end_date" not in self.errors:
            cleaned["end_date"] = cleaned["start_date"]  # one day
        return cleaned

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        if not self.cleaned_data.get("end_date"):
            exclude.add("end_date")  # no start date either: its own error says what is missing
        return exclude

    def entry_data(self):
        """What the services take (ENTRY_FIELDS), from the cleaned form."""
        return {name: self.cleaned_data[name] for name in ENTRY_FIELDS if name in self.cleaned_data}

    @property
    def filtered_beyond_search(self):
        """A filter other than the text search is set (the page shows them unfolded)."""
        return any(value for key, value in self.filters().items() if key != "search")


class AttachmentsForm(forms.Form):
    """Files for an activity log entry: attachments (documents, pictures) and photos of the activity, each
    a `<input type="file" multiple>`. The entry form embeds it (prefix it there); the service checks the
    files (projects.services.attachments.entry_files_add, through portal.uploads)."""

    attachments = MultipleFileField(label=_("Attachments"))
    photos = MultipleFileField(label=_("Photos"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = {
            "size": filesizeformat(settings.UPLOAD_ENTRY_FILE_MAX_BYTES),
            "count": settings.UPLOAD_ENTRY_MAX_FILES,
        }
        self.fields["attachments"].help_text = (
            _(
                "Agendas, reports, lists of participants: PDF, Word, Excel, PowerPoint, OpenDocument, CSV or "
                "text files, or images; each up to %(size)s, at most %(count)s files an entry."
            )
            % limits
        )
        self.fields["photos"].help_text = (
            _("Photos of the activity: PNG, JPEG or WebP images, each up to %(size)s.") % limits
        )
        # A hint for the file picker only: the service checks what each file is.
        self.fields["attachments"].widget.attrs["accept"] = ",".join(uploads.accepted_hint(uploads.ENTRY_ATTACHMENT))
        self.fields["photos"].widget.attrs["accept"] = ",".join(uploads.accepted_hint(uploads.ENTRY_PHOTO))

    def files_to_add(self):
        """entry_files_add's `attachments` and `photos`."""
        return {
            "attachments": self.cleaned_data.get("attachments") or [],
            "photos": self.cleaned_data.get("photos") or [],
        }


# --- reporting-period locks -----------------------------------------------------------------------


class PeriodLockForm(forms.Form):
    """Lock a reporting period (projects.services.periods.period_lock): the whole network, or one project."""

    project = forms.ModelChoiceField(
        label=_("Project"), required=False, queryset=Project.objects.none(), to_field_name="slug",
        empty_label=_("The whole network"),
    )  # fmt: skip
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), widget=DateInput)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why, e.g. “Interim report to the donor sent”."),
    )  # fmt: skip

    def __init__(self, *args, network, **kwargs):
        kwargs.setdefault("prefix", "lock")
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.filter(network=network).order_by("slug")


class PeriodReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the period is reopened; the log keeps it.")},
    )  # fmt: skip


# --- evaluators (projects.services.evaluators) -------------------------------------------------------------


class EvaluatorForm(forms.Form):
    """Let one named person read the project until a day: the e-mail of their Partnera account."""

    email = EmailField(
        label=_("E-mail of their Partnera account"),
        help_text=_("The person signs up first, with this address; they need not belong to any organisation."),
    )
    until = forms.DateField(
        label=_("Last day"), widget=DateInput, help_text=_("They may read the project up to and including this day.")
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "evaluator")
        super().__init__(*args, **kwargs)


class EvaluatorChangeForm(forms.Form):
    until = forms.DateField(
        label=_("Last day"),
        widget=DateInput,
        error_messages={"required": _("Give the last day they may read the project.")},
    )


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
