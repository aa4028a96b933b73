"""SQLite: two writers at once queue up (transaction_mode IMMEDIATE, portal/settings.py) instead of the
second failing with "database is locked"; one that waited too long gets a page asking to try again.

The test database is SQLite in memory, whose connections share one cache and table locks and never wait,
so the queueing is shown on a file database opened with the OPTIONS portal/settings.py gives SQLite.
That runs under CI (PostgreSQL) as well: it reads the options from a fresh interpreter.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import OperationalError, connections, transaction
from django.urls import reverse
from django_scopes import scopes_disabled

from network.models import Membership, Role
from tests.factories import NetworkFactory, person_in

BASE_DIR = Path(__file__).resolve().parents[2]
PROBE = "import json, django; django.setup(); from django.conf import settings; " + (
    "print(json.dumps(settings.DATABASES['default']))"
)


def _sqlite_settings(path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings_test", "DATABASE_URL": f"sqlite:///{path}"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_sqlite_takes_the_write_lock_at_begin(tmp_path):
    assert _sqlite_settings(tmp_path / "x.sqlite3")["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.fixture
def two_connections(tmp_path, django_db_blocker):
    """Two connections ("requests") to one SQLite file, two coordinators in a table of their own."""
    database = _sqlite_settings(tmp_path / "race.sqlite3")
    database["OPTIONS"]["timeout"] = 5  # seconds; the queueing needs well under one
    aliases = ("sqlite_race_a", "sqlite_race_b")
    with django_db_blocker.unblock():
        configured = connections.configure_settings({"default": dict(database)})["default"]
        for alias in aliases:
            connections.settings[alias] = dict(configured)
        with connections[aliases[0]].cursor() as cursor:
            cursor.execute("CREATE TABLE coordinator (id integer PRIMARY KEY, active integer)")
            cursor.execute("INSERT INTO coordinator VALUES (1, 1), (2, 1)")
        yield aliases
        for alias in aliases:
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]


def test_two_sqlite_writers_queue_and_the_second_reads_what_the_first_wrote(two_connections):
    """Each demotes its own coordinator if another stays: the network services' check, on bare SQL."""
    both_read = threading.Barrier(2)
    outcomes = {}

    def demote(alias, pk):
        try:
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM coordinator WHERE active = 1 AND id != %s", [pk])
                others = cursor.fetchone()[0]
                try:  # DEFERRED: both get here, then one write fails. IMMEDIATE: the other waits at BEGIN.
                    both_read.wait(0.5)
                except threading.BrokenBarrierError:
                    pass
                if not others:
                    outcomes[alias] = "refused"
                    return
                cursor.execute("UPDATE coordinator SET active = 0 WHERE id = %s", [pk])
            outcomes[alias] = "demoted"
        except OperationalError as error:
            outcomes[alias] = str(error)
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=demote, args=(alias, pk)) for pk, alias in enumerate(two_connections, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes.values()) == ["demoted", "refused"], outcomes
    with connections[two_connections[0]].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM coordinator WHERE active = 1")
        assert cursor.fetchone()[0] == 1


@pytest.fixture
def busy(monkeypatch):
    """Make a service fail the way SQLite does once its `timeout` has passed at BEGIN."""

    def patch(target):
        def locked(**kwargs):
            raise OperationalError("database is locked")

        monkeypatch.setattr(target, locked)

    return patch


@pytest.mark.django_db
def test_a_writer_that_waited_too_long_gets_a_page_asking_to_try_again_not_a_500(client, busy):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    other = person_in(network, Role.COORDINATOR)
    with scopes_disabled():
        membership = Membership.objects.get(network=network, organisation__affiliations__user=other)
    busy("network.views.memberships.membership_change_role")
    client.force_login(coordinator)
    response = client.post(
        reverse("network:role", kwargs={"network_slug": network.slug, "membership_id": membership.pk}),
        {"role": Role.MEMBER},
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Someone else was changing this at the same time. Nothing was saved" in response.content.decode()
    with scopes_disabled():
        membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR


@pytest.mark.django_db
def test_an_api_writer_that_waited_too_long_gets_a_json_refusal_not_a_500(client, busy):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    pending = person_in(network, status=Membership.Status.REQUESTED)
    with scopes_disabled():
        membership = Membership.objects.get(network=network, organisation__affiliations__user=pending)
    busy("network.api.membership_approve")
    client.force_login(coordinator)
    response = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/{membership.pk}/approve/",
        {"role": Role.MEMBER},
        content_type="application/json",
    )
    assert response.status_code == 503
    assert response.json()["detail"].startswith("Someone else was changing this at the same time.")


@pytest.mark.django_db
def test_other_database_errors_are_not_hidden(client, monkeypatch):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    other = person_in(network, Role.COORDINATOR)
    with scopes_disabled():
        membership = Membership.objects.get(network=network, organisation__affiliations__user=other)

    def broken(**kwargs):
        raise OperationalError("no such table: network_membership")

    monkeypatch.setattr("network.views.memberships.membership_change_role", broken)
    client.force_login(coordinator)
    with pytest.raises(OperationalError, match="no such table"):
        client.post(
            reverse("network:role", kwargs={"network_slug": network.slug, "membership_id": membership.pk}),
            {"role": Role.MEMBER},
        )
