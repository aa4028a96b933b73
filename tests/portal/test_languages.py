"""The interface language of a request (portal.languages, portal.middleware.LanguageMiddleware) and the
language switch (members.views.set_language): the profile's language first, then the session's, the
cookie's, then Accept-Language; the switch validates, keeps the choice and goes back only to this site."""

import re

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from portal import languages
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SWITCH = "/i18n/setlang/"


def lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def page(client, path="/networks/", **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response


# --- a first visit follows Accept-Language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("hy-AM,hy;q=0.9", "hy"),
        ("sl-SI,sl;q=0.9,en;q=0.5", "sl"),
        ("pl-PL", "pl"),
        ("sq-XK", "sq"),
        ("sq-AL,sq;q=0.9", "sq"),
        ("az-Latn-AZ", "az"),
        ("de-DE,de;q=0.9,pl;q=0.5", "pl"),  # the first one Partnera offers
        ("ja-JP,ja;q=0.9", "en"),  # none offered: English
        ("xx", "en"),
        ("", "en"),
    ],
)
def test_a_first_visit_follows_the_browser_s_languages(client, header, language):
    response = page(client, HTTP_ACCEPT_LANGUAGE=header)
    assert lang(response) == language
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]


# --- the switch ---------------------------------------------------------------------------------------------


def test_the_switch_keeps_the_choice_in_the_session_and_the_cookie(client):
    response = client.post(SWITCH, {"language": "sq", "next": "/networks/"})
    assert response.status_code == 302 and response["Location"] == "/networks/"
    assert client.session[languages.SESSION_KEY] == "sq"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sq"
    # The choice beats the browser's language.
    assert lang(page(client, HTTP_ACCEPT_LANGUAGE="pl-PL")) == "sq"


def test_the_session_s_choice_comes_before_the_cookie_s_and_the_cookie_s_before_the_browser_s(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "az"
    assert lang(page(client, HTTP_ACCEPT_LANGUAGE="pl")) == "az"
    session = client.session
    session[languages.SESSION_KEY] = "hy"
    session.save()
    assert lang(page(client, HTTP_ACCEPT_LANGUAGE="pl")) == "hy"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "not-a-language"
    session[languages.SESSION_KEY] = "xx"
    session.save()
    assert lang(page(client, HTTP_ACCEPT_LANGUAGE="pl")) == "pl"  # nothing usable chosen: the browser's


def test_a_signed_in_person_s_profile_language_comes_first(client):
    person = UserFactory(language="pl")
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sl"
    session = client.session
    session[languages.SESSION_KEY] = "sq"
    session.save()
    assert lang(page(client, HTTP_ACCEPT_LANGUAGE="hy")) == "pl"


def test_switching_while_signed_in_saves_the_language_on_the_profile(client):
    person = UserFactory()
    assert person.language == ""
    client.force_login(person)
    client.post(SWITCH, {"language": "hy", "next": "/networks/"})
    person.refresh_from_db()
    assert person.language == "hy"
    client.post(SWITCH, {"language": "sl", "next": "/networks/"})
    person.refresh_from_db()
    assert person.language == "sl"
    assert lang(page(client, HTTP_ACCEPT_LANGUAGE="pl")) == "sl"


def test_a_visitor_s_switch_saves_no_profile(client):
    person = UserFactory()
    client.post(SWITCH, {"language": "hy"})
    person.refresh_from_db()
    assert person.language == ""


@pytest.mark.parametrize("value", ["", "de", "EN", "pl-PL", "x" * 5000, "pl\x00", "<script>"])
def test_a_language_not_offered_changes_nothing_and_says_so(client, value):
    person = UserFactory(language="az")
    client.force_login(person)
    assert client.session[languages.SESSION_KEY] == "az"  # logging in brought the profile's
    response = client.post(SWITCH, {"language": value, "next": "/networks/"})
    assert response.status_code == 302 and response["Location"] == "/networks/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert client.session[languages.SESSION_KEY] == "az"
    person.refresh_from_db()
    assert person.language == "az"
    with translation.override("az"):  # in the person's language, which stays theirs
        refused = translation.gettext("That is not one of the languages Partnera offers. Choose one from the list.")
    assert refused.startswith("Bu, Partnera")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [refused]


def test_a_missing_language_field_is_a_message_too(client):
    response = client.post(SWITCH, {})
    assert response.status_code == 302 and response["Location"] == "/"
    assert len(get_messages(response.wsgi_request)) == 1


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "http://testserver\\@evil.example/"],
)
def test_the_switch_goes_back_only_to_this_site(client, next_url):
    response = client.post(SWITCH, {"language": "pl", "next": next_url})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[languages.SESSION_KEY] == "pl"  # the language is still changed


def test_without_next_the_switch_goes_back_to_the_page_it_came_from(client):
    response = client.post(SWITCH, {"language": "pl"}, HTTP_REFERER="http://testserver/networks/?page=2")
    assert response["Location"] == "http://testserver/networks/?page=2"
    response = client.post(SWITCH, {"language": "pl"}, HTTP_REFERER="https://evil.example/")
    assert response["Location"] == "/"


def test_a_get_changes_nothing(client):
    response = client.get(SWITCH, {"language": "pl", "next": "/networks/"})
    assert response.status_code == 302 and response["Location"] == "/networks/"
    assert languages.SESSION_KEY not in client.session


def test_the_switch_asks_for_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert client.post(SWITCH, {"language": "pl"}).status_code == 403


def test_the_switch_is_the_registry_s_choose_language_and_open_to_anyone(client):
    from portal import permissions

    assert reverse("set_language") == SWITCH
    assert permissions.check("choose_language", UserFactory()) is True
    from django.contrib.auth.models import AnonymousUser

    assert permissions.check("choose_language", AnonymousUser()) is True


# --- logging in -------------------------------------------------------------------------------------------


def _log_in(client, person):
    from tests.factories import PASSWORD

    return client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})


def test_logging_in_brings_the_profile_s_language(client):
    person = UserFactory(language="hy")
    client.post(SWITCH, {"language": "pl"})  # chosen as a visitor, before logging in
    response = _log_in(client, person)
    assert response.status_code == 302
    assert client.session[languages.SESSION_KEY] == "hy"
    assert lang(page(client)) == "hy"
    person.refresh_from_db()
    assert person.language == "hy"  # the profile's choice stays


def test_a_choice_made_before_logging_in_goes_on_a_profile_that_has_none(client):
    person = UserFactory()
    client.post(SWITCH, {"language": "sq"})
    _log_in(client, person)
    person.refresh_from_db()
    assert person.language == "sq"


def test_a_browser_s_language_alone_is_not_saved_as_a_choice(client):
    person = UserFactory()
    from tests.factories import PASSWORD

    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="pl")
    person.refresh_from_db()
    assert person.language == ""


# --- the account page ---------------------------------------------------------------------------------------


def test_the_account_page_offers_the_language(client):
    person = UserFactory(language="pl")
    client.force_login(person)
    html = client.get(reverse("members:account")).content.decode()
    form = html.split('id="language"')[1].split("</form>")[0]
    assert f'action="{SWITCH}"' in form
    assert f'name="next" value="{reverse("members:account")}"' in form
    polish = get_language_info("pl")["name_local"]  # "polski"
    assert f'<option value="pl" selected lang="pl">{polish}</option>' in form
    assert all(f'<option value="{code}"' in form for code, _name in settings.LANGUAGES)
    response = client.post(SWITCH, {"language": "az", "next": reverse("members:account")})
    assert response["Location"] == reverse("members:account")
    person.refresh_from_db()
    assert person.language == "az"


# --- the header's switch, with and without JavaScript -------------------------------------------------------


def test_the_header_s_switch_is_a_plain_form_with_its_button_and_loads_the_script_that_sends_it(client):
    from django.templatetags.static import static

    html = page(client, HTTP_ACCEPT_LANGUAGE="sl").content.decode()
    form = html.split('<form class="lang"')[1].split("</form>")[0]
    assert f'action="{SWITCH}"' in form and 'method="post"' in form
    assert '<button type="submit" class="small">' in form  # without JavaScript it is there
    assert '<option value="sl" lang="sl" selected>' in form
    assert f'<script src="{static("js/language.js")}" defer></script>' in html
    script = (settings.BASE_DIR / "static" / "js" / "language.js").read_text()
    assert "form.lang" in script and "hidden = true" in script and ".submit()" in script


# --- the page cache keeps pages for a session that holds only the language ----------------------------------


def test_a_visitor_who_chose_a_language_still_gets_kept_pages(settings):
    settings.PAGE_CACHE_SECONDS = 60
    visitor = Client()
    visitor.post(SWITCH, {"language": "pl", "next": "/"})
    first = visitor.get("/networks/")
    assert lang(first) == "pl" and first["X-Page-Cache"] == "miss"
    again = visitor.get("/networks/")
    assert again["X-Page-Cache"] == "hit" and lang(again) == "pl"
    # Another visitor in English is not served the Polish page.
    other = Client().get("/networks/", HTTP_ACCEPT_LANGUAGE="en")
    assert lang(other) == "en"
