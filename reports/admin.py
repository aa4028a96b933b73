"""Staff look at report jobs (which failed, why, how often they ran); the jobs are the services' to write,
so here they are read-only. Retrying is the job page's button, which asks the rules."""

from django.contrib import admin

from reports.models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    list_display = ["kind", "network", "subject_id", "language", "status", "progress", "attempts", "requested_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["key", "error"]
    list_select_related = ["network"]
    readonly_fields = [field.name for field in ReportJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
