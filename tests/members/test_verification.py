"""The verified mark: an admin's confirmed address at the organisation's website, or staff's word."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from members.models import Organisation
from members.services import organisation_mark_verified, organisation_update
from members.verification import Reason, load_verification, shown_domain
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory
from tests.pages import text

pytestmark = pytest.mark.django_db


def organisation_with_admin(website, email, *, verified=True, primary=True, is_admin=True, active=True):
    """An organisation whose one person writes from `email` (confirmed or not, primary or not)."""
    organisation = OrganisationFactory(website=website)
    login = email if primary else f"{email.partition('@')[0]}@elsewhere.example"
    user = UserFactory(email=login, verified=False, is_active=active)
    if not primary:  # the primary address is elsewhere; `email` is a second, confirmed one
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=primary)
    AffiliationFactory(user=user, organisation=organisation, is_admin=is_admin)
    return Organisation.objects.get(pk=organisation.pk)  # nothing cached


def verification(website, email, **kwargs):
    return organisation_with_admin(website, email, **kwargs).verification


@pytest.mark.parametrize(
    ("website", "email", "domain"),
    [
        ("https://www.example.org/", "ana@example.org", "example.org"),  # www. stripped
        ("https://example.org/about", "ana@mail.example.org", "example.org"),  # a subdomain of the website's
        ("https://armenia.undp.org", "ana@undp.org", "undp.org"),  # the website's registrable domain
        ("https://myngo.github.io", "ana@myngo.github.io", "myngo.github.io"),  # a private suffix: github.io
        ("HTTPS://WWW.Example.ORG:8443/x", "Ana@EXAMPLE.org", "example.org"),  # case-insensitive
        ("https://www.bücher.de", "ana@xn--bcher-kva.de", "xn--bcher-kva.de"),  # IDN against its ASCII form
        ("https://xn--bcher-kva.de", "ana@BÜCHER.de", "xn--bcher-kva.de"),
    ],
)
def test_an_admin_with_a_confirmed_address_at_the_website_verifies_it(website, email, domain):
    mark = verification(website, email)
    assert (mark.verified, mark.reason, mark.domain) == (True, Reason.DOMAIN, domain)
    assert mark.explanation.startswith("Verified: an administrator's e-mail address is at ")


@pytest.mark.parametrize(
    ("website", "email", "reason"),
    [
        ("https://example.org", "ana@example.com", Reason.NO_MATCH),  # another domain
        ("https://example.org", "ana@notexample.org", Reason.NO_MATCH),  # ends with it, but is not under it
        ("https://example.org", "ana@example.org.attacker.net", Reason.NO_MATCH),
        ("https://undp.org", "ana@undр.org", Reason.NO_MATCH),  # a Cyrillic "р": another domain
        ("https://gmail.com", "ana@gmail.com", Reason.FREE_MAIL),  # anyone can have an address there
        ("https://www.yahoo.co.uk", "ana@yahoo.co.uk", Reason.FREE_MAIL),
        ("https://www.co.uk", "ana@myschool.co.uk", Reason.NO_DOMAIN),  # a public suffix: nobody owns it
        ("https://www.edu.pl", "ana@school.edu.pl", Reason.NO_DOMAIN),
        ("http://192.0.2.7/", "ana@example.org", Reason.NO_DOMAIN),
        ("https://straße.de", "ana@strasse.de", Reason.NO_DOMAIN),  # IDNA 2003 would make them one
        ("", "ana@example.org", Reason.NO_WEBSITE),
    ],
)
def test_a_website_the_address_is_not_at_does_not_verify(website, email, reason):
    mark = verification(website, email)
    assert (mark.verified, mark.reason) == (False, reason)
    assert mark.explanation.startswith("Not verified: ")


def test_only_a_confirmed_primary_address_of_an_active_admin_counts():
    site = "https://example.org"
    assert verification(site, "ana@example.org", verified=False).reason == Reason.NO_MATCH
    assert verification(site, "bob@example.org", primary=False).reason == Reason.NO_MATCH
    assert verification(site, "cem@example.org", is_admin=False).reason == Reason.NO_ADMINS  # a colleague
    assert verification(site, "dana@example.org", active=False).reason == Reason.NO_ADMINS  # a closed account

    # One colleague with the right address is enough, whoever the other admins are.
    organisation = organisation_with_admin(site, "eve@gmail.com")
    AffiliationFactory(organisation=organisation, user=UserFactory(email="fay@example.org"))
    assert Organisation.objects.get(pk=organisation.pk).verification.verified


def test_a_typed_in_partner_nobody_administers_is_not_verified():
    mark = OrganisationFactory(website="https://example.org", created_in_network_id=1).verification
    assert (mark.verified, mark.explanation) == (
        False,
        "Not verified: nobody administers this organisation on Partnera.",
    )


def test_the_explanation_names_the_domain_and_shows_an_idn_with_its_ascii_form():
    assert verification("https://www.example.org", "ana@example.org").explanation == (
        "Verified: an administrator's e-mail address is at example.org, the organisation's website."
    )
    assert verification("https://example.org", "ana@example.com").explanation == (
        "Not verified: no administrator has a confirmed e-mail address at example.org, the organisation's website."
    )
    assert shown_domain("xn--bcher-kva.de") == "bücher.de (xn--bcher-kva.de)"
    assert shown_domain("xn--und-2ed.org") == "undр.org (xn--und-2ed.org)"  # the look-alike shows as one


def test_a_list_loads_what_the_mark_reads_in_one_query(django_assert_num_queries):
    ids = [organisation_with_admin("https://example.org", f"person{i}@example.org").pk for i in range(5)]
    organisations = list(Organisation.objects.filter(pk__in=ids))
    with django_assert_num_queries(1):
        load_verification(organisations)
        assert all(o.verification.verified for o in organisations)


# --- staff's mark -----------------------------------------------------------------------------------------


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_staff_mark_an_organisation_verified_in_the_admin_and_take_it_back(client, staff):
    organisation = OrganisationFactory(name="Imaginary Funder Foundation")  # no website, no admin
    changelist = reverse("admin:members_organisation_changelist")

    response = client.post(changelist, {"action": "mark_verified", "_selected_action": [organisation.pk]}, follow=True)
    assert "1 organisation updated." in text(response)
    organisation.refresh_from_db()
    assert organisation.verified_by_staff_at is not None
    mark = organisation.verification
    assert (mark.verified, mark.reason) == (True, Reason.STAFF)
    assert mark.explanation.startswith("Verified: Partnera's staff checked this organisation on ")
    change = text(client.get(reverse("admin:members_organisation_change", args=[organisation.pk])))
    assert "Verified: Partnera's staff checked this organisation on " in change

    client.post(changelist, {"action": "unmark_verified", "_selected_action": [organisation.pk]})
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert organisation.verified_by_staff_at is None and not organisation.verification.verified


def test_the_admin_list_shows_who_is_verified_at_a_fixed_cost(client, staff):
    verified = organisation_with_admin("https://example.org", "ana@example.org")
    OrganisationFactory(name="Not checked")
    response = client.get(reverse("admin:members_organisation_changelist"))
    html = response.content.decode()
    row = re.search(rf"<tr>.*?/{verified.pk}/change/.*?</tr>", html, re.S).group(0)
    assert 'alt="True"' in row
    assert html.count('alt="False"') >= 1


def test_only_staff_may_mark(staff):
    organisation = OrganisationFactory()
    admin = AffiliationFactory(organisation=organisation).user  # its own admin may not vouch for it
    with pytest.raises(PermissionDenied):
        organisation_mark_verified(organisation=organisation, verified=True, acting_user=admin)
    assert Organisation.objects.get(pk=organisation.pk).verified_by_staff_at is None
    organisation_mark_verified(organisation=organisation, verified=True, acting_user=staff)
    assert Organisation.objects.get(pk=organisation.pk).verification.verified


def test_renaming_or_moving_the_website_clears_the_staff_mark():
    staff = UserFactory(is_staff=True)
    admin = AffiliationFactory(organisation__name="Small NGO").user
    organisation = admin.affiliations.get().organisation
    organisation = organisation_mark_verified(organisation=organisation, verified=True, acting_user=staff)

    fields = {"name": "Small NGO", "acronym": organisation.acronym, "kind": "ngo", "country": "AM", "city": "",
              "website": "", "iati_identifier": ""}  # fmt: skip
    organisation = organisation_update(
        organisation=organisation, data={**fields, "description": "We teach."}, acting_user=admin
    )
    assert organisation.verification.verified  # what staff checked did not change

    organisation = organisation_update(
        organisation=organisation, data={**fields, "name": "United Nations Development Programme"}, acting_user=admin
    )
    assert organisation.verified_by_staff_at is None and not organisation.verification.verified


# --- the organisation page ----------------------------------------------------------------------------------


def test_the_organisation_page_shows_the_mark_and_why(client):
    verified = organisation_with_admin("https://www.example.org", "ana@example.org")
    page = text(client.get(reverse("members:organisation", args=[verified.pk])))
    assert '<span class="pill pill-ok">Verified</span>' in page
    assert "Verified: an administrator's e-mail address is at example.org, the organisation's website." in page

    squatter = organisation_with_admin("https://www.undp.org", "someone@gmail.com")
    page = text(client.get(reverse("members:organisation", args=[squatter.pk])))
    assert '<span class="pill pill-warn">Not verified</span>' in page
    assert "Not verified: no administrator has a confirmed e-mail address at undp.org" in page
