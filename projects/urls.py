from django.urls import path

from projects import views

app_name = "projects"

_project = "networks/<slug:network_slug>/projects/<slug:project_slug>/"
_item = _project + "items/<slug:kind>/<int:item_id>/"

urlpatterns = [
    path("networks/<slug:network_slug>/projects/", views.project_list, name="list"),
    path("networks/<slug:network_slug>/projects/new/", views.project_create, name="create"),
    path(_project, views.project_detail, name="detail"),
    path(_project + "edit/", views.project_edit, name="edit"),
    path(_project + "edit/<slug:page>/", views.edit_page, name="edit_page"),
    path(_project + "organisations/", views.organisation_suggestions, name="organisation_suggestions"),
    path(_project + "items/<slug:kind>/add/", views.item_add, name="item_add"),
    path(_item, views.item_update, name="item_update"),
    path(_item + "delete/", views.item_delete, name="item_delete"),
    path(_item + "move/", views.item_move, name="item_move"),
]
