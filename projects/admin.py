from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from projects.models import (
    Activity,
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


for model in (FundingLink, Result, Indicator, IndicatorValue, Need, TargetGroup, Site):
    admin.site.register(model)
