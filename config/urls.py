from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config import views
from members import views as members_views
from portal import (
    converters,  # noqa: F401  (registers <colour:…>)
    themes,
)
from portal import views as portal_views

# Staff log in to the admin through allauth (verified e-mail, rate limits), never the bare admin form.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Partnera"

# A refusal says why and links back (portal.permissions.Refused).
handler403 = portal_views.permission_denied

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    # The language switch (members: it writes the profile), at the address and name of Django's own.
    path("i18n/setlang/", members_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path(f"theme/{themes.VERSION}/<colour:colour>.css", portal_views.theme, name="theme"),
    path("styleguide/", portal_views.styleguide, name="styleguide"),
    path("", include("members.urls")),
    path("", include("network.urls")),
    path("", include("projects.urls")),
    path("", include("advocacy.urls")),
    path("", include("reports.urls")),
]
