"""Background exports of the activity log (projects.models.EntryExport): asked for here, built by
projects.tasks.export_entries."""

from django.db import transaction

from portal import permissions
from projects import tasks
from projects.models import EntryExport


@transaction.atomic
def entry_export_request(*, network, acting_user, filters):
    """Queue an XLSX export of the list as `acting_user` sees it, filtered by `filters` (the list's URL
    parameters, {name: [values]}); the job e-mails them the link when it is ready."""
    permissions.require("export_entries", acting_user, network)
    export = EntryExport.objects.create(network=network, requested_by=acting_user, filters=filters)
    tasks.export_entries.delay(network=network.pk, export_id=export.pk)
    return export
