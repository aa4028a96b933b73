"""allauth's pages and mails in the portal's components and words, and the account page (name, password)."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from members.models import User
from tests.factories import PASSWORD, UserFactory
from tests.pages import field_error, messages, text

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Rural-schools-2025-guidance"

# One wording for the three doors: "Log in", "Sign up", "Log out" (and "logged in", "signing up"…).
BANNED = re.compile(r"\bsign(?:ed|ing|s)?[- ]?(?:in|out)\b|\bsignup\b|\blogin\b|\blogout\b", re.IGNORECASE)
# Title-case variants are wrong even where the words are right.
BANNED_CASE = re.compile(r"\bSign Up\b|\bLog In\b|\bLog Out\b")

# allauth's templates that Partnera's settings can show or send (no codes, phones, passkeys, social).
ACCOUNT_TEMPLATES = [
    *(f"account/{name}.html" for name in (
        "login", "signup", "signup_closed", "logout", "account_inactive", "email_change", "email_confirm",
        "verification_sent", "verified_email_required", "password_change", "password_set", "password_reset",
        "password_reset_done", "password_reset_from_key", "password_reset_from_key_done", "reauthenticate",
    )),
    *(f"account/messages/{name}.txt" for name in (
        "logged_in", "logged_out", "email_confirmation_sent", "email_confirmed", "email_confirmation_failed",
        "password_changed", "password_set",
    )),
    *(f"account/email/{name}_{part}.txt" for part in ("subject", "message") for name in (
        "email_confirmation", "email_confirmation_signup", "password_reset_key", "account_already_exists",
        "unknown_account", "email_changed", "password_changed",
    )),
    "account/email/base_message.txt", "account/email/base_notification.txt",
]  # fmt: skip


def _visible_words(source):
    """A template's words as readers get them: tags, variables and comments taken out."""
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", source, flags=re.S)
    source = re.sub(r"{#.*?#}", " ", source, flags=re.S)
    translated = re.findall(r"{%\s*(?:translate|trans)\s+\"([^\"]*)\"", source)
    blocks = re.findall(r"{%\s*blocktrans(?:late)?[^%]*%}(.*?){%\s*endblocktrans(?:late)?\s*%}", source, flags=re.S)
    plain = re.sub(r"{%.*?%}|{{.*?}}", " ", source, flags=re.S)
    plain = re.sub(r"<[^>]+>", " ", plain)  # markup: attributes, class names, URLs
    return " ".join([*translated, *blocks, plain])


def _template_sources():
    for name in ACCOUNT_TEMPLATES:
        try:
            template = get_template(name)
        except TemplateDoesNotExist:
            continue
        yield name, Path(template.origin.name).read_text()
    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*")):
        if path.suffix in (".html", ".txt"):
            yield str(path.relative_to(root)), path.read_text()


def test_one_wording_for_log_in_sign_up_and_log_out_in_every_page_and_mail():
    wrong = []
    for name, source in _template_sources():
        words = _visible_words(source)
        wrong += [f"{name}: {m.group(0)!r}" for m in BANNED.finditer(words)]
        wrong += [f"{name}: {m.group(0)!r}" for m in BANNED_CASE.finditer(words)]
    assert wrong == []


# --- the pages use the portal's components --------------------------------------------------------------


def test_a_failed_log_in_comes_back_with_the_error_summary_and_the_portal_layout(client):
    UserFactory(email="ana@example.org")
    response = client.post("/accounts/login/", {"login": "ana@example.org", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<header class="page-header">' in html and "<h1>Log in</h1>" in html
    assert 'class="error-summary" role="alert"' in html
    assert "The email address and/or password you specified are not correct." in text(response)
    assert 'class="site-header"' in html  # the portal's layout, not allauth's bare page


def test_sign_up_labels_the_fields_in_the_portal_words_and_without_placeholders(client):
    html = client.get("/accounts/signup/").content.decode()
    for label in ("E-mail address", "Full name", "Password", "Password again"):
        assert re.search(rf"<label for=\"id_\w+\">{label} <span class=\"req\"", html), label
    assert "placeholder=" not in html
    assert '<form method="post" action="/accounts/signup/" class="card" novalidate>' in html


def test_the_passwords_typed_stay_when_the_sign_up_form_comes_back_with_an_error(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "not-an-address", "full_name": "Ana", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    field_error(response, "email", "Enter a valid email address.")
    html = response.content.decode()
    assert re.search(rf'<input type="password" name="password1" value="{NEW_PASSWORD}"', html)
    assert re.search(rf'<input type="password" name="password2" value="{NEW_PASSWORD}"', html)


# --- e-mails name the portal; confirming is one button ----------------------------------------------------


def test_the_confirmation_mail_names_the_portal_not_the_host(client, mailoutbox):
    client.post(
        "/accounts/signup/",
        {"email": "ana@example.org", "full_name": "Ana", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (mail,) = mailoutbox
    assert mail.subject == "[Partnera] Confirm your e-mail address"
    assert "on Partnera" in mail.body and settings.SITE_URL in mail.body
    assert "Hello from" not in mail.body
    # The host appears only in the link itself (allauth builds it from the request, like every page).
    for line in mail.body.splitlines():
        assert "testserver" not in line or line.startswith("http://testserver/accounts/confirm-email/"), line


def test_the_password_reset_mail_names_the_portal(client, mailoutbox):
    UserFactory(email="ana@example.org")
    client.post("/accounts/password/reset/", {"email": "ana@example.org"})
    (mail,) = mailoutbox
    assert mail.subject == "[Partnera] Choose a new password"
    assert "your Partnera account" in mail.body and settings.SITE_URL in mail.body
    assert "testserver!" not in mail.body and "Hello from" not in mail.body


def test_the_link_opens_a_page_with_one_button_that_confirms_and_logs_in(client, mailoutbox):
    client.post(
        "/accounts/signup/",
        {"email": "vardan@example.org", "full_name": "Ana", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+)", mailoutbox[0].body).group(1)
    page = client.get(link)
    html = page.content.decode()
    # Opening the link (as a mail scanner does) confirms nothing.
    assert not EmailAddress.objects.get(email="vardan@example.org").verified
    assert html.count("<form") == 2  # the page's one form, and the header's language switch
    assert re.search(r'<button type="submit">Confirm vardan@example.org</button>', html)
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="vardan@example.org").verified
    assert client.get("/account/").status_code == 200  # logged in by the one click


# --- the account page -------------------------------------------------------------------------------------


@pytest.fixture
def person(client):
    person = UserFactory(email="ana@example.org", full_name="Ana Petrosyan")
    client.force_login(person)
    return person


def test_the_header_links_the_account_page_which_shows_name_and_password(client, person):
    home = client.get("/").content.decode()
    assert '<a href="/account/">Account</a>' in home
    html = client.get("/account/").content.decode()
    assert 'name="full_name" value="Ana Petrosyan"' in html
    assert 'action="/accounts/password/change/"' in html and 'name="oldpassword"' in html
    assert 'aria-current="page">Name and password</a>' in html and 'href="/accounts/email/"' in html


def test_a_person_changes_their_name(client, person):
    response = client.post("/account/", {"full_name": "  Ana   Grigoryan "}, follow=True)
    assert response.redirect_chain == [("/account/", 302)]
    assert "Your name is saved." in messages(response)
    person.refresh_from_db()
    assert person.full_name == "Ana Grigoryan"


def test_an_empty_name_is_refused_on_its_field(client, person):
    response = client.post("/account/", {"full_name": "   "})
    assert response.status_code == 200
    field_error(response, "full_name", "This field is required.")
    person.refresh_from_db()
    assert person.full_name == "Ana Petrosyan"


def test_a_person_changes_their_password_from_the_account_page(client, person):
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [("/account/", 302)]
    assert "Your password is changed." in messages(response)
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_a_wrong_current_password_comes_back_in_the_portal_layout(client, person):
    response = client.post(
        "/accounts/password/change/", {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    field_error(response, "oldpassword", "Please type your current password.")
    assert User.objects.get(pk=person.pk).check_password(PASSWORD)


def test_the_account_page_needs_a_login(client):
    assert client.get("/account/")["Location"] == "/accounts/login/?next=/account/"
