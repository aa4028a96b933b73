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
from django.core.validators import MaxLengthValidator
from django.urls import reverse

from portal.inputs import EMAIL_MAX_LENGTH

# allauth's own session key for "an address proven outside allauth" (DefaultAccountAdapter.stash_verified_email).
_VERIFIED_EMAIL_KEY = "account_verified_email"


def portal_site():
    """What allauth's mails call the site: the portal by name, at SITE_URL. Without django.contrib.sites
    allauth names the host the request came to ("Hello from 127.0.0.1:8000!")."""
    return SimpleNamespace(name="Partnera", domain=urlsplit(settings.SITE_URL).netloc or settings.SITE_URL)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Every allauth mail names the portal (templates/account/email/base_message.txt signs with SITE_URL)."""
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
