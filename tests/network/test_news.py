"""News posts: services, forms, pages with share links, permissions and query counts."""

import datetime
import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from network.forms import NewsPostForm
from network.models import ContentVisibility, Network, NewsPost, PartnershipAgreement, Role
from network.services.news import news_post_create, news_post_delete, news_post_update
from tests.factories import AffiliationFactory, AgreementFactory, NetworkFactory, NewsPostFactory, person_in
from tests.pages import network_url, query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(slug="podkarpackie")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR)


@pytest.fixture
def member(network):
    return person_in(network, Role.MEMBER)


@pytest.fixture
def observer(network):
    return person_in(network, Role.OBSERVER)


@pytest.fixture
def outsider():
    return AffiliationFactory().user


def _post_count():
    with scopes_disabled():
        return NewsPost.objects.count()


def _data(**overrides):
    return {
        "title": "Partnerstwo nawiązane",
        "published_on": datetime.date(2020, 12, 15),
        "body": "Upowszechnianie i wdrażanie ZSK.\n\nPartnerstwo podpisano 8 grudnia 2020 r. w Rzeszowie.",
        **overrides,
    }


# --- services -------------------------------------------------------------------------------------


def test_a_coordinator_publishes_a_post_about_an_agreement_with_a_link_to_a_network_page(network, coordinator):
    agreement = AgreementFactory(network=network)
    link = network_url("agreements", network)

    post = news_post_create(
        network=network,
        data=_data(agreement=agreement, link_path=link, link_label="Wszystkie porozumienia"),
        acting_user=coordinator,
    )

    assert post.network == network and post.created_by == coordinator
    assert post.agreement == agreement
    assert post.link_path == link
    assert post.visibility == ContentVisibility.PUBLIC


def test_an_address_of_this_site_is_shortened_to_its_path(network, coordinator, settings):
    settings.SITE_URL = "https://partnera.example.org"
    path = network_url("agreements", network)

    post = news_post_create(
        network=network, data=_data(link_path=f"https://partnera.example.org{path}?page=2"), acting_user=coordinator
    )

    assert post.link_path == f"{path}?page=2"


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("https://evil.example.com/networks/podkarpackie/agreements/", "Link only to pages of this site."),
        ("//evil.example.com/networks/podkarpackie/", "Link only to pages of this site."),
        ("/networks/another-network/agreements/", "starts with /networks/podkarpackie/"),
        ("/networks/podkarpackie/no-such-page/", "There is no such page in this network."),
        ("javascript:alert(1)", "Link only to pages of this site."),
        ("http://[::1", "This is not a valid address."),  # urlsplit raises ValueError
        ("/networks/podkarpackie/\x00/", "There is no such page in this network."),
    ],
)
def test_links_outside_the_network_are_refused_on_the_field_and_nothing_is_saved(network, coordinator, link, message):
    with pytest.raises(ValidationError) as error:
        news_post_create(network=network, data=_data(link_path=link), acting_user=coordinator)

    assert message in error.value.message_dict["link_path"][0]
    assert _post_count() == 0


def test_a_post_cannot_point_to_another_networks_agreement(network, coordinator):
    elsewhere = AgreementFactory(network=NetworkFactory())

    with pytest.raises(ValidationError) as error:
        news_post_create(network=network, data=_data(agreement=elsewhere), acting_user=coordinator)

    assert "agreement" in error.value.message_dict
    assert _post_count() == 0


def test_a_link_text_without_a_link_is_dropped(network, coordinator):
    post = news_post_create(network=network, data=_data(link_label="Projekt"), acting_user=coordinator)

    assert post.link_label == ""


def test_only_coordinators_write_edit_and_delete_news(network, coordinator, member, observer, outsider):
    post = NewsPostFactory(network=network)
    for user in (member, observer, outsider):
        with pytest.raises(PermissionDenied):
            news_post_create(network=network, data=_data(), acting_user=user)
        with pytest.raises(PermissionDenied), scope(network=network):
            news_post_update(post=post, data={"title": "x"}, acting_user=user)
        with pytest.raises(PermissionDenied), scope(network=network):
            news_post_delete(post=post, acting_user=user)
    assert _post_count() == 1

    with scope(network=network):
        news_post_update(post=post, data={"title": "Nowy tytuł"}, acting_user=coordinator)
        post.refresh_from_db()
        assert post.title == "Nowy tytuł"


# --- forms --------------------------------------------------------------------------------------------


def test_the_form_offers_only_this_networks_agreements(network):
    mine = AgreementFactory(network=network)
    theirs = AgreementFactory(network=NetworkFactory())
    with scope(network=network):
        agreements = PartnershipAgreement.objects.filter(network=network)
        form = NewsPostForm(
            {"title": "t", "published_on": "2021-01-01", "body": "b", "visibility": "public", "agreement": theirs.pk},
            agreements=agreements,
        )
        assert not form.is_valid()
        assert "agreement" in form.errors
        assert [choice for choice, _label in form.fields["agreement"].choices][1].value == mine.pk


def test_the_form_needs_a_title_and_a_text():
    form = NewsPostForm({"published_on": "2021-01-01", "visibility": "public"}, agreements=NewsPost.objects.none())

    assert not form.is_valid()
    assert set(form.errors) == {"title", "body"}


# --- pages --------------------------------------------------------------------------------------------


def test_a_coordinator_writes_a_post_in_the_browser(client, network, coordinator):
    client.force_login(coordinator)
    assert client.get(network_url("news_create", network)).status_code == 200

    response = client.post(
        network_url("news_create", network),
        {"title": "Partnerstwo nawiązane", "published_on": "2020-12-15", "body": "Tekst.", "visibility": "public"},
    )

    with scope(network=network):
        post = NewsPost.objects.get()
    assert response["Location"] == network_url("news_post", network, post_id=post.pk)
    assert post.published_on == datetime.date(2020, 12, 15)


def test_a_link_outside_the_network_comes_back_with_the_message_on_the_field(client, network, coordinator):
    client.force_login(coordinator)

    response = client.post(
        network_url("news_create", network),
        {
            "title": "t",
            "published_on": "2020-12-15",
            "body": "b",
            "visibility": "public",
            "link_path": "https://evil.example.com/",
        },
    )

    assert response.status_code == 200
    assert 'id="id_link_path_error"' in response.content.decode()
    assert _post_count() == 0


def test_the_post_page_shows_plain_text_paragraphs_and_escapes_markup(client, network):
    post = NewsPostFactory(
        network=network,
        title="Partnerstwo nawiązane",
        body="Pierwszy akapit.\n\n<script>alert('x')</script> <b>bold</b>\nhttps://ibe.edu.pl",
    )

    html = client.get(network_url("news_post", network, post_id=post.pk)).content.decode()

    assert "<p>Pierwszy akapit.</p>" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html
    assert '<a href="https://ibe.edu.pl" rel="nofollow">https://ibe.edu.pl</a>' in html


def test_a_public_post_has_share_links_with_its_absolute_address_and_no_third_party_script(client, network):
    post = NewsPostFactory(network=network, title="Partnerstwo & współpraca")

    html = client.get(network_url("news_post", network, post_id=post.pk)).content.decode()

    address = quote(settings.SITE_URL.rstrip("/") + network_url("news_post", network, post_id=post.pk), safe="")
    title = quote("Partnerstwo & współpraca", safe="")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={address}"' in html
    assert f'href="https://x.com/intent/tweet?url={address}&amp;text={title}"' in html
    assert f'href="https://www.linkedin.com/sharing/share-offsite/?url={address}"' in html
    assert f'href="mailto:?subject={title}&amp;body={address}"' in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(
        re.search(r'src="/static/', tag) for tag in scripts
    )  # our own files only (none here: no htmx on this page)


def test_a_members_only_post_has_no_share_links(client, network, member):
    post = NewsPostFactory(network=network, visibility=ContentVisibility.MEMBERS)
    client.force_login(member)

    html = client.get(network_url("news_post", network, post_id=post.pk)).content.decode()

    assert "sharer.php" not in html
    assert "Members only" in html  # a status pill: first letter capital, as every pill


def test_a_public_post_about_a_members_only_agreement_does_not_reveal_it(client, network, member):
    agreement = AgreementFactory(network=network, title="Internal agreement", visibility=ContentVisibility.MEMBERS)
    post = NewsPostFactory(network=network, agreement=agreement)
    url = network_url("news_post", network, post_id=post.pk)

    assert "Internal agreement" not in client.get(url).content.decode()
    client.force_login(member)
    assert "Internal agreement" in client.get(url).content.decode()


def test_the_news_list_and_network_page_show_members_only_posts_to_members_only(
    client, network, member, observer, outsider
):
    NewsPostFactory(network=network, title="Public news")
    NewsPostFactory(network=network, title="Internal news", visibility=ContentVisibility.MEMBERS)
    for user, sees_internal in ((None, False), (outsider, False), (observer, True), (member, True)):
        client.logout()
        if user:
            client.force_login(user)
        for page in ("news", "detail"):
            html = client.get(network_url(page, network)).content.decode()
            assert "Public news" in html
            assert ("Internal news" in html) is sees_internal, (user, page)


def test_the_news_list_is_paginated_newest_first(client, network):
    for day in range(1, 26):
        NewsPostFactory(network=network, title=f"Post of day {day:02}", published_on=datetime.date(2021, 1, day))

    first = client.get(network_url("news", network)).content.decode()
    second = client.get(network_url("news", network) + "?page=2").content.decode()

    assert "Post of day 25" in first and "Post of day 06" in first and "Post of day 05" not in first
    assert "Post of day 05" in second and "Post of day 01" in second
    assert "Page 2 of 2" in second


def test_deleting_a_post_needs_the_confirmation_box(client, network, coordinator):
    post = NewsPostFactory(network=network)
    client.force_login(coordinator)
    url = network_url("news_delete", network, post_id=post.pk)

    client.post(url)
    assert _post_count() == 1
    assert client.post(url, {"confirm": "on"})["Location"] == network_url("news", network)
    assert _post_count() == 0


# --- permissions: role × action × expected status -------------------------------------------------

ANON, OUT, OBS, MEM, COORD = "anonymous", "outsider", "observer", "member", "coordinator"
PERMISSION_TABLE = [
    # (method, url name, on a members-only post?, expected status per role)
    ("get", "news", False, {ANON: 200, OUT: 200, OBS: 200, MEM: 200, COORD: 200}),
    ("get", "news_post", False, {ANON: 200, OUT: 200, OBS: 200, MEM: 200, COORD: 200}),
    ("get", "news_post", True, {ANON: 302, OUT: 404, OBS: 200, MEM: 200, COORD: 200}),
    ("get", "news_create", False, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 200}),
    ("get", "news_edit", False, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 200}),
    ("get", "news_edit", True, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 200}),
    ("post", "news_delete", False, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 302}),
]


@pytest.fixture
def people(coordinator, member, observer, outsider):
    return {ANON: None, OUT: outsider, OBS: observer, MEM: member, COORD: coordinator}


@pytest.mark.parametrize(("method", "name", "private", "expected"), PERMISSION_TABLE)
@pytest.mark.parametrize("role", [ANON, OUT, OBS, MEM, COORD])
def test_permissions(client, network, people, method, name, private, expected, role):
    post = NewsPostFactory(
        network=network, visibility=ContentVisibility.MEMBERS if private else ContentVisibility.PUBLIC
    )
    kwargs = {} if name in ("news", "news_create") else {"post_id": post.pk}
    if people[role] is not None:
        client.force_login(people[role])

    response = getattr(client, method)(
        network_url(name, network, **kwargs), {"confirm": "on"} if method == "post" else {}
    )

    assert response.status_code == expected[role]
    if expected[role] == 302 and role == ANON:
        assert response["Location"].startswith(reverse("account_login"))


def test_another_networks_post_is_a_404_even_for_a_coordinator(client, network, coordinator):
    elsewhere = NewsPostFactory(network=NetworkFactory())
    client.force_login(coordinator)

    for name in ("news_post", "news_edit"):
        assert client.get(network_url(name, network, post_id=elsewhere.pk)).status_code == 404


def test_a_private_networks_news_is_hidden_from_visitors(client):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    post = NewsPostFactory(network=private)

    assert client.get(network_url("news", private)).status_code == 404
    assert client.get(network_url("news_post", private, post_id=post.pk)).status_code == 404


# --- query counts ---------------------------------------------------------------------------------


def _add_posts(network, count):
    for i in range(count):
        NewsPostFactory(network=network, agreement=AgreementFactory(network=network) if i % 2 else None)


def test_the_news_list_costs_the_same_queries_for_two_and_for_nine_posts(client, network, member):
    client.force_login(member)
    _add_posts(network, 2)
    few = query_count(client, network_url("news", network))
    _add_posts(network, 7)
    many = query_count(client, network_url("news", network))

    assert few == many
    assert many <= 6  # session, user, network, role, count (pagination), posts with their agreements
