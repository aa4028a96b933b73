"""An output's numbered recommendations: add, edit, remove (the later ones move up a number)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from advocacy.models import AddressedInstitution, AdvocacyOutput, Recommendation, Submission
from advocacy.services.common import pk_of, record
from portal import audit, permissions
from portal.inputs import accept

RECOMMENDATION_FIELDS = ("text", "rationale", "institution")


def _lock(output):
    return AdvocacyOutput.objects.select_for_update().get(network_id=output.network_id, pk=output.pk)


def _apply(recommendation, output, data, what):
    values = accept(data, RECOMMENDATION_FIELDS, what=what)
    errors = {}
    if "institution" in values:
        value = values.pop("institution")
        address = None
        if value not in (None, ""):
            address = (
                AddressedInstitution.objects.filter(network=output.network, output=output, organisation_id=pk_of(value))
                .select_related("organisation")
                .first()
            )
            if address is None:
                errors["institution"] = [
                    _("Address the recommendation to one of the institutions this output addresses.")
                ]
        recommendation.institution = address.organisation if address else None
    for key, value in values.items():
        setattr(recommendation, key, value)
    try:
        recommendation.full_clean(exclude=("network", "output", "institution", "position"))
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)
    if errors:
        raise ValidationError(errors)


def _snapshot(recommendation):
    return audit.snapshot(recommendation, ("position", *RECOMMENDATION_FIELDS))


@transaction.atomic
def recommendation_add(*, output, acting_user, data):
    """The output's next numbered recommendation."""
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    recommendation = Recommendation(network=output.network, output=output)
    _apply(recommendation, output, data, "recommendation_add")
    last = Recommendation.objects.filter(network=output.network, output=output).aggregate(last=Max("position"))
    recommendation.position = (last["last"] or 0) + 1
    recommendation.save()
    record(recommendation, acting_user, "recommendation.added", after=_snapshot(recommendation))
    return recommendation


@transaction.atomic
def recommendation_update(*, recommendation, acting_user, data):
    output = recommendation.output
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    recommendation = Recommendation.objects.get(network=output.network, output=output, pk=recommendation.pk)
    before = _snapshot(recommendation)
    _apply(recommendation, output, data, "recommendation_update")
    recommendation.save()
    record(recommendation, acting_user, "recommendation.updated", **audit.diff(before, _snapshot(recommendation)))
    return recommendation


@transaction.atomic
def recommendation_remove(*, recommendation, acting_user):
    """Remove a recommendation never submitted on its own; the ones after it move up a number."""
    output = recommendation.output
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    recommendation = Recommendation.objects.get(network=output.network, output=output, pk=recommendation.pk)
    if Submission.objects.filter(network=output.network, recommendation=recommendation).exists():
        raise ValidationError(
            _("Recommendation %(number)s has been submitted to an institution: the ledger keeps it.")
            % {"number": recommendation.position}
        )
    record(recommendation, acting_user, "recommendation.removed", before=_snapshot(recommendation))
    position = recommendation.position
    recommendation.delete()
    later = Recommendation.objects.filter(network=output.network, output=output, position__gt=position)
    for item in later.order_by("position"):
        item.position -= 1
        item.save(update_fields=["position"])
    return recommendation
