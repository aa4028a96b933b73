"""Settings of scripts/bench_scale.py: production's (portal/settings.py, with DEBUG off and the rest from the
environment the script sets), plus three changes a benchmark needs and a deployment must not have:

- ROOT_URLCONF adds the bare view (scripts/bench_urls.py), so the portal ships no extra route;
- static files need no `collectstatic` (28 s): the plain storage names them without a manifest;
- the API's throttles stay on (their cache reads are part of a request's cost) but never refuse the
  benchmark's few hundred requests a minute.
"""

from portal.settings import *  # noqa: F403
from portal.settings import REST_FRAMEWORK, STORAGES

ROOT_URLCONF = "bench_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"}}
