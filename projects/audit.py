"""What the projects app writes in the audit log: its actions' labels (registered in ProjectsConfig.ready()).

Logframe rows share one set of actions per kind, "logframe.<kind>.<added|updated|removed|moved>", the
kind being a key of projects.services.items.ITEMS.
"""

from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ACTIONS = {
    "project.created": _("Project created"),
    "project.updated": _("Project updated"),
    "project.imported": _("Project imported"),
    "entry.created": _("Activity logged"),
    "entry.updated": _("Activity log entry updated"),
    "entry.submitted": _("Activity log entry submitted"),
    "entry.withdrawn": _("Activity log entry withdrawn"),
    "entry.approved": _("Activity log entry approved"),
    "entry.returned": _("Activity log entry returned"),
    "entry.deleted": _("Activity log entry deleted"),
    "entry.restored": _("Activity log entry restored"),
    "logframe.activity.done": _("Activity marked done"),
    "logframe.activity.reopened": _("Activity reopened"),
    "entry.files_added": _("Files attached to an activity log entry"),
    "entry.file_removed": _("File removed from an activity log entry"),
    "period.locked": _("Reporting period locked"),
    "period.reopened": _("Reporting period reopened"),
}

# Who outside the network's roles may read a project (projects.grants, projects.services.evaluators). The
# grants' rows name the person (and the funder they work for) in keys that are no field of the project.
ACCESS_ACTIONS = {
    "project.access_granted": _("Funder's person granted the project"),
    "project.access_revoked": _("Funder's person's grant of the project taken back"),
    "evaluator.added": _("Evaluator added"),
    "evaluator.changed": _("Evaluator's end date changed"),
    "evaluator.removed": _("Evaluator removed"),
}
ACCESS_FIELD_LABELS = {"person": _("person"), "funder": _("funder")}
# Keys of the log's before/after that are no field of their model (projects.services.attachments, .periods).
ENTRY_FIELD_LABELS = {"attachments": _("attachments"), "photos": _("photos")}
LOCK_FIELD_LABELS = {"reopened": _("reopened")}

VERBS = {
    "added": pgettext_lazy("audit: a project row was", "%(row)s added"),
    "updated": pgettext_lazy("audit: a project row was", "%(row)s updated"),
    "removed": pgettext_lazy("audit: a project row was", "%(row)s removed"),
    "moved": pgettext_lazy("audit: a project row was", "%(row)s moved"),
}


def _label(verb, model):
    return VERBS[verb] % {"row": capfirst(model._meta.verbose_name)}


def logframe_actions(items):
    """{"logframe.activity.added": "Activity added", …} for every kind in `items` (ITEMS)."""
    label = lazy(_label, str)
    return {f"logframe.{kind}.{verb}": label(verb, spec.model) for kind, spec in items.items() for verb in VERBS}
