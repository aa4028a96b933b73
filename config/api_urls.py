"""Everything under /api/v1/. Network-owned endpoints sit below networks/<network_slug>/ so the scope
middleware resolves the network and enters its scope; whether the caller may enter it is decided by
portal.permissions.NetworkRulePermission once DRF has authenticated them (session or token), so every
viewset registered in `in_network` uses it (tests/portal/test_cross_tenant.py checks)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from network import api as network_api
from projects import api as projects_api

networks = SimpleRouter()
networks.register("networks", network_api.NetworkDirectoryViewSet, basename="network")

in_network = SimpleRouter()
in_network.register("members", network_api.MemberViewSet, basename="member")
in_network.register("membership-requests", network_api.MembershipRequestViewSet, basename="membership-request")
in_network.register("activities", projects_api.EntryViewSet, basename="entry")

app_name = "api"
urlpatterns = [
    path("", include(networks.urls)),
    path("networks/<slug:network_slug>/", include(in_network.urls)),
]
