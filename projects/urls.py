from django.urls import path

from projects.views import periods, projects

app_name = "projects"

_project = "networks/<slug:network_slug>/projects/<slug:project_slug>/"
_item = _project + "items/<slug:kind>/<int:item_id>/"

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
    # reporting-period locks
    path("networks/<slug:network_slug>/activities/periods/", periods.entry_periods, name="entry_periods"),
    path(
        "networks/<slug:network_slug>/activities/periods/<int:lock_id>/reopen/",
        periods.entry_period_reopen,
        name="entry_period_reopen",
    ),
]
