from django.urls import path

from portal import converters  # noqa: F401  (registers <token:…>)
from projects.views import exchange, projects

app_name = "projects"

_project = "networks/<slug:network_slug>/projects/<slug:project_slug>/"
_item = _project + "items/<slug:kind>/<int:item_id>/"
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
]
