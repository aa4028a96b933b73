from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self):
        from portal import pagecache, rules  # noqa: F401  (rules registers the floor's own permission rules)

        # Any saved or deleted row may be on a kept page (portal/pagecache.py).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(pagecache.on_change, dispatch_uid=f"pagecache-{signal}")
