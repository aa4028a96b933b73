from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from members.models import Affiliation, ColleagueInvitation, Organisation, User
from members.services import organisation_mark_verified
from members.verification import verification_prefetch


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "full_name"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    ordering = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country", "city", "is_verified"]
    list_filter = ["kind", "country", ("verified_by_staff_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "acronym"]
    readonly_fields = ["verification_explained", "verified_by_staff_at"]
    inlines = [AffiliationInline]
    actions = ["mark_verified", "unmark_verified"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(verification_prefetch())

    @admin.display(boolean=True, description=_("verified"))
    def is_verified(self, organisation):
        return organisation.verification.verified

    @admin.display(description=_("verification"))
    def verification_explained(self, organisation):
        return organisation.verification.explanation if organisation.pk else "-"

    @admin.action(description=_("Mark as verified by staff (you checked who they are)"))
    def mark_verified(self, request, queryset):
        self._mark(request, queryset, verified=True)

    @admin.action(description=_("Remove the staff's verification"))
    def unmark_verified(self, request, queryset):
        self._mark(request, queryset, verified=False)

    def _mark(self, request, queryset, *, verified):
        for organisation in queryset:
            organisation_mark_verified(organisation=organisation, verified=verified, acting_user=request.user)
        count = len(queryset)
        self.message_user(request, ngettext("%(count)d organisation updated.", "%(count)d organisations updated.",
                                            count) % {"count": count})  # fmt: skip


@admin.register(ColleagueInvitation)
class ColleagueInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]
    raw_id_fields = ["organisation", "invited_by", "accepted_by"]
