"""`manage.py load_demo` on an empty database: what it sends and prints, and when it refuses to run.

These tests load the demo themselves, so they live apart from test_load_demo.py, where the demo is
already loaded for the whole module.
"""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from config.demo.loader import DEMO_PASSWORD
from network.models import Network
from tests.config.demo import NETWORK_LOGINS, load

pytestmark = pytest.mark.django_db


def test_sends_no_mail_to_the_demo_addresses(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        load(quiet=True)
    # Not the page cache's bump after the commit, nor the kept figures' (portal/versions.py).
    jobs = [c for c in callbacks if not hasattr(c, "pagecache") and not hasattr(c, "versions")]
    # One invitation job each (21 to networks, the donor login's to the European Union), which finds the
    # invitation accepted; one decision job for each entry approved (41) or returned (2), which finds its e-mail
    # marked as sent.
    assert len(jobs) == 21 + 1 + 43
    assert mail.outbox == []


def test_prints_the_logins_and_where_to_log_in(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    output = load()
    lines = output.splitlines()
    for slug, email, role, organisation in NETWORK_LOGINS:
        (line,) = [line for line in lines if line.startswith(email + " ")]
        assert line.split()[1:3] == [role, slug] and line.endswith(organisation), line
    assert "ngo@demo.partnera.org" in output and "admin@demo.partnera.org" in output
    assert f"Password for all demo logins: {DEMO_PASSWORD}" in output
    assert "Log in at http://127.0.0.1:8000/accounts/login/" in output


def test_quiet_prints_nothing():
    assert load(quiet=True) == ""


def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", quiet=True)
    assert not Network.objects.exists()
