"""E-mail from templates (templates/email/<name>_subject.txt and <name>_body.txt), sent once per event,
each message in its recipient's language (`templated_messages`).

Both are plain text (the body goes out as text/plain), so they are rendered here without HTML escaping:
a network called `P&T "Partners"` reads so, not `P&amp;T &quot;Partners&quot;`. The templates need no
`{% autoescape off %}` of their own.

A notification job may run twice (a worker dies after sending, a broker redelivers, a retry): the job
claims a marker on its row before sending (`send_once`), so only one run sends. Which SMTP errors are
worth a retry is decided here (`is_transient`) and used by the task base in portal.celery.
"""

import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from portal import languages


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def _render_text(template_name, context):
    # The engine's Template under the backend wrapper: it takes a Context, and the Context says whether
    # to escape (the backend would always use the engine's autoescape=True, meant for HTML pages).
    return get_template(template_name).template.render(Context(context, autoescape=False))


def templated_messages(*, name, to, context, language=""):
    """One message per address (recipients never see each other), not sent yet, each written in its
    recipient's language.

    `to` holds addresses (strings) or people (anything with `email` and `language`, a members.User). A
    person's language is their profile's (`language`); an address is looked up among the accounts (one
    query for the batch), so an invitation to someone who already has an account reaches them in theirs.
    Whoever has chosen none, and an address with no account, gets `language`: the caller's choice for
    them (the network's language, the inviter's, the language a report was asked in), else the active
    language. The templates are rendered once per language, not once per address.
    """
    fallback = languages.supported(language) or languages.supported(translation.get_language())
    by_language = {}
    for address, recipient_language in _recipients(to, fallback):
        by_language.setdefault(recipient_language, []).append(address)
    context = {**context, "site_url": settings.SITE_URL}
    messages = []
    for code, addresses in by_language.items():
        with translation.override(code):
            # Whitespace collapsed: a newline in a name would otherwise start a header of its own.
            subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(
                _render_text(f"email/{name}_subject.txt", context).split()
            )
            body = _render_text(f"email/{name}_body.txt", context)
        for address in addresses:
            message = EmailMessage(subject, body, None, [address])
            message.extra_headers["Content-Language"] = code
            messages.append(message)
    return messages


def _recipients(to, fallback):
    """(address, language) for each of `to`, in its order."""
    pairs = [(r, None) if isinstance(r, str) else (r.email, r) for r in to if r is not None]
    pairs = [(address, person) for address, person in pairs if address]
    unknown = {address.lower() for address, person in pairs if person is None}
    accounts = {}
    if unknown:  # addresses are kept in lower case on the accounts (members.UserManager)
        accounts = dict(get_user_model().objects.filter(email__in=unknown).values_list("email", "language"))
    return [
        (address, languages.recipient_language(person, fallback=fallback))
        if person is not None
        else (
            address,
            languages.supported(accounts.get(address.lower())) or languages.recipient_language(fallback=fallback),
        )
        for address, person in pairs
    ]


def send_messages(messages):
    """Send a batch over one connection: one SMTP login for every coordinator, not one per message."""
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages)


def send_once(rows, *, marker, messages, also=()):
    """Send `messages` only if this call sets `marker` on `rows` (a queryset of one row) from empty.

    The conditional UPDATE is the claim: of two runs of the same job only one sees it return 1, so the
    other sends nothing. `also` names markers to set as well where still empty (an expiry reminder
    marks the wider thresholds it makes pointless). If sending fails the claim is released, so the
    retry (or a later sweep) can send; the error is re-raised for the task base to retry or not.
    Returns whether this call sent.
    """
    now = timezone.now()
    claim = {marker: now, **{other: Coalesce(F(other), Value(now)) for other in also}}
    if not rows.filter(**{marker: None}).update(**claim):
        return False
    try:
        send_messages(messages)
    except BaseException:
        # Only markers still carrying this claim's time are cleared: a wider one set earlier stays.
        rows.filter(**{marker: now}).update(**{marker: None})
        for other in also:
            rows.filter(**{other: now}).update(**{other: None})
        raise
    return True


# SMTP reply codes 4xx mean "try again later" (RFC 5321 §4.2.1); 5xx mean "this will not work".
def _is_temporary_code(code):
    return isinstance(code, int) and 400 <= code < 500


def is_transient(error):
    """Would the same send succeed later? Connection trouble and 4xx replies yes; 5xx, bad login no."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return False  # wrong credentials stay wrong; retrying only risks a lock-out
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(_is_temporary_code(code) for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):  # SMTPDataError, SMTPSenderRefused, SMTPHeloError
        return _is_temporary_code(error.smtp_code)
    # socket.timeout is TimeoutError; refused, reset and aborted connections are ConnectionError.
    return isinstance(error, (ConnectionError, TimeoutError))
