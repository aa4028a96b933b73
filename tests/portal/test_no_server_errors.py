"""Hostile input never gets a 500: every answer to a NUL byte, a superscript digit, an over-long value or
a malformed address is a 4xx (or the form again, with its error), on PostgreSQL as on SQLite.

PostgreSQL refuses what SQLite lets through: NUL in any text ("A string literal cannot contain NUL"),
a value longer than its column (an e-mail of 255–320 characters passes Django's EmailValidator, whose
limit is 320, but the columns hold 254). So the cases below only fail on SQLite where the answer itself
is wrong (the address was saved, the route matched); run the suite on PostgreSQL too.

The first tests are the cases once found answering 500. The fuzz below them walks every URL pattern
(as tests/portal/test_cross_tenant.py does, with its objects and kwargs) and every form those pages
show, with hostile values in the path, the query string and each field.
"""

from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve, reverse
from django_scopes import scope, scopes_disabled

from members.models import ColleagueInvitation, User
from members.services import colleague_invite
from network.models import Invitation, Role
from network.services.invitations import invitation_create
from tests.factories import ActivityFactory, AffiliationFactory, NetworkFactory, ProjectFactory, person_in
from tests.portal.test_cross_tenant import all_routes, tenants, url_kwargs  # noqa: F401  (tenants: a fixture)

pytestmark = pytest.mark.django_db


def _email(length):
    """A syntactically valid address of exactly `length` characters (Django's validator takes up to 320)."""
    local, tld = "a" * 64, ".org"
    labels, left = [], length - len(local) - 1 - len(tld)
    while left > 0:
        label = min(63, left - 1 if left > 64 else left)
        labels.append("b" * label)
        left -= label + 1
    address = f"{local}@{'.'.join(labels)}{tld}"
    assert len(address) == length, (len(address), length)
    return address


LONG_EMAIL = _email(300)  # over the 254 of every e-mail column, under the 320 of the validator
TOO_LONG_EMAIL = _email(321)  # over the validator's limit too


def _no_raise(client):
    client.raise_request_exception = False  # a 500 is an answer to look at, not an exception in the test
    return client


# --- the cases found -------------------------------------------------------------------------------------


@pytest.mark.parametrize("focus", ["activity-²", "activity-1²", "activity-٣"])
def test_a_focus_id_of_unicode_digits_is_ignored(client, focus):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    project = ProjectFactory(network=network)
    with scopes_disabled():
        ActivityFactory(component__project=project, component__network=network, network=network, position=1)
    client.force_login(coordinator)
    url = reverse(
        "projects:edit_page", kwargs={"network_slug": network.slug, "project_slug": project.slug, "page": "logframe"}
    )

    assert _no_raise(client).get(url, {"focus": focus}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/invitations/\x00/", "/colleague-invitations/\x00/", "/api/v1/networks/\x00/", "/invitations/²/"]
)
def test_a_nul_byte_where_a_token_or_slug_goes_matches_no_route(client, path):
    with pytest.raises(Resolver404):
        resolve(path)
    assert _no_raise(client).get(quote(path)).status_code == 404


def test_a_real_token_still_matches():
    with scopes_disabled():
        network = NetworkFactory()
        invitation = Invitation.objects.create(network=network, email="a@example.org", role=Role.MEMBER)
    assert resolve(f"/invitations/{invitation.token}/").kwargs == {"token": invitation.token}


@pytest.mark.parametrize("email", [LONG_EMAIL, TOO_LONG_EMAIL])
def test_an_over_long_address_is_refused_by_the_network_invitation_form(client, email):
    network = NetworkFactory()
    client.force_login(person_in(network, Role.COORDINATOR))

    response = _no_raise(client).post(
        reverse("network:invite", kwargs={"network_slug": network.slug}), {"email": email, "role": Role.MEMBER}
    )

    assert response.status_code == 200
    assert response.context["invitation_form"].errors["email"]
    with scopes_disabled():
        assert not Invitation.objects.exists()


def test_an_over_long_address_is_refused_by_the_invitation_service():
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    with scope(network=network), pytest.raises(ValidationError) as error:
        invitation_create(network=network, email=LONG_EMAIL, role=Role.MEMBER, acting_user=coordinator)
    assert error.value.message_dict["email"]
    with scopes_disabled():
        assert not Invitation.objects.exists()


@pytest.mark.parametrize("email", [LONG_EMAIL, TOO_LONG_EMAIL])
def test_an_over_long_address_is_refused_by_the_colleague_invitation_form(client, email):
    affiliation = AffiliationFactory(is_admin=True)
    client.force_login(affiliation.user)

    response = _no_raise(client).post(
        reverse("members:people", kwargs={"pk": affiliation.organisation.pk}), {"email": email}
    )

    assert response.status_code == 200
    assert not ColleagueInvitation.objects.exists()


def test_an_over_long_address_is_refused_by_the_colleague_invitation_service():
    affiliation = AffiliationFactory(is_admin=True)
    with pytest.raises(ValidationError) as error:
        colleague_invite(organisation=affiliation.organisation, email=LONG_EMAIL, acting_user=affiliation.user)
    assert error.value.message_dict["email"]
    assert not ColleagueInvitation.objects.exists()


PASSWORD = "a long enough pass phrase"


@pytest.mark.parametrize("email", [LONG_EMAIL, TOO_LONG_EMAIL])
def test_an_over_long_address_is_refused_at_sign_up(client, email):
    response = _no_raise(client).post(
        reverse("account_signup"),
        {"email": email, "full_name": "Ada", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not User.objects.exists()
