"""The settings of the real worker processes the report engine's tests start: production's settings
(as every worker test runs them) plus the test-only report kind (tests/reports/engine_kinds)."""

from portal.settings import *  # noqa: F403
from portal.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.reports.engine_kinds"]
