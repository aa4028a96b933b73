"""How allauth's sign-up, login and e-mail pages fit Partnera (ACCOUNT_ADAPTER in portal/settings.py).

An account holds one address (ACCOUNT_CHANGE_EMAIL: a new address replaces the old one once its mail is
confirmed), and invitations go to addresses. Whoever's address equals the invited one is not enough to
accept (issue 7: an account can be given someone else's address if its owner is talked into clicking one
confirmation mail); the invitation's own link is the proof of possession. The helpers below let the
invitation pages use that link twice: to accept, and to verify the invited address at sign-up.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils import translation

from portal import languages
from portal.inputs import EMAIL_MAX_LENGTH

# allauth's own session key for "an address proven outside allauth" (DefaultAccountAdapter.stash_verified_email).
_VERIFIED_EMAIL_KEY = "account_verified_email"


def portal_site():
    """What allauth's mails call the site: the portal by name, at SITE_URL. Without django.contrib.sites
    allauth names the host the request came to ("Hello from 127.0.0.1:8000!")."""
    return SimpleNamespace(name="Partnera", domain=urlsplit(settings.SITE_URL).netloc or settings.SITE_URL)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Every allauth mail names the portal (templates/account/email/base_message.txt signs with SITE_URL),
        in its recipient's language: the profile's of the account it is about (the `user` allauth passes,
        else the account at that address), else the page's, where the person who asked for it is now."""
        language = mail_language(context.get("user"), email)
        with translation.override(language):
            super().send_mail(
                template_prefix, email, {**context, "current_site": portal_site(), "site_url": settings.SITE_URL}
            )

    def get_password_change_redirect_url(self, request):
        return reverse("members:account")

    def clean_email(self, email):
        """allauth's address fields take 320 characters, the columns 254: an address between the two
        failed the INSERT on PostgreSQL (a 500 at sign-up, or adding an address). Sign-up, adding or
        changing an address and password reset all ask here."""
        MaxLengthValidator(EMAIL_MAX_LENGTH)(email)  # a ValidationError shows on the form's e-mail field
        return super().clean_email(email)

    def unstash_verified_email(self, request):
        """allauth would add the stashed (invited) address to a new account beside the address typed, and
        make it the login unseen: two addresses, one of them not chosen. Here only the typed address is
        set up, and it counts as verified when it is the stashed one (`is_email_verified`, allauth's)."""
        return None


def mail_language(user, email):
    """The language of an allauth mail to `email` about `user` (None for an address with no account)."""
    if user is None and email:
        user = get_user_model().objects.filter(email=email.lower()).only("language").first()
    return languages.profile_language(user) or translation.get_language() or settings.LANGUAGE_CODE


def apply_profile_language(sender, request, user, **kwargs):
    """On log-in (sign-up logs in too): the profile's language becomes the session's and this request's,
    so the page after the login (and its "signed in" message) speaks it. A person whose profile names none
    but who chose one in this browser before logging in (the session's or the cookie's choice, not the
    browser's Accept-Language) gets that choice saved on the profile."""
    if request is None or not hasattr(request, "session"):
        return
    language = languages.profile_language(user)
    if not language:
        chosen = languages.supported(request.session.get(languages.SESSION_KEY)) or languages.supported(
            request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        )
        if chosen:
            from members.services import account_set_language  # the services import this module

            account_set_language(account=user, language=chosen, acting_user=user)
        return
    request.session[languages.SESSION_KEY] = language
    translation.activate(language)
    request.LANGUAGE_CODE = language


def remember_invited_address(request, email):
    """A visitor opened an invitation's link: reading the mail sent to `email` proves they hold it, so a
    sign-up with that very address (typed, in this browser session) needs no confirmation mail."""
    get_adapter(request).stash_verified_email(request, email)


def forget_invited_address(sender, request, user, **kwargs):
    """On log-in (sign-up logs in too): the proof served the sign-up, or was not needed."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(_VERIFIED_EMAIL_KEY, None)


def holds_verified_address(user, email):
    """Whether `email` is the user's address (primary, the one they log in with) and was verified: by
    allauth's confirmation mail, or by an invitation link at sign-up."""
    return (
        user.email.lower() == email.lower()
        and EmailAddress.objects.filter(user=user, email__iexact=email, verified=True, primary=True).exists()
    )
