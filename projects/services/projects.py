"""Creating projects and editing their facts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal import audit, permissions
from portal.inputs import accept
from portal.slugs import unique_slug
from projects.models import (
    Project,
)

# A project's facts: what project_update writes and projects.forms.ProjectForm shows.
PROJECT_FIELDS = (
    "title", "acronym", "programme", "reference", "status", "visibility", "start_date", "end_date",
    "budget_amount", "budget_currency", "countries", "language", "summary",
)  # fmt: skip
# project_create also takes the address (made from the acronym or title when empty); it never changes
# after, as links to it are printed in reports.
PROJECT_CREATE_FIELDS = (*PROJECT_FIELDS, "slug")


def _clean_value(value):
    return value.strip() if isinstance(value, str) else value


def _lock(project):
    """Serialise writes to one project's rows, so two coordinators adding activities at the same moment
    cannot both take number 1.4 (a no-op on SQLite, which serialises writers anyway)."""
    list(
        Project.objects.select_for_update()
        .filter(network_id=project.network_id, pk=project.pk)
        .values_list("pk", flat=True)
    )


def _project_values(data, fields, what):
    values = {key: _clean_value(value) for key, value in accept(data, fields, what=what).items()}
    if isinstance(values.get("budget_currency"), str):
        values["budget_currency"] = values["budget_currency"].upper()
    if values.get("budget_amount") == "":
        values["budget_amount"] = None
    for key in ("start_date", "end_date"):
        if values.get(key) == "":
            values[key] = None
    return values


# Addresses the project URLs use for themselves (networks/<slug>/projects/new/).
RESERVED_SLUGS = frozenset({"new"})


def _slug_taken(network, slug):
    return slug in RESERVED_SLUGS or Project.objects.filter(network=network, slug=slug).exists()


def _unique_slug(network, text):
    return unique_slug(text, taken=lambda slug: _slug_taken(network, slug), fallback="project")


@transaction.atomic
def project_create(*, network, data, acting_user):
    """A coordinator starts a project in the network; its address is made from the acronym or title."""
    permissions.require("create_project", acting_user, network)
    project = Project(network=network, **_project_values(data, PROJECT_CREATE_FIELDS, "project_create"))
    if project.slug:
        if _slug_taken(network, project.slug):
            raise ValidationError(
                {"slug": _("A project with the address “%(slug)s” already exists in this network.")
                 % {"slug": project.slug}}
            )  # fmt: skip
    else:
        project.slug = _unique_slug(network, project.acronym or project.title.original)
    project.full_clean()
    project.save()
    audit.record(network=network, acting_user=acting_user, action="project.created", obj=project,
                 after=audit.snapshot(project, ("title", "slug", "status", "visibility")))  # fmt: skip
    return project


@transaction.atomic
def project_update(*, project, data, acting_user):
    """Change a project's facts (not its address: links to it are printed in reports)."""
    permissions.require("edit_project", acting_user, project)
    before = audit.stored_snapshot(project, PROJECT_FIELDS)
    for key, value in _project_values(data, PROJECT_FIELDS, "project_update").items():
        setattr(project, key, value)
    project.full_clean()
    project.save()
    audit.record(network=project.network, acting_user=acting_user, action="project.updated", obj=project,
                 **audit.changes(before, project))  # fmt: skip
    return project
