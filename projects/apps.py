from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

        from members.models import Affiliation, Organisation
        from portal import audit, pagecache, sections, tenancy
        from projects import audit as projects_audit
        from projects import (
            figures,
            grants,
            permissions,  # noqa: F401  (registers the rules)
            search,
        )
        from projects.models import (
            ActivityEntry,
            FundingLink,
            Project,
            ProjectEvaluator,
            ProjectPartner,
            ReportingPeriodLock,
        )
        from projects.services.items import ITEMS
        from projects.services.organisations import organisation_merged

        sections.register("network_nav", "projects/_network_nav.html", order=10)
        sections.register("network_nav", "projects/entries/_network_nav.html", order=11)
        sections.register("network_nav", "projects/dashboard/_network_nav.html", order=12)
        sections.register("network_page", "projects/_network_projects.html", order=10)
        sections.register("workspace", "projects/_network_projects.html", order=10)
        sections.register("workspace", "projects/_network_reach.html", order=20)
        audit.register(actions={**projects_audit.ACTIONS, **projects_audit.logframe_actions(ITEMS)})
        labels = projects_audit.ACCESS_FIELD_LABELS
        audit.register(actions=projects_audit.ACCESS_ACTIONS, field_labels={Project: labels, ProjectEvaluator: labels})
        audit.register(
            field_labels={
                ActivityEntry: projects_audit.ENTRY_FIELD_LABELS,
                ReportingPeriodLock: projects_audit.LOCK_FIELD_LABELS,
            }
        )
        # A funder's people read the projects it funds (projects.grants): the grants follow every change to
        # a project's funders, to the people of an organisation, and the organisation merge (no signal).
        for model in (ProjectPartner, FundingLink):
            name = model._meta.model_name
            post_save.connect(grants.funding_row_saved, sender=model, dispatch_uid=f"grants-{name}-saved")
            post_delete.connect(grants.funding_row_deleted, sender=model, dispatch_uid=f"grants-{name}-deleted")
        post_delete.connect(grants.project_deleted, sender=Project, dispatch_uid="grants-project-deleted")
        post_save.connect(grants.affiliation_changed, sender=Affiliation, dispatch_uid="grants-affiliation-saved")
        post_delete.connect(grants.affiliation_changed, sender=Affiliation, dispatch_uid="grants-affiliation-deleted")
        organisation_merged.connect(grants.organisation_merged, dispatch_uid="grants-merged")
        # A funder's people and evaluators are seldom members of the project's network: the project's page
        # and dashboard (with its charts) admit them whatever the network; each view answers 404 to whoever
        # may not see it.
        for view_name in ("detail", "dashboard", "dashboard_chart"):
            tenancy.open_door(f"projects:{view_name}")
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
