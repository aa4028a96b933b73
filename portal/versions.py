"""Figures kept in the cache until what they count changes: `kept(counter, key, compute)` and `bump(counter)`.

A figure that costs a scan (a network's reach over 100,000 activity log entries, on every visit of its
workspace) is computed once and kept under the current value of a version counter named after the rows
it counts ("log:<network id>"). Each write to those rows bumps the counter, so the next read computes
afresh under the new value and the old figure simply expires: a kept figure is never stale.

The page cache (portal/pagecache.py) keeps whole pages under the same counters ("network:<id>",
"shared", "all"). The protocol: counters start from the clock (one that was evicted never returns to a
value an old figure was kept under); inside a transaction a counter is bumped at its first write and
again after the commit (a reader in between kept the old figure under a value that is gone by the time
the new rows are visible); and a read inside a transaction that bumped a counter and has not committed
computes without the cache (it sees rows nobody else sees yet, and they may still be rolled back). That
is why the tests, each one transaction, compute every figure; tests/portal/test_versions.py commits for
real.
"""

import time

from django.core.cache import cache
from django.db import transaction

_PREFIX = "versions:v1:"
KEEP_SECONDS = 24 * 3600  # how long a figure nobody reads stays; a change replaces it at once anyway
_MISSING = object()


def _counter(name):
    return f"{_PREFIX}counter:{name}"


def _clock():
    return int(time.time() * 1000)


def current(name):
    """The counter's value now (started from the clock on first use)."""
    return current_many([name])[0]


def current_many(names):
    """The counters' values now, in the order of `names`: one read of the cache for all of them."""
    keys = [_counter(name) for name in names]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _clock(), timeout=None)
        found = cache.get_many(keys)
    return [found.get(key, "") for key in keys]


def _bump_now(names):
    for name in names:
        try:
            cache.incr(_counter(name))
        except ValueError:  # never read yet, or evicted: start from the clock
            cache.add(_counter(name), _clock(), timeout=None)


def bump(*names):
    """Mark what is kept under these counters stale: at once outside a transaction; inside one at its
    first write and again after its commit."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump_now(names)
        return
    pending = _pending(connection)
    new = set(names) - pending
    if new:
        _bump_now(new)
        pending.update(new)


def _pending(connection, create=True):
    """The counters this transaction has bumped, whose second bump waits for the commit (None if none and
    `create` is false). A rolled-back transaction (or savepoint) drops its on-commit callback, and the set
    with it."""
    state = getattr(connection, "_versions_pending", None)
    if state is not None:
        pending, run, index = state
        callbacks = connection.run_on_commit
        if index < len(callbacks) and callbacks[index][1] is run:
            return pending
    if not create:
        return None
    pending = set()

    def run():
        _bump_now(pending)

    run.versions = True  # how tests tell this callback from the jobs a transaction queues
    connection._versions_pending = (pending, run, len(connection.run_on_commit))
    transaction.on_commit(run)
    return pending


def changed_here(name=None):
    """This transaction has written rows counted under `name` (with no name: under any counter) and not
    committed them yet."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    pending = _pending(connection, create=False)
    return pending is not None and (name is None or name in pending)


def kept(name, key, compute, timeout=KEEP_SECONDS):
    """`compute()`'s value, kept under counter `name`'s current value and `key` (what figure, of what):
    computed again after any bump of the counter. The value must pickle (plain data: a dict, a number)."""
    if changed_here(name):
        return compute()
    cache_key = f"{_PREFIX}figure:{name}:{current(name)}:{key}"  # the version is read before computing
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(cache_key, value, timeout=timeout)
    return value
