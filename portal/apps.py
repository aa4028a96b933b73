from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self):
        from portal import rules  # noqa: F401  (registers the floor's own permission rules)
