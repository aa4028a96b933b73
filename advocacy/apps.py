from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = _("Advocacy")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from advocacy import audit as advocacy_audit
        from advocacy import (
            grants,
            indicators,
            permissions,  # noqa: F401  (registers the rules)
        )
        from members.models import Affiliation
        from portal import audit, sections, tenancy
        from projects import indicator_sources
        from projects.services.organisations import organisation_merged

        audit.register(
            actions=advocacy_audit.ACTIONS, links=advocacy_audit.LINKS, field_labels=advocacy_audit.FIELD_LABELS
        )
        # "Recommendations adopted": indicators computed from the uptake ledger (advocacy/indicators.py).
        for source in indicators.SOURCES:
            indicator_sources.register(source)
        sections.register("network_nav", "advocacy/_network_nav.html", order=20)
        # The dashboards' advocacy parts: a project's outputs and their uptake, the network's ledger outcomes.
        sections.register("project_dashboard", "advocacy/sections/project_dashboard.html", order=60)
        sections.register("network_dashboard", "advocacy/sections/network_dashboard.html", order=60)
        # An output addressed to an institution is read by its people, who are in no network: its page,
        # versions and files admit them whatever the network (advocacy.views.common.output_or_404 decides).
        for view_name in ("output", "output_version", "output_file", "output_cover", "submission_evidence"):
            tenancy.open_door(f"advocacy:{view_name}")
        # A person who starts or stops working for an addressed institution gains or loses its grants.
        post_save.connect(grants.affiliation_saved, sender=Affiliation, dispatch_uid="advocacy-grants-saved")
        post_delete.connect(grants.affiliation_deleted, sender=Affiliation, dispatch_uid="advocacy-grants-deleted")
        # A typed-in institution merged into its real record: the real one's people get its grants.
        organisation_merged.connect(grants.organisation_merged, dispatch_uid="advocacy-grants-merged")
