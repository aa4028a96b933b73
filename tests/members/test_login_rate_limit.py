"""Failed-login rate limits count per client, behind the deployment's reverse proxy as well as without one.

allauth limits failed logins to 10 a minute per client address ("login_failed" in ACCOUNT_RATE_LIMITS).
Behind docker-compose's TLS proxy every request comes from the proxy's address, so the address must be
read from X-Forwarded-For, and only the entry the proxy added: everything left of it is the client's word.
Without a proxy (TRUSTED_PROXY_COUNT=0, the default) X-Forwarded-For is the client's word and is ignored.
The real cache-based limit runs here (the test profile's LocMemCache), cleared before each test.
"""

import re
import runpy
from pathlib import Path

import pytest
import yaml
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.2"  # the TLS proxy in front of gunicorn
ALICE, BOB, MALLORY = "198.51.100.7", "198.51.100.8", "203.0.113.5"
LOCKED = "Too many failed login attempts"
LIMIT = 10  # "10/m/ip" of ACCOUNT_RATE_LIMITS["login_failed"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _fail_login(client, n, **headers):
    """One failed login for a made-up account (a new one each time, so only the per-address limit counts)."""
    response = client.post(
        reverse("account_login"), {"login": f"nobody{n}@example.org", "password": "wrong"}, **headers
    )
    assert response.status_code == 200
    return LOCKED in response.content.decode()


def _behind_proxy(client_ip, forwarded_for=None):
    """The request as gunicorn sees it: from the proxy, which appended the client's address to XFF."""
    xff = f"{forwarded_for}, {client_ip}" if forwarded_for else client_ip
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": xff}


@pytest.fixture
def compose_proxy_settings(settings, monkeypatch):
    """The settings portal/settings.py computes for docker-compose's TRUSTED_PROXY_COUNT default."""
    compose = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
    value = compose["x-app"]["environment"]["TRUSTED_PROXY_COUNT"]
    count = re.fullmatch(r"\$\{TRUSTED_PROXY_COUNT:-(\d+)\}", value).group(1)
    assert count == "1", value  # gunicorn sits behind exactly one proxy, the user's TLS proxy
    monkeypatch.setenv("TRUSTED_PROXY_COUNT", count)
    monkeypatch.setenv("TRUSTED_CLIENT_IP_HEADER", "")  # as compose leaves it
    computed = runpy.run_path(str(BASE_DIR / "portal" / "settings.py"))
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = computed["ALLAUTH_TRUSTED_PROXY_COUNT"]
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = computed["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"]
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 1 and settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER is None
    assert computed["REST_FRAMEWORK"]["NUM_PROXIES"] == 1  # the API's anonymous throttle agrees
    return settings


# --- direct clients (no proxy): X-Forwarded-For is ignored ------------------------------------------


def test_direct_clients_xff_is_ignored_by_default(settings):
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0 and settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER is None
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == 0


def test_a_spoofed_xff_gives_no_fresh_bucket(client):
    for n in range(LIMIT):
        assert not _fail_login(client, n, REMOTE_ADDR=MALLORY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert _fail_login(client, LIMIT, REMOTE_ADDR=MALLORY, HTTP_X_FORWARDED_FOR="192.0.2.99")


def test_a_spoofed_xff_does_not_lock_the_client_it_names(client):
    for n in range(LIMIT + 1):
        _fail_login(client, n, REMOTE_ADDR=MALLORY, HTTP_X_FORWARDED_FOR=ALICE)
    assert not _fail_login(client, 99, REMOTE_ADDR=ALICE)


# --- behind the compose deployment's proxy -----------------------------------------------------------


def test_clients_behind_the_proxy_have_buckets_of_their_own(client, compose_proxy_settings):
    for n in range(LIMIT):
        assert not _fail_login(client, n, **_behind_proxy(MALLORY))
    assert _fail_login(client, LIMIT, **_behind_proxy(MALLORY))  # Mallory is limited…
    assert not _fail_login(client, 99, **_behind_proxy(BOB))  # …Bob is not
    alice = UserFactory()
    response = client.post(
        reverse("account_login"), {"login": alice.email, "password": PASSWORD}, **_behind_proxy(ALICE)
    )
    assert response.status_code == 302, response.content.decode()  # and Alice logs in


def test_prepended_xff_entries_cannot_choose_the_bucket(client, compose_proxy_settings):
    # Mallory writes Alice's address (or a new one each time) left of the entry the proxy appends.
    for n in range(LIMIT):
        forged = ALICE if n % 2 else f"192.0.2.{n}, {ALICE}"
        assert not _fail_login(client, n, **_behind_proxy(MALLORY, forwarded_for=forged))
    assert _fail_login(client, LIMIT, **_behind_proxy(MALLORY, forwarded_for="192.0.2.200"))
    assert not _fail_login(client, 99, **_behind_proxy(ALICE))
