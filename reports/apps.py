from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from portal import sections
        from reports import (
            documents,  # noqa: F401  (registers the kinds of report)
            permissions,  # noqa: F401  (registers the rules)
        )

        sections.register("project_page", "reports/sections/project_page.html", order=50)
        sections.register("output_page", "reports/sections/output_page.html", order=50)
        sections.register("project_dashboard", "reports/sections/project_dashboard.html", order=50)
