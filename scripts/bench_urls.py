"""The portal's URLs plus the benchmark's baselines: a bare view that renders a trivial template through the
whole middleware stack (sessions, locale, CSRF, auth, CSP, the scope middleware…), and the same for a
signed-in caller, whose template names `request.user`, so the session and the user are read as on every
signed-in page (two queries) and nothing more. A page's time over its caller's bare view, measured in the
same run, says what the page itself costs whatever the machine.

Mounted only by scripts/bench_settings.py (ROOT_URLCONF); config/urls.py does not know it.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

BARE = engines["django"].from_string("<!doctype html><title>bare</title><p>{{ request.path }}</p>")
BARE_USER = engines["django"].from_string(
    "<!doctype html><title>bare</title><p>{{ request.path }}</p><p>{{ request.user.get_username }}</p>"
)


def bare(request):
    return HttpResponse(BARE.render({}, request))


def bare_user(request):
    return HttpResponse(BARE_USER.render({}, request))


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("bench/bare/user/", bare_user, name="bench-bare-user"),
    *portal_urlpatterns,
]
