from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from network.models import (
    AgreementArea,
    AgreementParty,
    AgreementSignatory,
    Invitation,
    Membership,
    Network,
    NetworkObjective,
    NewsPost,
    PartnershipAgreement,
)


class ObjectiveInline(admin.TabularInline):
    model = NetworkObjective
    extra = 0


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "slug", "visibility"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["acronym"]}
    inlines = [ObjectiveInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "network", "status", "role", "requested_at"]
    list_filter = ["status", "role", "network"]
    raw_id_fields = ["organisation", "requested_by", "decided_by"]
    ordering = ["organisation__name", "pk"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "network", "role", "created_at", "expires_at", "accepted_at"]
    raw_id_fields = ["invited_by", "accepted_by", "membership"]


class _AgreementRowInline(admin.TabularInline):
    extra = 0


class AgreementPartyInline(_AgreementRowInline):
    model = AgreementParty
    raw_id_fields = ["organisation"]
    exclude = ["network"]


class AgreementSignatoryInline(_AgreementRowInline):
    model = AgreementSignatory
    raw_id_fields = ["organisation"]
    exclude = ["network"]


class AgreementAreaInline(_AgreementRowInline):
    model = AgreementArea
    exclude = ["network"]


@admin.register(PartnershipAgreement)
class PartnershipAgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network", "signed_on", "valid_until", "visibility"]
    list_filter = ["network", "visibility"]
    search_fields = ["title", "framework"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["reminded_60_at", "reminded_14_at"]
    inlines = [AgreementPartyInline, AgreementSignatoryInline, AgreementAreaInline]

    def save_formset(self, request, form, formset, change):
        # Child rows carry the agreement's network (the tenant key); the inlines do not show it.
        for row in formset.save(commit=False):
            row.network_id = form.instance.network_id
            row.save()
        for row in formset.deleted_objects:
            row.delete()
        formset.save_m2m()


@admin.register(NewsPost)
class NewsPostAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network", "published_on", "visibility"]
    list_filter = ["network", "visibility"]
    search_fields = ["title", "body"]
    raw_id_fields = ["agreement", "created_by"]
