"""The django-guardian grants that let the people of an addressed institution read an output.

`advocacy.view_advocacyoutput` is given to every person who works for the institution when it is
addressed (advocacy.services.institutions), and taken back when the address is removed, from those who
do not also work for another institution the output still addresses. A person who starts or stops
working for an addressed institution later gets or loses the grants through the Affiliation signals
connected in AdvocacyConfig.ready(). Object grants only, never a global permission.
"""

from django.db.models import Q
from django_scopes import scopes_disabled
from guardian.shortcuts import assign_perm, remove_perm

from advocacy.models import AddressedInstitution, AdvocacyOutput
from members.models import Affiliation, User

PERMISSION = "advocacy.view_advocacyoutput"


def _users_of(organisation_ids):
    return User.objects.filter(affiliations__organisation_id__in=organisation_ids).distinct()


def grant(output, organisation):
    """Give the view grant on `output` to everybody who works for `organisation`."""
    users = list(_users_of([organisation.pk]))
    if users:
        assign_perm(PERMISSION, users, output)


def revoke(output, organisation):
    """Take the grant back from the people of `organisation` whom no remaining address of `output` covers."""
    remaining = AddressedInstitution.objects.filter(network=output.network, output=output).exclude(
        organisation=organisation
    )
    covered = set(
        Affiliation.objects.filter(organisation_id__in=remaining.values("organisation_id")).values_list(
            "user_id", flat=True
        )
    )
    for user in _users_of([organisation.pk]):
        if user.pk not in covered:
            remove_perm(PERMISSION, user, output)


def _addressed_outputs(organisation_ids):
    """Outputs of every network addressed to these organisations: a read across networks on purpose
    (an institution's people may belong to no network at all)."""
    with scopes_disabled():
        return list(AdvocacyOutput.objects.filter(addresses__organisation_id__in=organisation_ids).distinct())


def organisation_merged(sender, record_id, into, **kwargs):
    """projects.services.organisations.organisation_merge moved a typed-in record's addresses to `into`
    (with update(): no signal): `into`'s people get the grants of every output now addressed to it. The
    record had no people of its own (the merge refuses one that has), so nobody loses a grant."""
    for output in _addressed_outputs([into.pk]):
        grant(output, into)


def affiliation_saved(sender, instance, created, **kwargs):
    if created:
        for output in _addressed_outputs([instance.organisation_id]):
            assign_perm(PERMISSION, instance.user, output)


def affiliation_deleted(sender, instance, **kwargs):
    still = set(
        Affiliation.objects.filter(user_id=instance.user_id)
        .exclude(Q(pk=instance.pk) | Q(organisation_id=instance.organisation_id))
        .values_list("organisation_id", flat=True)
    )
    covered = {output.pk for output in _addressed_outputs(still)} if still else set()
    user = User.objects.filter(pk=instance.user_id).first()
    if user is None:  # the person is being deleted: their grants go with them
        return
    for output in _addressed_outputs([instance.organisation_id]):
        if output.pk not in covered:
            remove_perm(PERMISSION, user, output)
