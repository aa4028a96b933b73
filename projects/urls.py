from django.urls import path

from projects.views import entries, projects

app_name = "projects"

_project = "networks/<slug:network_slug>/projects/<slug:project_slug>/"
_item = _project + "items/<slug:kind>/<int:item_id>/"
_entry = "networks/<slug:network_slug>/activities/<int:entry_id>/"

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
]
