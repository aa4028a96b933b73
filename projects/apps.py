from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from portal import audit, sections
        from projects import audit as projects_audit
        from projects import permissions  # noqa: F401  (registers the rules)
        from projects.services.items import ITEMS

        sections.register("network_nav", "projects/_network_nav.html", order=10)
        sections.register("network_nav", "projects/entries/_network_nav.html", order=11)
        sections.register("network_page", "projects/_network_projects.html", order=10)
        sections.register("workspace", "projects/_network_projects.html", order=10)
        sections.register("workspace", "projects/_network_reach.html", order=20)
        audit.register(actions={**projects_audit.ACTIONS, **projects_audit.logframe_actions(ITEMS)})
