"""The site's URLs with a stand-in for the project dashboard (`projects:dashboard`) while the branch that
builds it is not merged: the portfolio links each title to it. Once the real route exists this adds
nothing, and the tests use the real one."""

from django.http import HttpResponse
from django.urls import URLResolver, include, path

from config import urls as site_urls
from projects import urls as project_urls

_HAS_DASHBOARD = any(getattr(pattern, "name", None) == "dashboard" for pattern in project_urls.urlpatterns)
_STAND_IN = [] if _HAS_DASHBOARD else [
    path(
        "networks/<slug:network_slug>/projects/<slug:project_slug>/dashboard/",
        lambda request, network_slug, project_slug: HttpResponse("dashboard"),
        name="dashboard",
    )
]  # fmt: skip

urlpatterns = [
    *(p for p in site_urls.urlpatterns if not (isinstance(p, URLResolver) and p.namespace == "projects")),
    path("", include(([*project_urls.urlpatterns, *_STAND_IN], "projects"))),
]
handler403 = site_urls.handler403
