from django.urls import path

from members import views
from portal import converters  # noqa: F401  (registers <token:…>)

app_name = "members"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/people/", views.organisation_people, name="people"),
    path(
        "organisations/<int:pk>/people/<int:affiliation_id>/remove/",
        views.affiliation_remove,
        name="affiliation_remove",
    ),
    path(
        "organisations/<int:pk>/people/<int:affiliation_id>/admin/", views.affiliation_admin, name="affiliation_admin"
    ),
    path(
        "organisations/<int:pk>/invitations/<int:invitation_id>/revoke/",
        views.colleague_invitation_revoke,
        name="colleague_invitation_revoke",
    ),
    path("colleague-invitations/<token:token>/", views.colleague_invitation, name="colleague_invitation"),
]
