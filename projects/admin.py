from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from members.admin import OrganisationAdmin
from members.models import Organisation
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
from projects.services.organisations import organisation_merge


class _Rows(admin.TabularInline):
    extra = 0
    exclude = ["network"]  # set from the project in ProjectAdmin.save_formset


class PartnerInline(_Rows):
    model = ProjectPartner
    raw_id_fields = ["organisation"]


class ObjectiveInline(_Rows):
    model = Objective


class ComponentInline(_Rows):
    model = Component


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    """Staff repairs only: coordinators edit projects on the site, where activity codes are renumbered."""

    list_display = ["title", "acronym", "network", "status", "visibility", "start_date", "end_date"]
    list_filter = ["status", "visibility", "network"]
    search_fields = ["title", "acronym", "reference"]
    inlines = [PartnerInline, ObjectiveInline, ComponentInline]

    def save_formset(self, request, form, formset, change):
        for row in formset.save(commit=False):
            row.network_id = form.instance.network_id
            row.save()
        for row in formset.deleted_objects:
            row.delete()
        formset.save_m2m()


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "project", "network"]
    list_filter = ["network"]
    search_fields = ["title", "code"]
    readonly_fields = ["code"]


@admin.register(ActivityEntry)
class ActivityEntryAdmin(SimpleHistoryAdmin):
    """Staff repairs only: the workflow (submit, approve, return) runs through projects.services.entries."""

    list_display = ["title", "network", "project", "kind", "status", "start_date", "deleted_at"]
    list_filter = ["status", "kind", "network"]
    search_fields = ["title"]
    raw_id_fields = ["project", "activity", "site", "organisation", "partners", "target_groups"]


for model in (FundingLink, Result, Indicator, IndicatorValue, Need, TargetGroup, Site):
    admin.site.register(model)


# The organisation admin lives in members, which cannot reach project rows: the merge action is added here.
admin.site.unregister(Organisation)


@admin.register(Organisation)
class OrganisationMergeAdmin(OrganisationAdmin):
    list_display = [*OrganisationAdmin.list_display, "created_in_network_id"]
    list_filter = [*OrganisationAdmin.list_filter, ("created_in_network_id", admin.EmptyFieldListFilter)]
    actions = [*OrganisationAdmin.actions, "merge_into_namesake"]

    @admin.action(description=gettext_lazy("Merge typed-in records into the one organisation of the same name"))
    def merge_into_namesake(self, request, queryset):
        for record in queryset.exclude(created_in_network_id=None):
            namesakes = list(Organisation.objects.filter(name__iexact=record.name, created_in_network_id=None)[:2])
            if len(namesakes) != 1:
                warning = _("%(org)s: %(count)s organisations of that name; merge by hand.")
                self.message_user(request, warning % {"org": record, "count": len(namesakes)}, messages.WARNING)
                continue
            try:
                organisation_merge(record=record, into=namesakes[0], acting_user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{record}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(org)s merged into %(into)s.") % {"org": record, "into": namesakes[0]},
                    messages.SUCCESS,
                )
