from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from network.models import Invitation, Membership, Network, NetworkObjective


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


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "network", "role", "created_at", "expires_at", "accepted_at"]
    raw_id_fields = ["invited_by", "accepted_by", "membership"]
