"""Factories for every model. Tenant-owned rows are created with scopes disabled (fixtures only)."""

import factory
from allauth.account.models import EmailAddress
from django_scopes import scopes_disabled

from members.models import Affiliation, Organisation, User
from network.models import Membership, Network, Role

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = Organisation.Kind.NGO
    country = "AM"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_admin = True


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    acronym = factory.Sequence(lambda n: f"NET{n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    visibility = Network.Visibility.PUBLIC


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ACTIVE
    role = Role.MEMBER

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


def person_in(network, role=Role.MEMBER, status=Membership.Status.ACTIVE, **org_kwargs):
    """A user who administers an organisation holding `role` in `network`."""
    affiliation = AffiliationFactory(organisation=OrganisationFactory(**org_kwargs))
    MembershipFactory(network=network, organisation=affiliation.organisation, role=role, status=status)
    return affiliation.user
