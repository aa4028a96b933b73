from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

        from members.models import Organisation
        from portal import audit, pagecache, sections
        from projects import audit as projects_audit
        from projects import (
            figures,
            permissions,  # noqa: F401  (registers the rules)
            search,
        )
        from projects.models import ActivityEntry
        from projects.services.items import ITEMS

        sections.register("network_nav", "projects/_network_nav.html", order=10)
        sections.register("network_nav", "projects/entries/_network_nav.html", order=11)
        sections.register("network_nav", "projects/dashboard/_network_nav.html", order=12)
        sections.register("network_page", "projects/_network_projects.html", order=10)
        sections.register("workspace", "projects/_network_projects.html", order=10)
        sections.register("workspace", "projects/_network_reach.html", order=20)
        audit.register(actions={**projects_audit.ACTIONS, **projects_audit.logframe_actions(ITEMS)})
        # The log's kept figures (projects/figures.py) follow every write to entries and their partners.
        post_save.connect(figures.entry_saved_or_deleted, sender=ActivityEntry, dispatch_uid="log-figures-saved")
        post_delete.connect(figures.entry_saved_or_deleted, sender=ActivityEntry, dispatch_uid="log-figures-deleted")
        m2m_changed.connect(figures.partners_changed, sender=ActivityEntry.partners.through,
                            dispatch_uid="log-figures-partners")  # fmt: skip
        pre_delete.connect(figures.organisation_deleted, sender=Organisation, dispatch_uid="log-figures-organisation")
        # An organisation's new name reaches its entries' search documents (projects/search.py).
        pre_save.connect(search.organisation_saving, sender=Organisation, dispatch_uid="log-search-organisation")
        post_save.connect(search.organisation_saved, sender=Organisation, dispatch_uid="log-search-organisation")
        # The activity log form's memory of the last project and activity (views/entries.py): only that
        # form reads it, and it is never kept.
        pagecache.session_memory_not_shown("entry_form.")
