"""The header's language switch in a browser: with JavaScript, choosing a language changes the page at once
and no "Change" button shows; without JavaScript it is a plain form, sent with its button. Either way the
choice is kept, and a signed-in person's goes on their profile."""

import pytest

from tests.e2e.test_browser_smoke import _watch
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_with_javascript_choosing_a_language_changes_the_page_at_once(live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-GB")
    page = context.new_page()
    problems = _watch(page)
    page.goto(f"{live_server.url}/networks/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not page.locator("form.lang button").is_visible()  # hidden by static/js/language.js

    with page.expect_navigation():
        page.select_option("#language-select", "pl")
    assert page.url == f"{live_server.url}/networks/"
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("#language-select").input_value() == "pl"

    page.goto(f"{live_server.url}/")  # kept for the next page too
    assert page.locator("html").get_attribute("lang") == "pl"
    assert problems == []  # the Content Security Policy blocked nothing
    context.close()


def test_without_javascript_the_switch_is_a_form_with_its_button(live_server, browser):
    person = UserFactory()
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", person.email)
    from tests.factories import PASSWORD

    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.goto(f"{live_server.url}/networks/")
    button = page.locator("form.lang button")
    assert button.is_visible()
    page.select_option("#language-select", "hy")
    assert page.locator("html").get_attribute("lang") == "en"  # nothing sent yet
    button.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "hy"
    person.refresh_from_db()
    assert person.language == "hy"
    context.close()
