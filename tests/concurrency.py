"""Two requests at the same time: each service call in a thread of its own, with its own connection.

`race()` holds every write (the patched model methods) until the other call has either reached its own
write too, or sits waiting for a database lock, or has finished. Without a lock on what the check reads,
both calls therefore read before either commits (the race, every time, not one run in a thousand); with
the lock, the second waits for the first and the write goes ahead. PostgreSQL only: SQLite in memory
(the default test database) shares one cache between connections and has no row locks to wait for.
"""

import os
import threading
import time
from dataclasses import dataclass

import pytest
from django.db import connection

WAIT = 10  # seconds; a run that needs longer is stuck (a deadlock the gate cannot see), and fails


def require_postgresql():
    """Skip on SQLite while developing; under CI=true the suite must run on PostgreSQL, so fail instead."""
    if connection.vendor == "postgresql":
        return
    reason = "the concurrency tests need PostgreSQL (set DATABASE_URL=postgres://…)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class Outcome:
    result: object = None
    error: BaseException | None = None


class _Gate:
    def __init__(self, count):
        self.lock = threading.Lock()
        self.pids = [None] * count
        self.state = ["running"] * count  # running → at_write → done
        self.local = threading.local()

    def _blocked(self, index):
        """Is the other call's backend waiting for a lock (taken by this one)?"""
        with connection.cursor() as cursor:
            # pg_stat_activity is a snapshot taken once per transaction unless cleared.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [self.pids[index]])
            row = cursor.fetchone()
        return row is not None and row[0] == "Lock"

    def arrive(self):
        me = getattr(self.local, "index", None)
        if me is None:  # a write outside the race (the test's own set-up)
            return
        with self.lock:
            self.state[me] = "at_write"
        deadline = time.monotonic() + WAIT
        others = [i for i in range(len(self.state)) if i != me]
        while not all(self.state[i] in ("at_write", "done") or self._blocked(i) for i in others):
            if time.monotonic() > deadline:
                raise AssertionError(f"race(): call {me} waited {WAIT}s for the others at its write")
            time.sleep(0.01)


def race(monkeypatch, writes, *calls):
    """Run `calls` (no-argument callables) at once; `writes`: (model, method name) pairs to hold.

    Returns one Outcome per call, in order. Each thread closes its connection at the end.
    """
    gate = _Gate(len(calls))
    for model, name in writes:
        original = getattr(model, name)

        def held(self, *args, _original=original, **kwargs):
            gate.arrive()
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(model, name, held)

    outcomes = [Outcome() for _ in calls]
    ready = threading.Barrier(len(calls))

    def run(index, call):
        gate.local.index = index
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                gate.pids[index] = cursor.fetchone()[0]
            ready.wait(WAIT)  # every backend is known before anyone may ask whether it waits
            outcomes[index].result = call()
        except BaseException as error:  # noqa: BLE001 - handed back to the test to assert on
            outcomes[index].error = error
        finally:
            gate.state[index] = "done"
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 3)
    assert not any(thread.is_alive() for thread in threads), "race(): a call is still running"
    return outcomes
