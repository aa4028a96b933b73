"""The network API under /api/v1/: the same selectors, services, permission rules and scope as the pages."""

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from members.models import Organisation
from members.permissions import admin_organisation_ids
from network import selectors
from network.models import Membership, Role
from network.services.memberships import membership_approve, membership_decline, membership_request
from portal import pagecache, permissions
from portal.converters import DIGITS, URLSAFE
from portal.texts import SOURCES


class OrganisationSerializer(serializers.ModelSerializer):
    # The model field is blank=True: an organisation without a country answers "", so the schema must
    # allow "" too (allow_blank adds drf-spectacular's BlankEnum beside CountryEnum).
    country = CountryField(country_dict=False, allow_blank=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym", "kind", "country", "city", "website"]


class TextVersionSerializer(serializers.Serializer):
    """One language of a multilingual text (portal.texts)."""

    text = serializers.CharField()
    source = serializers.ChoiceField(
        choices=SOURCES, help_text=_("original, human (translated by a person) or machine")
    )


class NetworkSerializer(serializers.Serializer):
    """A multilingual text comes twice: `description`, the text in the caller's language (Accept-Language,
    else the original), and `description_translations`, every language with its text and where it came
    from, so a client can show the original beside its translation as the pages do."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    countries = serializers.SerializerMethodField()
    language = serializers.CharField(help_text=_("The language the network's texts are originally written in."))
    description = serializers.SerializerMethodField()
    description_translations = serializers.SerializerMethodField()
    visibility = serializers.CharField()
    member_count = serializers.IntegerField()

    def get_countries(self, network) -> list[str]:
        return [c.code for c in network.countries]

    def get_description(self, network) -> str:
        return str(network.description)

    @extend_schema_field(serializers.DictField(child=TextVersionSerializer()))
    def get_description_translations(self, network):
        return network.description.as_json()


class MembershipSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "organisation", "status", "role", "joined_at"]


class MembershipRequestSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer(read_only=True)
    organisation_id = serializers.IntegerField(write_only=True)

    class Meta:
        model = Membership
        fields = ["id", "organisation", "organisation_id", "status", "message", "requested_at"]
        read_only_fields = ["status", "requested_at"]


class DecisionSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices, default=Role.MEMBER)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MemberFilter(django_filters.FilterSet):
    # Declared, not derived from the model: deriving would query Membership outside any scope.
    role = django_filters.ChoiceFilter(choices=Role.choices)


def _call_service(service, **kwargs):
    """Service errors become 400 with field messages, refusals 403: never a 500."""
    try:
        return service(**kwargs)
    except DjangoValidationError as error:
        raise ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages) from error
    except DjangoPermissionDenied as error:
        raise PermissionDenied from error


class NetworkDirectoryViewSet(pagecache.KeptList, viewsets.ReadOnlyModelViewSet):
    """Public networks, plus private ones the caller belongs to."""

    serializer_class = NetworkSerializer
    permission_classes = []
    kept_depends = staticmethod(pagecache.all_pages)
    lookup_field = "slug"
    # Routers take any character but "/" and "." by default; a NUL byte reached PostgreSQL (a 500).
    lookup_value_regex = URLSAFE

    def get_queryset(self):
        return selectors.networks_directory(user=self.request.user)

    # The member counts are read for the networks answered only, not for every network before paging.
    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else selectors.with_member_counts(page)

    def get_object(self):
        return selectors.with_member_counts([super().get_object()])[0]


class MemberViewSet(pagecache.KeptList, viewsets.ReadOnlyModelViewSet):
    """A network's active member organisations (where the network shows them, or to its members)."""

    serializer_class = MembershipSerializer
    permission_classes = [permissions.NetworkRulePermission]
    network_rules = {"*": "see_members"}
    filterset_class = MemberFilter
    lookup_value_regex = DIGITS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no network
            return Membership.objects.none()
        return selectors.network_members(network=self.request.network)


class MembershipRequestViewSet(pagecache.KeptList, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Requests to join: organisation admins create them, coordinators list and decide."""

    serializer_class = MembershipRequestSerializer
    permission_classes = [permissions.NetworkRulePermission]
    network_rules = {
        "list": "manage_members",
        "retrieve": "manage_members",
        "approve": "manage_members",
        "decline": "manage_members",
        "create": "request_to_join",
    }
    lookup_value_regex = DIGITS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no network
            return Membership.objects.none()
        return selectors.pending_requests(network=self.request.network)

    def perform_create(self, serializer):
        # Only the caller's own organisations can be named; any other id is "not found".
        organisation = get_object_or_404(
            Organisation,
            pk=serializer.validated_data["organisation_id"],
            pk__in=admin_organisation_ids(self.request.user),
        )
        serializer.instance = _call_service(
            membership_request,
            network=self.request.network,
            organisation=organisation,
            acting_user=self.request.user,
            message=serializer.validated_data.get("message", ""),
        )

    def _decide(self, service, field):
        decision = DecisionSerializer(data=self.request.data)
        decision.is_valid(raise_exception=True)
        membership = _call_service(
            service,
            membership=self.get_object(),
            acting_user=self.request.user,
            **{field: decision.validated_data[field]},
        )
        return Response(MembershipSerializer(membership).data)

    @extend_schema(request=DecisionSerializer, responses=MembershipSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, network_slug=None, pk=None):
        return self._decide(membership_approve, "role")

    @extend_schema(request=DecisionSerializer, responses=MembershipSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, network_slug=None, pk=None):
        return self._decide(membership_decline, "reason")
