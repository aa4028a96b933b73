from django.urls import path

from network.views import agreements, audit, invitations, memberships, networks, news
from portal import converters  # noqa: F401  (registers <token:…>)

app_name = "network"

urlpatterns = [
    path("networks/", networks.directory, name="directory"),
    path("networks/new/", networks.create, name="create"),
    path("networks/<slug:network_slug>/", networks.detail, name="detail"),
    path("networks/<slug:network_slug>/edit/", networks.edit, name="edit"),
    path("networks/<slug:network_slug>/logo/<token:key>/", networks.logo, name="logo"),
    path("networks/<slug:network_slug>/join/", networks.join, name="join"),
    path("networks/<slug:network_slug>/workspace/", networks.workspace, name="workspace"),
    path("networks/<slug:network_slug>/members/", networks.members, name="members"),
    path("networks/<slug:network_slug>/members/manage/", memberships.manage_members, name="manage_members"),
    path("networks/<slug:network_slug>/members/invite/", invitations.invite, name="invite"),
    path(
        "networks/<slug:network_slug>/invitations/<int:invitation_id>/revoke/",
        invitations.revoke_invitation,
        name="revoke_invitation",
    ),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/approve/", memberships.approve, name="approve"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/decline/", memberships.decline, name="decline"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/suspend/", memberships.suspend, name="suspend"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/remove/", memberships.remove, name="remove"),
    path(
        "networks/<slug:network_slug>/memberships/<int:membership_id>/reinstate/",
        memberships.reinstate,
        name="reinstate",
    ),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/role/", memberships.change_role, name="role"),
    path("networks/<slug:network_slug>/memberships/<int:membership_id>/leave/", memberships.leave, name="leave"),
    path(
        "networks/<slug:network_slug>/memberships/<int:membership_id>/withdraw/", memberships.withdraw, name="withdraw"
    ),
    path("invitations/<token:token>/", invitations.invitation, name="invitation"),
]

# Partnership agreements and news.
urlpatterns += [
    path("networks/<slug:network_slug>/agreements/", agreements.agreement_list, name="agreements"),
    path("networks/<slug:network_slug>/agreements/new/", agreements.agreement_create, name="agreement_create"),
    path("networks/<slug:network_slug>/agreements/<int:agreement_id>/", agreements.agreement_detail, name="agreement"),
    path(
        "networks/<slug:network_slug>/agreements/<int:agreement_id>/edit/",
        agreements.agreement_edit,
        name="agreement_edit",
    ),
    path(
        "networks/<slug:network_slug>/agreements/<int:agreement_id>/delete/",
        agreements.agreement_delete,
        name="agreement_delete",
    ),
    path("networks/<slug:network_slug>/news/", news.news_list, name="news"),
    path("networks/<slug:network_slug>/news/new/", news.news_create, name="news_create"),
    path("networks/<slug:network_slug>/news/<int:post_id>/", news.news_detail, name="news_post"),
    path("networks/<slug:network_slug>/news/<int:post_id>/edit/", news.news_edit, name="news_edit"),
    path("networks/<slug:network_slug>/news/<int:post_id>/delete/", news.news_delete, name="news_delete"),
]

# The audit log.
urlpatterns += [
    path("networks/<slug:network_slug>/workspace/log/", audit.audit_log, name="audit_log"),
]
