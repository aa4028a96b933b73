"""The portal's URLs plus the benchmark's baseline: a bare view that renders a trivial template through the
whole middleware stack (sessions, locale, CSRF, auth, CSP, the scope middleware…). A page's time over the
bare view's, measured in the same run, says what the page itself costs whatever the machine.

Mounted only by scripts/bench_settings.py (ROOT_URLCONF); config/urls.py does not know it.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

BARE = engines["django"].from_string("<!doctype html><title>bare</title><p>{{ request.path }}</p>")


def bare(request):
    return HttpResponse(BARE.render({}, request))


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *portal_urlpatterns]
