"""Claiming the organisation records a network typed in: organisation_merge.

A coordinator who names a partner Partnera's network does not know yet creates a record of that network's
own (Organisation.created_in_network_id). When the organisation itself is on Partnera, its record and
the typed-in one are merged: every project row, membership or agreement that names the typed-in record
names the real one instead, and the typed-in record goes. It lives here, at the top layer, because it
re-points rows of every app.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils.translation import gettext as _
from simple_history.models import HistoricalChanges

from members.models import Organisation
from network.models import Network
from portal import permissions
from projects import figures, tasks
from projects.models import ActivityEntry

# Sent inside the merge's transaction once every row names `into` (the updates send no post_save): apps
# above this one that derive something from those rows redo it (advocacy: its addressed institutions'
# view grants). Arguments: record_id, into.
organisation_merged = Signal()


def may_merge_organisation(user, *, record, into):
    """Staff; or someone who both administers `into` and coordinates the network that typed `record` in.

    Both sides must agree in one person: an organisation's admin alone could take over any network's
    partner rows by naming them, and a coordinator alone could hand their rows to an organisation they
    do not speak for.
    """
    if user.is_staff:
        return True
    network = Network.objects.filter(pk=record.created_in_network_id).first()
    return (
        network is not None
        and permissions.check("manage_organisation", user, into)
        and permissions.check("manage_members", user, network)
    )


def _references():
    """Every foreign key to Organisation, hidden ones (funding links, sites) included; history rows keep
    what they recorded."""
    for relation in Organisation._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and relation.one_to_many:
            if not issubclass(relation.related_model, HistoricalChanges):
                yield relation.related_model, relation.field.name


@transaction.atomic
def organisation_merge(*, record, into, acting_user):
    """Fold the typed-in `record` into the organisation `into`; returns `into`. Nothing changes on refusal."""
    if not may_merge_organisation(acting_user, record=record, into=into):
        raise PermissionDenied
    record = Organisation.objects.select_for_update().get(pk=record.pk)
    if record.created_in_network_id is None:
        raise ValidationError(_("%(org)s has its own profile; only a record a network typed in can be merged.")
                              % {"org": record})  # fmt: skip
    if record.pk == into.pk:
        raise ValidationError(_("An organisation cannot be merged into itself."))
    if record.affiliations.exists():
        raise ValidationError(_("%(org)s has people of its own; it is not a typed-in record.") % {"org": record})
    # The updates send no signal: the activity log's kept figures and search documents are told here.
    entries = ActivityEntry._base_manager.filter(Q(organisation=record) | Q(partners=record)).order_by()
    networks = set(entries.values_list("network_id", flat=True).distinct())
    logged_in = set(entries.filter(organisation=record).values_list("network_id", flat=True).distinct())
    try:
        with transaction.atomic():  # a savepoint; _base_manager is unscoped: rows of any network
            for model, field in _references():
                model._base_manager.filter(**{field: record}).update(**{field: into})
            record.delete()
            figures.log_changed(networks)
            organisation_merged.send(sender=Organisation, record_id=record.pk, into=into)
    except IntegrityError:
        raise ValidationError(
            _("%(into)s already holds the same place (a project role, a membership) as %(org)s. Remove one of the "
              "two rows first.") % {"into": into, "org": record}
        ) from None  # fmt: skip
    for network_id in logged_in:  # the entries it logged are found by `into`'s name now (after the commit)
        tasks.refresh_organisation_documents.delay(network=network_id, organisation_id=into.pk)
    return into
