"""Whether an organisation is who it says it is: the mark coordinators see before they approve a join
request or link a partner.

An organisation is verified when Partnera's staff checked it (Organisation.verified_by_staff_at), or when
it gives a website and one of its admins (an active account with an admin affiliation) has a confirmed
primary e-mail address (allauth's EmailAddress, verified and primary) at the website's registrable
domain or a subdomain of it. The registrable domain is the part of the host a registrant owns, read from
the Public Suffix List ("www.undp.org" and "armenia.undp.org" give "undp.org"; "www.co.uk" gives none).
Domains that hand out addresses to anyone (FREE_MAIL) never count.

The name is never checked: an organisation calling itself "UNDP" whose admin writes from attacker.example
is verified *at attacker.example*. So the explanation always names the domain, for the coordinator to
judge.

Lists load what the rule reads in one query, whatever their length: `verification_prefetch()` for a
queryset (`"organisation__affiliations"` from memberships), `load_verification()` for a list of
organisations already fetched.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from publicsuffixlist import PublicSuffixList

from members.models import Affiliation

# Where a prefetch leaves an organisation's admins (each with `.confirmed_email`, or None).
ADMINS_ATTR = "verification_admins"

# Registrable domains where anyone can get an address (webmail, disposable mail). Not exhaustive: an
# address only counts at the organisation's own website, so this list matters only for an organisation
# that gives one of these as its website, and the explanation names the domain anyway.
FREE_MAIL = frozenset(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk hotmail.fr hotmail.de hotmail.it
    live.com live.co.uk live.fr msn.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.it yahoo.es ymail.com
    rocketmail.com aol.com icloud.com me.com mac.com proton.me protonmail.com protonmail.ch pm.me tutanota.com
    tutanota.de tuta.io tuta.com gmx.com gmx.net gmx.de gmx.at gmx.ch web.de t-online.de freenet.de mail.com
    email.com zoho.com zohomail.com yandex.com yandex.ru ya.ru mail.ru bk.ru inbox.ru list.ru internet.ru
    rambler.ru libero.it virgilio.it laposte.net orange.fr free.fr wp.pl o2.pl onet.pl op.pl interia.pl
    seznam.cz abv.bg siol.net fastmail.com hushmail.com qq.com 163.com 126.com naver.com
    mailinator.com guerrillamail.com sharklasers.com yopmail.com 10minutemail.com temp-mail.org trashmail.com
    """.split()
)

# IDNA 2003 (Python's codec, as Django's validators use) maps these away ("straße" becomes "strasse"), so a
# host holding one may not be the domain its ASCII form names: such a host is never compared.
_DEVIATIONS = frozenset("ßς\u200c\u200d")
_HOSTNAME = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


@cache
def _suffixes():
    return PublicSuffixList()  # the list shipped with the package, private suffixes (github.io…) included


def ascii_domain(host):
    """The host as lower-case ASCII (IDNs in their xn-- form), or None when it names no domain (an IP
    address, a single label, a malformed or ambiguous IDN)."""
    host = (host or "").strip().rstrip(".").lower()
    if not host or _DEVIATIONS & set(host):
        return None
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not _HOSTNAME.fullmatch(host) or host.replace(".", "").isdigit():
        return None
    return host


def website_domain(website):
    """The registrable domain of the website's host ("www." stripped), in ASCII; None if it has none."""
    try:
        host = urlsplit(website or "").hostname or ""
    except ValueError:
        return None
    host = ascii_domain(host.removeprefix("www."))
    return _suffixes().privatesuffix(host) if host else None


def email_domain(address):
    """The domain of an e-mail address, in ASCII; None if it has none."""
    return ascii_domain((address or "").rpartition("@")[2])


def is_free_mail(domain):
    return domain in FREE_MAIL or _suffixes().privatesuffix(domain) in FREE_MAIL


def address_is_at(address, domain):
    """Is this address at `domain` (ASCII, as website_domain gives it) or one of its subdomains?"""
    at = email_domain(address)
    return at is not None and not is_free_mail(at) and (at == domain or at.endswith(f".{domain}"))


def shown_domain(domain):
    """The domain as people read it, with its ASCII form beside an IDN, so a look-alike (Cyrillic "а" in
    "undp.org") shows as the different domain it is."""
    try:
        readable = domain.encode("ascii").decode("idna")
    except UnicodeError:
        return domain
    return readable if readable == domain else f"{readable} ({domain})"


def _admins():
    confirmed = EmailAddress.objects.filter(user=OuterRef("user_id"), primary=True, verified=True)
    return (
        Affiliation.objects.filter(is_admin=True, user__is_active=True)
        .annotate(confirmed_email=Subquery(confirmed.values("email")[:1]))
        .only("pk", "organisation_id")
        .order_by("pk")
    )


def verification_prefetch(lookup="affiliations"):
    """What the rule reads, for `.prefetch_related()`: `lookup` leads to the organisations' affiliations."""
    return Prefetch(lookup, queryset=_admins(), to_attr=ADMINS_ATTR)


def load_verification(organisations):
    """Load what the rule reads for organisations already fetched, in one query."""
    prefetch_related_objects([o for o in organisations if o is not None], verification_prefetch())


class Reason:
    STAFF = "staff"
    DOMAIN = "domain"
    NO_WEBSITE = "no_website"
    NO_DOMAIN = "no_domain"
    FREE_MAIL = "free_mail"
    NO_ADMINS = "no_admins"
    NO_MATCH = "no_match"


@dataclass(frozen=True)
class Verification:
    verified: bool
    reason: str  # a Reason
    domain: str = ""  # the website's registrable domain, in ASCII
    checked_at: datetime | None = None  # when staff checked it

    @property
    def status(self):
        """For templates/includes/status_badge.html."""
        return "verified" if self.verified else "unverified"

    @property
    def label(self):
        return _("verified") if self.verified else _("not verified")

    @property
    def explanation(self):
        when = date_format(self.checked_at, "DATE_FORMAT") if self.checked_at else ""
        return str(_EXPLANATIONS[self.reason]) % {"domain": shown_domain(self.domain), "date": when}


_EXPLANATIONS = {
    Reason.STAFF: gettext_lazy("Verified: Partnera's staff checked this organisation on %(date)s."),
    Reason.DOMAIN: gettext_lazy(
        "Verified: an administrator's e-mail address is at %(domain)s, the organisation's website."
    ),
    Reason.NO_WEBSITE: gettext_lazy("Not verified: the organisation gives no website."),
    Reason.NO_DOMAIN: gettext_lazy("Not verified: the organisation's website names no domain it could own."),
    Reason.FREE_MAIL: gettext_lazy(
        "Not verified: anyone can get an e-mail address at %(domain)s, the organisation's website."
    ),
    Reason.NO_ADMINS: gettext_lazy("Not verified: nobody administers this organisation on Partnera."),
    Reason.NO_MATCH: gettext_lazy(
        "Not verified: no administrator has a confirmed e-mail address at %(domain)s, the organisation's website."
    ),
}


def organisation_verification(organisation):
    """The rule (see the module's docstring). Reads the admins loaded by verification_prefetch or
    load_verification, else asks the database once, and only when the website leaves a domain to match."""
    if organisation.verified_by_staff_at:
        return Verification(True, Reason.STAFF, checked_at=organisation.verified_by_staff_at)
    if not organisation.website:
        return Verification(False, Reason.NO_WEBSITE)
    domain = website_domain(organisation.website)
    if domain is None:
        return Verification(False, Reason.NO_DOMAIN)
    if is_free_mail(domain):
        return Verification(False, Reason.FREE_MAIL, domain)
    admins = getattr(organisation, ADMINS_ATTR, None)
    if admins is None:
        admins = list(_admins().filter(organisation=organisation))
    if not admins:
        return Verification(False, Reason.NO_ADMINS, domain)
    if any(address_is_at(admin.confirmed_email, domain) for admin in admins):
        return Verification(True, Reason.DOMAIN, domain)
    return Verification(False, Reason.NO_MATCH, domain)
