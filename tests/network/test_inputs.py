"""network: each service takes the fields it declares and refuses any other key (the agreement import:
by where it is in the dict); each form's fields are the ones its service declares."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django_scopes import scope, scopes_disabled

from members.models import Affiliation, Organisation
from network.forms import AgreementForm, NetworkForm, NewsPostForm
from network.models import (
    AgreementArea,
    AgreementParty,
    AgreementSignatory,
    Membership,
    Network,
    NetworkObjective,
    NewsPost,
    PartnershipAgreement,
    Role,
)
from network.services.agreements import (
    AGREEMENT_FIELDS,
    agreement_create,
    agreement_import,
    agreement_update,
)
from network.services.invitations import invitation_accept
from network.services.networks import NETWORK_CREATE_FIELDS, NETWORK_FIELDS, network_create, network_update
from network.services.news import NEWS_FIELDS, news_post_create, news_post_update
from portal.inputs import UnknownInput
from tests.factories import (
    AffiliationFactory,
    AgreementFactory,
    InvitationFactory,
    NetworkFactory,
    NewsPostFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Podkarpackie partnerstwo", slug="podkarpackie")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Instytut Badań Edukacyjnych", acronym="IBE")


@pytest.fixture
def member(network):
    return person_in(network, Role.MEMBER, name="Kuratorium Oświaty w Rzeszowie", acronym="")


def _org(user):
    return user.affiliations.get().organisation


def _agreement_counts():
    with scopes_disabled():
        return tuple(
            m.objects.count() for m in (PartnershipAgreement, AgreementParty, AgreementSignatory, AgreementArea)
        )


AGREEMENT = {"title": "Porozumienie o partnerstwie", "signed_on": datetime.date(2020, 12, 8)}


def _parties(coordinator, member):
    return [{"organisation": _org(coordinator), "role": "Lider"}, {"organisation": _org(member), "role": "Partner"}]


# --- the forms show what the services take ------------------------------------------------------------


def test_the_network_form_shows_the_network_fields_and_its_objectives_and_tasks_apart():
    assert tuple(NetworkForm._meta.fields) == NETWORK_FIELDS
    # The logo is an upload the service takes apart (logo=, remove_logo=), checked by portal.uploads.
    assert tuple(NetworkForm.base_fields) == (*NETWORK_FIELDS, "objectives", "tasks", "logo", "remove_logo")
    assert set(NETWORK_CREATE_FIELDS) - set(NETWORK_FIELDS) == {"slug"}  # made by the service, not typed


def test_the_agreement_form_shows_the_agreement_fields_and_its_areas_apart():
    assert tuple(AgreementForm._meta.fields) == AGREEMENT_FIELDS
    assert tuple(AgreementForm.base_fields) == (*AGREEMENT_FIELDS, "areas")


def test_the_news_form_shows_the_news_fields():
    assert tuple(NewsPostForm._meta.fields) == NEWS_FIELDS
    assert tuple(NewsPostForm.base_fields) == NEWS_FIELDS


# --- networks ---------------------------------------------------------------------------------------


def test_network_create_refuses_an_unknown_key_and_saves_nothing():
    founder = AffiliationFactory(is_admin=True).user
    networks = Network.objects.count()
    # Objectives and tasks are arguments of their own; inside `data` they are refused, not dropped.
    with pytest.raises(UnknownInput, match="network_create does not accept 'objectives', 'tasks'"):
        network_create(
            data={"name": "Western Balkans VET Platform", "objectives": ["One"], "tasks": ["Two"]},
            organisation=_org(founder), acting_user=founder,
        )  # fmt: skip
    assert Network.objects.count() == networks
    with scopes_disabled():
        assert not Membership.objects.filter(organisation=_org(founder)).exists()


def test_network_update_refuses_an_unknown_key_or_a_new_address_and_changes_nothing(network, coordinator):
    with scope(network=network):
        network_update(network=network, data={}, acting_user=coordinator, objectives=["Kept"])
        for key in ("slug", "colur"):
            with pytest.raises(UnknownInput, match=f"network_update does not accept '{key}'"):
                network_update(
                    network=network, data={"name": "Renamed", key: "x"}, acting_user=coordinator,
                    objectives=["Replaced"],
                )  # fmt: skip
        texts = list(NetworkObjective.objects.filter(network=network).values_list("text", flat=True))
    network.refresh_from_db()
    assert (network.name, network.slug, texts) == ("Podkarpackie partnerstwo", "podkarpackie", ["Kept"])


# --- agreements -------------------------------------------------------------------------------------


def test_agreement_create_refuses_an_unknown_key_and_saves_nothing(network, coordinator, member, in_scope):
    with pytest.raises(UnknownInput, match="agreement_create does not accept 'areas'"):
        agreement_create(
            network=network, data={**AGREEMENT, "areas": ["Jedno"]}, parties=_parties(coordinator, member),
            acting_user=coordinator,
        )  # fmt: skip
    assert _agreement_counts() == (0, 0, 0, 0)


def test_agreement_update_refuses_an_unknown_key_and_changes_nothing(network, coordinator, member, in_scope):
    agreement = agreement_create(
        network=network, data=AGREEMENT, parties=_parties(coordinator, member), areas=["Jedno"],
        acting_user=coordinator,
    )  # fmt: skip
    with pytest.raises(UnknownInput, match="agreement_update does not accept 'signed_at'"):
        agreement_update(
            agreement=agreement, data={"signed_in": "Rzeszów", "signed_at": "Rzeszów"},
            parties=_parties(coordinator, member), signatories=(),
            areas=["Jedno", "Dwa"], acting_user=coordinator,
        )  # fmt: skip
    agreement.refresh_from_db()
    assert (agreement.signed_in, _agreement_counts()) == ("", (1, 2, 0, 1))


def test_an_import_with_unknown_keys_names_each_where_it_is_and_saves_nothing(network, coordinator, member, in_scope):
    data = {
        **AGREEMENT,
        "signed_at": "Rzeszów",
        "parties": [
            {"organisation": "IBE", "role": "Lider"},
            {"organization": "Kuratorium Oświaty w Rzeszowie", "organisation": "Kuratorium Oświaty w Rzeszowie"},
        ],
        "signatories": [{"name": "Wiesław Pałka", "title": "Prezes", "function": "Prezes", "org": "IBE"}],
        "areas": ["Jedno"],
    }

    with pytest.raises(ValidationError) as caught:
        agreement_import(network=network, data=data, acting_user=coordinator)

    assert caught.value.message_dict == {
        NON_FIELD_ERRORS: ["Unknown field “signed_at”."],
        "parties[1]": ["Unknown field “organization”."],
        "signatories[0]": ["Unknown field “function”.", "Unknown field “org”."],
    }
    assert _agreement_counts() == (0, 0, 0, 0)


def test_importing_again_with_an_unknown_key_leaves_the_agreement_as_it_was(network, coordinator, member, in_scope):
    parties = [{"organisation": "IBE", "role": "Lider"}, {"organisation": "Kuratorium Oświaty w Rzeszowie"}]
    agreement = agreement_import(network=network, data={**AGREEMENT, "parties": parties}, acting_user=coordinator)
    with pytest.raises(ValidationError) as caught:
        agreement_import(
            network=network, data={**AGREEMENT, "parties": parties, "signed_in": "Rzeszów", "area": ["Jedno"]},
            acting_user=coordinator,
        )  # fmt: skip
    assert caught.value.message_dict == {NON_FIELD_ERRORS: ["Unknown field “area”."]}
    agreement.refresh_from_db()
    assert (agreement.signed_in, _agreement_counts()) == ("", (1, 2, 0, 0))


# --- news -------------------------------------------------------------------------------------------


def test_news_post_create_refuses_an_unknown_key_and_saves_nothing(network, coordinator, in_scope):
    agreement = AgreementFactory(network=network)
    with pytest.raises(UnknownInput, match="news_post_create does not accept 'agreement_id'"):
        news_post_create(
            network=network, acting_user=coordinator,
            data={"title": "Partnerstwo nawiązane", "body": "Tak.", "agreement_id": agreement.pk},
        )  # fmt: skip
    with scopes_disabled():
        assert not NewsPost.objects.exists()


def test_news_post_update_refuses_an_unknown_key_and_changes_nothing(network, coordinator, in_scope):
    post = NewsPostFactory(network=network, title="Partnerstwo nawiązane", created_by=coordinator)
    with pytest.raises(UnknownInput, match="news_post_update does not accept 'text'"):
        news_post_update(post=post, data={"title": "Zmienione", "text": "Nowe"}, acting_user=coordinator)
    post.refresh_from_db()
    assert post.title == "Partnerstwo nawiązane"


# --- invitations: a new organisation is described by the organisation fields ---------------------------


def test_accepting_with_a_new_organisation_refuses_an_unknown_key_and_saves_nothing(network):
    newcomer = UserFactory()
    invitation = InvitationFactory(network=network, email=newcomer.email)
    with scope(network=network), pytest.raises(UnknownInput, match="organisation_register does not accept 'role'"):
        invitation_accept(
            invitation=invitation, token=invitation.token, acting_user=newcomer,
            new_organisation={"name": "New NGO", "kind": "ngo", "role": "coordinator"},
        )  # fmt: skip
    assert not Organisation.objects.filter(name="New NGO").exists()
    assert not Affiliation.objects.filter(user=newcomer).exists()
    invitation.refresh_from_db()
    assert invitation.is_open
