"""The institutions an output is addressed to, and the guardian grants that follow them (advocacy.grants)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from advocacy import grants
from advocacy.models import AddressedInstitution, AdvocacyOutput, Recommendation
from advocacy.services.common import institution as resolve_institution
from advocacy.services.common import pk_of, record
from portal import permissions


def _lock(output):
    return AdvocacyOutput.objects.select_for_update().get(network_id=output.network_id, pk=output.pk)


@transaction.atomic
def output_address(*, output, institution, acting_user):
    """Address `output` to `institution` (a ministry, agency or local government); its people get the grant."""
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    organisation = resolve_institution(institution, "institution")
    if AddressedInstitution.objects.filter(network=output.network, output=output, organisation=organisation).exists():
        raise ValidationError(
            {"institution": _("This output is already addressed to %(name)s.") % {"name": organisation}}
        )
    address = AddressedInstitution.objects.create(network=output.network, output=output, organisation=organisation)
    grants.grant(output, organisation)
    record(output, acting_user, "output.institution_addressed", after={"institution": organisation.pk},
           object_repr=f"{output} → {organisation}")  # fmt: skip
    return address


@transaction.atomic
def output_unaddress(*, output, institution, acting_user):
    """No longer address `output` to `institution`; its people lose the grant (unless another address
    of the output covers them), effective on their next request."""
    permissions.require("edit_output", acting_user, output)
    output = _lock(output)
    addresses = AddressedInstitution.objects.filter(network=output.network, output=output)
    address = addresses.filter(organisation_id=pk_of(institution)).select_related("organisation").first()
    if address is None:
        raise ValidationError({"institution": _("This output is not addressed to that organisation.")})
    organisation = address.organisation
    positions = list(
        Recommendation.objects.filter(network=output.network, output=output, institution=organisation)
        .order_by("position")
        .values_list("position", flat=True)
    )
    if positions:
        raise ValidationError(
            {
                "institution": _(
                    "Recommendations %(numbers)s are addressed to %(name)s: address them to another institution "
                    "or to none first."
                )
                % {"numbers": ", ".join(map(str, positions)), "name": organisation}
            }
        )
    address.delete()
    grants.revoke(output, organisation)
    record(output, acting_user, "output.institution_removed", before={"institution": organisation.pk},
           object_repr=f"{output} → {organisation}")  # fmt: skip
