"""Which language a request is answered in, and which one an e-mail to a person is written in.

A request's interface language is, first to last: the signed-in person's profile language
(`members.User.language`), the language chosen in this browser session, the language cookie, then the
browser's Accept-Language; English when none of them names a language Partnera offers
(settings.LANGUAGES). `portal.middleware.LanguageMiddleware` applies it; the language switch
(members.views.set_language) writes the session, the cookie and, for a signed-in person, the profile.
Django (4+) keeps no language in the session, so the key is ours.

portal imports no app: the profile's language is read as `getattr(user, "language", "")`.
"""

from django.conf import settings
from django.utils import translation

# The session's choice. The page cache keys pages by the active language, so a session holding only this
# (and who is signed in) still gets kept pages (portal.pagecache).
SESSION_KEY = "partnera_language"


def supported(code):
    """The offered language `code` means ("pl-PL" → "pl"), or "" for one Partnera does not offer."""
    if not code or not isinstance(code, str):
        return ""
    try:
        variant = translation.get_supported_language_variant(code)
    except LookupError:
        return ""
    return variant if variant in offered() else ""


def offered():
    return [code for code, _name in settings.LANGUAGES]


def is_offered(code):
    """Exactly one of settings.LANGUAGES' codes (the switch takes no variants or guesses)."""
    return code in offered()


def profile_language(user):
    return supported(getattr(user, "language", "") or "")


def chosen_language(request):
    """The language the person chose: their profile's, else this session's, else the cookie's; "" if none."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        language = profile_language(user)
        if language:
            return language
    session = getattr(request, "session", None)
    if session is not None:
        language = supported(session.get(SESSION_KEY, ""))
        if language:
            return language
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))


def request_language(request):
    """The interface language for `request`: the person's choice, else Accept-Language, else English."""
    return (
        chosen_language(request)
        or supported(translation.get_language_from_request(request))
        or (settings.LANGUAGE_CODE)
    )


def remember(request, response, code):
    """Keep `code` as this browser's choice: in the session and in the language cookie (as Django's own
    set_language sets it), and make it the active language for the rest of the request."""
    request.session[SESSION_KEY] = code
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    translation.activate(code)
    request.LANGUAGE_CODE = code


def recipient_language(user=None, *, fallback=""):
    """The language of an e-mail to `user` (None for an address with no account): their profile language,
    else `fallback` (the caller's choice: the network's language, the inviter's…), else English."""
    return profile_language(user) or supported(fallback) or settings.LANGUAGE_CODE
