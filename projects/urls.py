from django.urls import path

from portal import converters  # noqa: F401  (registers <token:…>)
from projects.views import (
    access,
    activities,
    attachments,
    dashboards,
    entries,
    exchange,
    periods,
    portfolio,
    progress,
    projects,
)

app_name = "projects"

_project = "networks/<slug:network_slug>/projects/<slug:project_slug>/"
_item = _project + "items/<slug:kind>/<int:item_id>/"
_entry = "networks/<slug:network_slug>/activities/<int:entry_id>/"
_activities = "networks/<slug:network_slug>/activities/"
_entry_files = _entry + "files/"
_entry_file = _entry_files + "<token:key>/"
_activities = "networks/<slug:network_slug>/activities/"

urlpatterns = [
    path("networks/<slug:network_slug>/projects/", projects.project_list, name="list"),
    path("networks/<slug:network_slug>/projects/new/", projects.project_create, name="create"),
    path(_project, projects.project_detail, name="detail"),
    path(_project + "edit/", projects.project_edit, name="edit"),
    path(_project + "edit/<slug:page>/", projects.edit_page, name="edit_page"),
    path(_project + "organisations/", projects.organisation_suggestions, name="organisation_suggestions"),
    path(_project + "items/<slug:kind>/add/", projects.item_add, name="item_add"),
    path(_item, projects.item_update, name="item_update"),
    path(_item + "delete/", projects.item_delete, name="item_delete"),
    path(_item + "move/", projects.item_move, name="item_move"),
    # The activity log entry: its form and page, and the workflow buttons (POST).
    path("networks/<slug:network_slug>/activities/new/", entries.entry_create, name="entry_create"),
    path(_entry, entries.entry_detail, name="entry_detail"),
    path(_entry + "edit/", entries.entry_edit, name="entry_edit"),
    *(
        path(_entry + f"{verb}/", getattr(entries, f"entry_{verb}"), name=f"entry_{verb}")
        for verb in ("submit", "withdraw", "approve", "return", "delete", "restore")
    ),
    # the activity log's lists (projects/views/activities.py)
    path(_activities, activities.entry_list, name="entries"),
    path(_activities + "calendar/", activities.entry_calendar, name="entry_calendar"),
    path(_activities + "queue/", activities.entry_queue, name="entry_queue"),
    path(_activities + "queue/approve/", activities.entry_bulk_approve, name="entry_bulk_approve"),
    # what the log feeds: a planned activity marked done, or reopened
    path(_project + "activities/<int:activity_id>/done/", progress.activity_done, name="activity_done"),
    path(_project + "activities/<int:activity_id>/reopen/", progress.activity_reopen, name="activity_reopen"),
    # An activity log entry's attachments and photos (projects/views/attachments.py).
    path(_entry_files + "add/", attachments.entry_file_add, name="entry_file_add"),
    path(_entry_file, attachments.entry_file, name="entry_file"),
    path(_entry_file + "thumbnail/", attachments.entry_file_thumbnail, name="entry_file_thumbnail"),
    path(_entry_file + "delete/", attachments.entry_file_delete, name="entry_file_delete"),
    # reporting-period locks
    path("networks/<slug:network_slug>/activities/periods/", periods.entry_periods, name="entry_periods"),
    path(
        "networks/<slug:network_slug>/activities/periods/<int:lock_id>/reopen/",
        periods.entry_period_reopen,
        name="entry_period_reopen",
    ),
    # the activity log's spreadsheets (projects/views/exchange.py)
    path(_activities + "export.csv", exchange.entry_export_csv, name="entry_export_csv"),
    path(_activities + "export.xlsx", exchange.entry_export_xlsx, name="entry_export_xlsx"),
    path(_activities + "exports/<int:export_id>/", exchange.entry_export, name="entry_export"),
    path(
        _activities + "exports/<int:export_id>/download/", exchange.entry_export_download, name="entry_export_download"
    ),  # fmt: skip
    path(_activities + "import/", exchange.entry_import, name="entry_import"),
    path(_activities + "import/<token:key>/errors.xlsx", exchange.entry_import_errors, name="entry_import_errors"),
    path(_project + "activities/template.xlsx", exchange.entry_template, name="entry_template"),
    # dashboards (projects/views/dashboards.py)
    path(_project + "dashboard/", dashboards.project_dashboard, name="dashboard"),
    path(_project + "dashboard/charts/<slug:chart>.svg", dashboards.project_dashboard_chart, name="dashboard_chart"),
    path("networks/<slug:network_slug>/dashboard/", dashboards.network_dashboard, name="network_dashboard"),
    path(
        "networks/<slug:network_slug>/dashboard/charts/<slug:chart>.svg",
        dashboards.network_dashboard_chart,
        name="network_dashboard_chart",
    ),
    # the donor portfolio (projects/views/portfolio.py)
    path("portfolio/", portfolio.portfolio_page, name="portfolio"),
    # evaluators' and funders' access to a project (projects/views/access.py)
    path(_project + "access/", access.project_access, name="access"),
    path(_project + "access/<int:evaluator_id>/change/", access.evaluator_change, name="evaluator_change"),
    path(_project + "access/<int:evaluator_id>/remove/", access.evaluator_remove, name="evaluator_remove"),
]
