"""The activity log in the API, under /api/v1/networks/<slug>/activities/: the list with the list page's
filters (projects.forms.EntryFilterForm, projects.selectors.entry_list), one entry, logging, editing, and
the workflow (submit, withdraw, approve, return), through the same services and rules as the pages.

The network-level gate (NetworkRulePermission, `network_rules`) says who may try at all; the service asks
the entry's own rule (edit_entry, review_entry…), so a refusal there is a 403 with that rule's reason.
A reviewer approves or returns the entry as they saw it: the body carries the `updated_at` they read, and
an entry changed or withdrawn since is refused (400) instead of being decided blind.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from members.models import Organisation
from members.permissions import organisation_ids
from network.api import TextVersionSerializer
from portal import pagecache, permissions
from portal.converters import DIGITS
from projects.forms import DELETED, EntryFilterForm
from projects.models import LANGUAGE_CHOICES, ActivityEntry, Project
from projects.permissions import visible_entries
from projects.selectors import entry_list
from projects.services import entries as services

MAX_COUNT = 2**31 - 1  # PositiveIntegerField on PostgreSQL
MAX_ID = 2**63 - 1  # BigAutoField


# --- reading ----------------------------------------------------------------------------------------


class EntryOrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym"]


def _translations_field():
    return extend_schema_field(serializers.DictField(child=TextVersionSerializer()))


class EntrySerializer(serializers.ModelSerializer):
    """An entry. Each multilingual text comes twice: `title`, the text in the caller's language
    (Accept-Language, else the original), and `title_translations`, every language with its text and
    where it came from (original, human, machine), as the network API gives a network's description."""

    project = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    activity_code = serializers.SerializerMethodField()
    organisation = EntryOrganisationSerializer(read_only=True)
    title = serializers.SerializerMethodField()
    title_translations = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    description_translations = serializers.SerializerMethodField()
    outcomes = serializers.SerializerMethodField()
    outcomes_translations = serializers.SerializerMethodField()
    country = serializers.SerializerMethodField()
    partners = serializers.SerializerMethodField()
    target_groups = serializers.SerializerMethodField()
    links = serializers.ListField(child=serializers.CharField(), read_only=True)
    returned_reason = serializers.SerializerMethodField()
    deleted = serializers.SerializerMethodField()

    class Meta:
        model = ActivityEntry
        fields = [
            "id", "project", "activity", "activity_code", "kind", "status", "language", "title",
            "title_translations", "description", "description_translations", "outcomes", "outcomes_translations",
            "start_date", "end_date", "site", "place", "country", "participants_total", *ActivityEntry.SEX_FIELDS,
            *ActivityEntry.AGE_FIELDS, "with_disabilities", "partners", "target_groups", "links", "organisation",
            "returned_reason", "submitted_at", "approved_at", "returned_at", "deleted", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_activity_code(self, entry) -> str | None:
        return entry.activity.code if entry.activity_id else None

    def get_title(self, entry) -> str:
        return str(entry.title)

    def get_description(self, entry) -> str:
        return str(entry.description)

    def get_outcomes(self, entry) -> str:
        return str(entry.outcomes)

    @_translations_field()
    def get_title_translations(self, entry):
        return entry.title.as_json()

    @_translations_field()
    def get_description_translations(self, entry):
        return entry.description.as_json()

    @_translations_field()
    def get_outcomes_translations(self, entry):
        return entry.outcomes.as_json()

    def get_country(self, entry) -> str:
        return entry.country.code or ""

    def get_partners(self, entry) -> list[int]:
        return sorted(organisation.pk for organisation in entry.partners.all())

    def get_target_groups(self, entry) -> list[int]:
        return sorted(group.pk for group in entry.target_groups.all())

    def get_returned_reason(self, entry) -> str:
        """Only while the entry is returned: the reason to fix it, as the entry page shows it."""
        return entry.returned_reason if entry.status == ActivityEntry.Status.RETURNED else ""

    def get_deleted(self, entry) -> bool:
        return entry.is_deleted


def _with_rows(entries):
    """What EntrySerializer reads, in a fixed number of queries for any number of entries."""
    return entries.select_related("project", "activity", "organisation").prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.only("pk")), "target_groups"
    )


# --- writing ----------------------------------------------------------------------------------------


def _no_nul(value):
    if "\x00" in value:
        raise serializers.ValidationError(_("Null characters are not allowed."))


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string"},
            {"type": "object", "additionalProperties": {"type": "string"}},
        ],
        "description": "The text in the entry's language (the original), or {language code: text} for several.",
    }
)
class TextInputField(serializers.Field):
    """A multilingual text as written: a string (the original, in the entry's `language`) or
    {"en": "…", "sl": "…"} (the entry's language is the original, the others human translations)."""

    default_error_messages = {"invalid": "A text, or an object of language codes and texts."}

    def to_internal_value(self, data):
        if isinstance(data, str):
            _no_nul(data)
            return data
        if isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            for key, value in data.items():
                _no_nul(key + value)
            return data
        self.fail("invalid")

    def to_representation(self, value):
        return value


def _count():
    return serializers.IntegerField(required=False, min_value=0, max_value=MAX_COUNT)


def _id(**kwargs):
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


class EntryWriteSerializer(serializers.Serializer):
    """What entry_create and entry_update take (services.ENTRY_FIELDS); the service validates the rest
    (dates in order, breakdowns within the total, references of this network and project)."""

    project = serializers.SlugField(
        required=False, allow_null=True, allow_blank=True, max_length=100,
        help_text=_("The project's slug; empty or null for network-level work."),
    )  # fmt: skip
    activity = _id(required=False, allow_null=True, help_text=_("A planned activity of the project (its id)."))
    kind = serializers.ChoiceField(choices=ActivityEntry.Kind.choices, required=False)
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)
    title = TextInputField()
    description = TextInputField(required=False)
    outcomes = TextInputField(required=False)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    site = _id(required=False, allow_null=True, help_text=_("One of the project's sites (its id)."))
    place = serializers.CharField(required=False, allow_blank=True, max_length=300)
    country = serializers.CharField(required=False, allow_blank=True, max_length=2)
    participants_total = _count()
    women, men, other_or_not_given = _count(), _count(), _count()
    under_18, age_18_29, age_30_64, age_65_plus, age_not_given = _count(), _count(), _count(), _count(), _count()
    with_disabilities = _count()
    partners = serializers.ListField(
        child=_id(), required=False, max_length=200,
        help_text=_("Organisation ids: the project's partners or the network's members."),
    )  # fmt: skip
    target_groups = serializers.ListField(child=_id(), required=False, max_length=200)
    links = serializers.ListField(child=serializers.CharField(max_length=2000), required=False, max_length=50)


class EntryCreateSerializer(EntryWriteSerializer):
    organisation = _id(
        required=False, help_text=_("The organisation logging it: one the caller works for (optional if only one).")
    )


class ReviewSerializer(serializers.Serializer):
    updated_at = serializers.DateTimeField(
        help_text=_("The entry's `updated_at` as the reviewer read it: an entry changed since is refused.")
    )


class ReturnSerializer(ReviewSerializer):
    reason = serializers.CharField(help_text=_("What to change; the organisation sees it and the log keeps it."))


# --- the viewset ------------------------------------------------------------------------------------

# The list's query parameters: EntryFilterForm's, under the names the list page uses.
FILTER_PARAMETERS = [
    OpenApiParameter("project", OpenApiTypes.STR, description="A project's slug."),
    OpenApiParameter(
        "activity",
        OpenApiTypes.INT,
        many=True,
        explode=True,
        description="Planned activity ids of that project (needs `project`).",
    ),  # fmt: skip
    OpenApiParameter("kind", OpenApiTypes.STR, enum=ActivityEntry.Kind.values),
    OpenApiParameter(
        "status",
        OpenApiTypes.STR,
        enum=[*ActivityEntry.Status.values, DELETED],
        description="`deleted`: the deleted entries (coordinators).",
    ),  # fmt: skip
    OpenApiParameter("organisation", OpenApiTypes.INT, description="The logging organisation's id."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="Entries starting on or after this day."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Entries starting on or before this day."),
    OpenApiParameter("q", OpenApiTypes.STR, description="Words of the title."),
]
_FIELD_PARAMETER = {field: parameter for parameter, field in EntryFilterForm.PARAMETERS.items()}


def _as_api_error(error):
    if hasattr(error, "error_dict"):
        return ValidationError(error.message_dict)
    return ValidationError({"non_field_errors": error.messages})


class EntryViewSet(pagecache.KeptList, viewsets.GenericViewSet):
    """The network's activity log entries the caller may see (as on the list page); the list is kept per
    caller (portal.pagecache.KeptList) until the network changes."""

    serializer_class = EntrySerializer
    permission_classes = [permissions.NetworkRulePermission]
    filter_backends = []
    lookup_value_regex = DIGITS
    # Who may try at all, asked of the network; the entry's own rule is the service's.
    network_rules = {
        "list": "view_network",
        "retrieve": "view_network",
        "create": "log_entry",
        "update": "log_entry",
        "partial_update": "log_entry",
        "submit": "log_entry",
        "withdraw": "log_entry",
        "approve": "review_entries",
        "return_": "review_entries",
    }
    # The rule a service refusal stands for, for the 403's reason.
    entry_rules = {
        "create": "log_entry",
        "update": "edit_entry",
        "partial_update": "edit_entry",
        "submit": "edit_entry",
        "withdraw": "withdraw_entry",
        "approve": "review_entry",
        "return_": "review_entry",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no network
            return ActivityEntry.objects.none()
        return _with_rows(visible_entries(self.request.user, self.request.network)).order_by("-start_date", "-pk")

    def _call(self, service, **kwargs):
        """Service errors become 400 with the field messages, refusals 403 with the rule's reason."""
        try:
            return service(**kwargs)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(permissions.reason(self.entry_rules[self.action])) from error

    def _answer(self, entry, status_code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=entry.pk)
        return Response(EntrySerializer(fresh, context=self.get_serializer_context()).data, status=status_code)

    def _filters(self):
        params = self.request.query_params
        for name, values in params.lists():
            if any("\x00" in value for value in values):
                raise ValidationError({name: ["Null characters are not allowed."]})
        form = EntryFilterForm(params, network=self.request.network, user=self.request.user)
        if not form.is_valid():
            raise ValidationError({_FIELD_PARAMETER.get(k, k): v for k, v in form.errors.items()})
        return form.filters()

    @extend_schema(parameters=FILTER_PARAMETERS)
    def list(self, request, network_slug=None):
        def answer():
            entries = _with_rows(entry_list(network=request.network, user=request.user, filters=self._filters()))
            page = self.paginate_queryset(entries)
            data = EntrySerializer(page, many=True, context=self.get_serializer_context()).data
            return self.get_paginated_response(data)

        return self.kept_list(request, answer, network_slug=network_slug)

    def retrieve(self, request, network_slug=None, pk=None):
        return Response(EntrySerializer(self.get_object(), context=self.get_serializer_context()).data)

    def _data(self, serializer_class, partial=False):
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "project" in data:
            slug = data["project"]
            data["project"] = Project.objects.filter(network=self.request.network, slug=slug).first() if slug else None
            if slug and data["project"] is None:
                raise ValidationError({"project": ["Choose one of this network's projects."]})
        return data

    @extend_schema(request=EntryCreateSerializer, responses={201: EntrySerializer})
    def create(self, request, network_slug=None):
        data = self._data(EntryCreateSerializer)
        mine = organisation_ids(request.user)
        chosen = data.pop("organisation", None)
        if chosen is None and len(mine) == 1:
            chosen = next(iter(mine))
        organisation = Organisation.objects.filter(pk=chosen, pk__in=mine).first() if chosen else None
        entry = self._call(
            services.entry_create, network=request.network, acting_user=request.user, organisation=organisation,
            data=data,
        )  # fmt: skip
        return self._answer(entry, status.HTTP_201_CREATED)

    def _update(self, partial):
        entry = self.get_object()
        data = self._data(EntryWriteSerializer, partial=partial)
        return self._answer(self._call(services.entry_update, entry=entry, acting_user=self.request.user, data=data))

    @extend_schema(request=EntryWriteSerializer, responses=EntrySerializer)
    def update(self, request, network_slug=None, pk=None):
        return self._update(partial=False)

    @extend_schema(request=EntryWriteSerializer, responses=EntrySerializer)
    def partial_update(self, request, network_slug=None, pk=None):
        return self._update(partial=True)

    @extend_schema(request=None, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, network_slug=None, pk=None):
        return self._answer(self._call(services.entry_submit, entry=self.get_object(), acting_user=request.user))

    @extend_schema(request=None, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, network_slug=None, pk=None):
        return self._answer(self._call(services.entry_withdraw, entry=self.get_object(), acting_user=request.user))

    def _seen(self, serializer_class):
        """The entry as the reviewer saw it: this row with the `updated_at` they read."""
        seen = self.get_object()  # first: another network's id or a hidden entry is 404, whatever the body
        body = serializer_class(data=self.request.data)
        body.is_valid(raise_exception=True)
        seen.updated_at = body.validated_data["updated_at"]
        return seen, body.validated_data

    @extend_schema(request=ReviewSerializer, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, network_slug=None, pk=None):
        seen, _body = self._seen(ReviewSerializer)
        return self._answer(self._call(services.entry_approve, entry=seen, acting_user=request.user))

    @extend_schema(request=ReturnSerializer, responses=EntrySerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, network_slug=None, pk=None):
        seen, body = self._seen(ReturnSerializer)
        return self._answer(
            self._call(services.entry_return, entry=seen, acting_user=request.user, reason=body["reason"])
        )
