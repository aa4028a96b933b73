"""Staff look-ups and repairs. The rich text, the workflow and the guardian grants are the services' to
write (advocacy.services): here they are read-only, so nothing unsanitised or ungranted gets in."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from advocacy.models import AddressedInstitution, AdvocacyOutput, Comment, OutputVersion, Recommendation, Submission


class _ReadOnlyRows(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AddressInline(_ReadOnlyRows):
    model = AddressedInstitution
    fields = ["organisation", "created_at"]
    readonly_fields = fields


class RecommendationInline(_ReadOnlyRows):
    model = Recommendation
    fields = ["position", "text", "institution"]
    readonly_fields = fields


class VersionInline(_ReadOnlyRows):
    model = OutputVersion
    fields = ["number", "title", "published_at", "published_by"]
    readonly_fields = fields


@admin.register(AdvocacyOutput)
class AdvocacyOutputAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network", "kind", "status", "visibility", "version", "published_at"]
    list_filter = ["kind", "status", "visibility", "network"]
    raw_id_fields = ["project", "result", "authors"]
    readonly_fields = ["network", "body", "status", "version", "published_at", "published_by", "created_by"]
    inlines = [AddressInline, RecommendationInline, VersionInline]

    def has_add_permission(self, request):
        return False


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["output", "recommendation", "institution", "submitted_on", "channel", "outcome", "responded_on"]
    list_filter = ["channel", "outcome", "network"]
    raw_id_fields = ["output", "recommendation", "institution", "follows_up"]
    readonly_fields = ["network", "evidence_name", "created_by"]

    def has_add_permission(self, request):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["output", "organisation", "author", "created_at"]
    readonly_fields = ["network", "output", "author", "organisation", "created_at"]

    def has_add_permission(self, request):
        return False
