"""Hostile input never gets a 500: every answer to a NUL byte, a superscript digit, an over-long value or
a malformed address is a 4xx (or the form again, with its error), on PostgreSQL as on SQLite.

PostgreSQL refuses what SQLite lets through: NUL in any text ("A string literal cannot contain NUL"),
a value longer than its column (an e-mail of 255–320 characters passes Django's EmailValidator, whose
limit is 320, but the columns hold 254). So the cases below only fail on SQLite where the answer itself
is wrong (the address was saved, the route matched); run the suite on PostgreSQL too.

The first tests are the cases once found answering 500. The fuzz below them walks every URL pattern
(as tests/portal/test_cross_tenant.py does, with its objects and kwargs) and every form those pages
show, with hostile values in the path, the query string and each field.
"""

import re
import time
from urllib.parse import quote, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django_scopes import scope, scopes_disabled
from lxml import html

from members.models import ColleagueInvitation, User
from members.services import colleague_invite
from network.models import Invitation, Role
from network.services.invitations import invitation_create
from tests.factories import ActivityFactory, AffiliationFactory, NetworkFactory, ProjectFactory, person_in
from tests.portal import test_cross_tenant as cross_tenant

pytestmark = pytest.mark.django_db

# The cross-tenant probe's objects (a private network with a project, invitations…) and its kwargs.
tenants = cross_tenant.tenants
all_routes, url_kwargs = cross_tenant.all_routes, cross_tenant.url_kwargs


def _email(length):
    """A syntactically valid address of exactly `length` characters (Django's validator takes up to 320)."""
    local, tld = "a" * 64, ".org"
    labels, left = [], length - len(local) - 1 - len(tld)
    while left > 0:
        label = min(63, left - 1 if left > 64 else left)
        labels.append("b" * label)
        left -= label + 1
    address = f"{local}@{'.'.join(labels)}{tld}"
    assert len(address) == length, (len(address), length)
    return address


LONG_EMAIL = _email(300)  # over the 254 of every e-mail column, under the 320 of the validator
TOO_LONG_EMAIL = _email(321)  # over the validator's limit too


def _no_raise(client):
    client.raise_request_exception = False  # a 500 is an answer to look at, not an exception in the test
    return client


# --- the cases found -------------------------------------------------------------------------------------


@pytest.mark.parametrize("focus", ["activity-²", "activity-1²", "activity-٣"])
def test_a_focus_id_of_unicode_digits_is_ignored(client, focus):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    project = ProjectFactory(network=network)
    with scopes_disabled():
        ActivityFactory(component__project=project, component__network=network, network=network, position=1)
    client.force_login(coordinator)
    url = reverse(
        "projects:edit_page", kwargs={"network_slug": network.slug, "project_slug": project.slug, "page": "logframe"}
    )

    assert _no_raise(client).get(url, {"focus": focus}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/invitations/\x00/", "/colleague-invitations/\x00/", "/api/v1/networks/\x00/", "/invitations/²/"]
)
def test_a_nul_byte_where_a_token_or_slug_goes_matches_no_route(client, path):
    with pytest.raises(Resolver404):
        resolve(path)
    assert _no_raise(client).get(quote(path)).status_code == 404


def test_a_real_token_still_matches():
    with scopes_disabled():
        network = NetworkFactory()
        invitation = Invitation.objects.create(network=network, email="a@example.org", role=Role.MEMBER)
    assert resolve(f"/invitations/{invitation.token}/").kwargs == {"token": invitation.token}


@pytest.mark.parametrize("email", [LONG_EMAIL, TOO_LONG_EMAIL])
def test_an_over_long_address_is_refused_by_the_network_invitation_form(client, email):
    network = NetworkFactory()
    client.force_login(person_in(network, Role.COORDINATOR))

    response = _no_raise(client).post(
        reverse("network:invite", kwargs={"network_slug": network.slug}), {"email": email, "role": Role.MEMBER}
    )

    assert response.status_code == 200
    assert response.context["invitation_form"].errors["email"]
    with scopes_disabled():
        assert not Invitation.objects.exists()


def test_an_over_long_address_is_refused_by_the_invitation_service():
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    with scope(network=network), pytest.raises(ValidationError) as error:
        invitation_create(network=network, email=LONG_EMAIL, role=Role.MEMBER, acting_user=coordinator)
    assert error.value.message_dict["email"]
    with scopes_disabled():
        assert not Invitation.objects.exists()


@pytest.mark.parametrize("email", [LONG_EMAIL, TOO_LONG_EMAIL])
def test_an_over_long_address_is_refused_by_the_colleague_invitation_form(client, email):
    affiliation = AffiliationFactory(is_admin=True)
    client.force_login(affiliation.user)

    response = _no_raise(client).post(
        reverse("members:people", kwargs={"pk": affiliation.organisation.pk}), {"email": email}
    )

    assert response.status_code == 200
    assert not ColleagueInvitation.objects.exists()


def test_an_over_long_address_is_refused_by_the_colleague_invitation_service():
    affiliation = AffiliationFactory(is_admin=True)
    with pytest.raises(ValidationError) as error:
        colleague_invite(organisation=affiliation.organisation, email=LONG_EMAIL, acting_user=affiliation.user)
    assert error.value.message_dict["email"]
    assert not ColleagueInvitation.objects.exists()


PASSWORD = "a long enough pass phrase"


@pytest.mark.parametrize("email", [LONG_EMAIL, TOO_LONG_EMAIL])
def test_an_over_long_address_is_refused_at_sign_up(client, email):
    response = _no_raise(client).post(
        reverse("account_signup"),
        {"email": email, "full_name": "Ada", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not User.objects.exists()


# --- the fuzz --------------------------------------------------------------------------------------------

# In a path segment (quoted when the URL is built): NUL, superscripts, an over-long value, a way up, and a
# %-encoded NUL sent as text ("%00" arrives as those three characters).
PATH_VALUES = ["\x00", "x\x00", "²", "1²", "a" * 400, "../", "%00"]
# In a form field: the same, plus the addresses and link that once got through to the database.
FIELD_VALUES = ["a\x00b", "²", "x" * 400]
EMAIL_VALUES = [LONG_EMAIL, TOO_LONG_EMAIL, "a\x00@example.org"]
LINK_VALUES = ["http://[::1", "http://[::1]:99999/", "/networks/\x00/"]
# Every query-string key a view reads (grep request.GET), with values that pass a first look.
QUERY_KEYS = ["page", "edit", "item", "add", "parent", "section", "focus", "lang", "action", "type", "q"]
MARKERS = ("zzfuzzmarkerzz", "987654321")  # a value each converter admits, replaced by the hostile one
SKIPPED_PREFIXES = ("admin/",)  # staff-only admin (redirects to its login)
# Bounded by count (what the fuzz sends grows with the routes and forms: about 2,600 requests a visitor
# with the activity log; 3,500 anonymous and 4,400 for the coordinator with the advocacy pages), and by time
# only against a runaway: the wall clock depends on the machine's load.
REQUEST_LIMIT = 6_000
TIME_LIMIT = 300


def _routes():
    return [r for r in all_routes() if r.name and not r.path.lstrip("^").startswith(SKIPPED_PREFIXES)]


def _valid_kwargs(route, b):
    try:
        return url_kwargs(route, b)
    except LookupError:  # allauth's routes (key, uidb36…): no object of ours, any admitted value will do
        return dict.fromkeys(route.kwargs, MARKERS[0])


def _reverse(route, kwargs):
    try:
        return reverse(route.name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _hostile_urls(route, b):
    """The route's URL with each kwarg in turn replaced by each hostile value."""
    valid = _valid_kwargs(route, b)
    for kwarg in route.kwargs:
        for marker in MARKERS:
            if (url := _reverse(route, {**valid, kwarg: marker})) and url.count(marker) == 1:
                break
        else:
            continue
        for value in PATH_VALUES:
            yield url.replace(marker, quote(value, safe=""))


def _plausible(element):
    """A value the field would accept, so a hostile value in one field meets valid ones elsewhere."""
    kind, name = (element.get("type") or "").lower(), element.get("name") or ""
    if element.tag == "select":
        options = [o.get("value", o.text_content()) for o in element.iter("option")]
        selected = [o.get("value", o.text_content()) for o in element.iter("option") if o.get("selected") is not None]
        return (selected or [o for o in options if o] or [""])[0]
    if element.tag == "textarea":
        return element.text_content() or "Fuzz"
    if kind in ("checkbox", "radio"):
        return element.get("value", "on")
    if element.get("value"):
        return element.get("value")
    return {"email": "fuzz@example.org", "date": "2025-01-01", "number": "1", "url": "https://example.org",
            "password": PASSWORD}.get(kind, "" if "link" in name else "Fuzz")  # fmt: skip


def _forms(response, page_url):
    """(action, {field: plausible value}, {field: kind}) for each POST form of an HTML page."""
    if "text/html" not in response.get("Content-Type", "") or not response.content:
        return
    for form in html.fromstring(response.content).iter("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        fields, kinds = {}, {}
        for element in form.iter("input", "select", "textarea"):
            name = element.get("name")
            if not name or (element.get("type") or "").lower() in ("submit", "button", "file"):
                continue
            fields[name], kinds[name] = _plausible(element), (element.get("type") or element.tag).lower()
        yield urlsplit(form.get("action") or page_url).path or page_url, fields, kinds


def _values_for(name, kind):
    if kind == "email" or "email" in name:
        return EMAIL_VALUES + FIELD_VALUES[:1]
    if "link" in name or kind == "url" or "website" in name:
        return LINK_VALUES + FIELD_VALUES[:1]
    if kind in ("checkbox", "radio", "hidden", "password") or name == "csrfmiddlewaretoken":
        return FIELD_VALUES[:1]
    return FIELD_VALUES


class _Fuzz:
    def __init__(self, client):
        self.client, self.problems, self.requests, self.started = _no_raise(client), [], 0, time.monotonic()

    def send(self, method, url, data=None):
        """One request, its writes rolled back so every request meets the same objects."""
        assert self.requests < REQUEST_LIMIT, f"the fuzz sent {REQUEST_LIMIT} requests: bound it"
        assert time.monotonic() - self.started < TIME_LIMIT, f"the fuzz took over {TIME_LIMIT}s: bound it"
        with transaction.atomic():
            response = getattr(self.client, method)(url, data or {})
            transaction.set_rollback(True)
        self.requests += 1
        if response.status_code >= 500:
            shown = {k: (v[:40] + "…" if len(v) > 40 else v) for k, v in (data or {}).items()}
            self.problems.append(
                f"{method.upper()} {url[:160]} {shown if data else ''} answered {response.status_code}"
            )
        return response


@pytest.mark.parametrize("visitor", ["anonymous", "coordinator"])
def test_hostile_values_in_every_path_query_and_form_get_no_5xx(client, tenants, visitor):
    b = tenants.b
    if visitor == "coordinator":
        client.force_login(b.coordinator)
    fuzz = _Fuzz(client)
    forms = {}
    for route in _routes():
        for url in _hostile_urls(route, b):
            fuzz.send("get", url)
            fuzz.send("post", url)
        if (url := _reverse(route, _valid_kwargs(route, b))) is None:
            continue
        for value in PATH_VALUES[:4]:
            fuzz.send("get", url, dict.fromkeys(QUERY_KEYS, value))
        response = fuzz.send("get", url)
        for action, fields, kinds in _forms(response, url):
            # The same form on every row (delete, move…) is fuzzed once.
            forms.setdefault((re.sub(r"\d+", "N", action), tuple(sorted(fields))), (action, fields, kinds))
    for action, fields, kinds in forms.values():
        fuzz.send("post", action, fields)
        for name, kind in kinds.items():
            for value in _values_for(name, kind):
                fuzz.send("post", action, {**fields, name: value})

    assert fuzz.problems == [], f"{len(fuzz.problems)} of {fuzz.requests} requests:\n" + "\n".join(fuzz.problems)
    # The walk found the site: sign-up, login… for anyone; the workspace, editing pages… for the coordinator.
    assert fuzz.requests > 1000 and len(forms) >= (4 if visitor == "anonymous" else 30), (fuzz.requests, len(forms))


def test_the_logframe_editor_query_keys_get_no_5xx(client, tenants):
    """The editing page reads pairs (?edit=<kind>&item=<id>, ?add=<kind>&parent=<id>, ?focus=<kind>-<id>)."""
    b = tenants.b
    client.force_login(b.coordinator)
    fuzz = _Fuzz(client)
    url = reverse(
        "projects:edit_page",
        kwargs={"network_slug": b.network.slug, "project_slug": b.project.slug, "page": "logframe"},
    )
    for value in PATH_VALUES:
        for query in ({"edit": "objective", "item": value}, {"add": "activity", "parent": value},
                      {"focus": f"activity-{value}"}, {"edit": value}, {"add": value}):  # fmt: skip
            fuzz.send("get", url, query)
    assert fuzz.problems == [], "\n".join(fuzz.problems)
