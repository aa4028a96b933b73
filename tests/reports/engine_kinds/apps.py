from django.apps import AppConfig


class EngineKindsConfig(AppConfig):
    """A test-only app: the report kind the engine's tests render (tests/reports/engine_kinds/kinds.py).

    An app rather than a fixture because the real worker process must know the kind too: the test
    settings (portal/settings_test.py) and the worker's (tests/reports/worker_settings.py) both install
    it, production never does.
    """

    name = "tests.reports.engine_kinds"
    label = "reports_engine_kinds"

    def ready(self):
        from tests.reports.engine_kinds import kinds  # noqa: F401  (registers the kind)
