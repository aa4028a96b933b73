from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("networks/", views.directory, name="directory"),
    path("networks/new/", views.create, name="create"),
    path("networks/<slug:network_slug>/", views.detail, name="detail"),
    path("networks/<slug:network_slug>/edit/", views.edit, name="edit"),
    path("networks/<slug:network_slug>/join/", views.join, name="join"),
    path("networks/<slug:network_slug>/workspace/", views.workspace, name="workspace"),
    path("networks/<slug:network_slug>/members/manage/", views.manage_members, name="manage_members"),
    path("networks/<slug:network_slug>/members/invite/", views.invite, name="invite"),
    path(
        "networks/<slug:network_slug>/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/approve/", views.approve, name="approve"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/decline/", views.decline, name="decline"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/suspend/", views.suspend, name="suspend"),
    path(
        "networks/<slug:network_slug>/memberships/<int:membership_id>/reinstate/", views.reinstate, name="reinstate"
    ),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/role/", views.change_role, name="role"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/leave/", views.leave, name="leave"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/withdraw/", views.withdraw, name="withdraw"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]

# Partnership agreements and news.
urlpatterns += [
    path("networks/<slug:network_slug>/agreements/", views.agreement_list, name="agreements"),
    path("networks/<slug:network_slug>/agreements/new/", views.agreement_create, name="agreement_create"),
    path("networks/<slug:network_slug>/agreements/<int:agreement_id>/", views.agreement_detail, name="agreement"),
    path(
        "networks/<slug:network_slug>/agreements/<int:agreement_id>/edit/", views.agreement_edit, name="agreement_edit"
    ),
    path(
        "networks/<slug:network_slug>/agreements/<int:agreement_id>/delete/",
        views.agreement_delete,
        name="agreement_delete",
    ),
    path("networks/<slug:network_slug>/news/", views.news_list, name="news"),
    path("networks/<slug:network_slug>/news/new/", views.news_create, name="news_create"),
    path("networks/<slug:network_slug>/news/<int:post_id>/", views.news_detail, name="news_post"),
    path("networks/<slug:network_slug>/news/<int:post_id>/edit/", views.news_edit, name="news_edit"),
    path("networks/<slug:network_slug>/news/<int:post_id>/delete/", views.news_delete, name="news_delete"),
]
