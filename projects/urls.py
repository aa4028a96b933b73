from django.urls import path

from projects.views import progress, projects

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
    # what the log feeds: a planned activity marked done, or reopened
    path(_project + "activities/<int:activity_id>/done/", progress.activity_done, name="activity_done"),
    path(_project + "activities/<int:activity_id>/reopen/", progress.activity_reopen, name="activity_reopen"),
]
