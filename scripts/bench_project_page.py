#!/usr/bin/env python
"""Time the project page of a large project in a throwaway SQLite database.

    .venv/bin/python scripts/bench_project_page.py [--runs 50] [--components 10 --activities 10
        --results 30 --indicators 100 --partners 50]

Builds the project (by default the issue's size: 10 components × 10 activities, 30 results, 100 indicators
with 2 values each, 50 partners) in a fresh SQLite file under a temporary folder, deleted afterwards, then
requests pages through Django's test client with DEBUG off (cached templates, no query logging) and prints
the query count, the server time per request (median, mean, 95th percentile, min) and the page size, raw
and gzipped. The time is Django's whole request cycle in this process: middleware, views, queries,
templates; no network, no web server.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarking import sizes_kb, timings, use_sqlite


def configure(database_path):
    use_sqlite(database_path)
    # One connection for the whole run, as with CONN_MAX_AGE > 0: outside the test runner Django closes it
    # after every request (CONN_MAX_AGE = 0 here), which would also hide the queries from the count.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


def build(sizes):
    from django.core.management import call_command

    from network.models import Role
    from tests.factories import NetworkFactory, person_in, project_with_logframe

    call_command("migrate", verbosity=0)
    network = NetworkFactory(slug="bench")
    project = project_with_logframe(network, **sizes)
    return network, project, person_in(network, Role.COORDINATOR)


def measure(client, path, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    queries = len(ctx)  # now: the next request empties the query log (request_started → reset_queries)
    for _ in range(3):  # warm caches (templates, URL resolver, translations)
        client.get(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    kb, gzip_kb = sizes_kb(response.content)
    return {"queries": queries, **timings(times), "kb": kb, "gzip_kb": gzip_kb}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    for name, default in (("components", 10), ("activities", 10), ("results", 30), ("indicators", 100),
                          ("partners", 50)):  # fmt: skip
        parser.add_argument(f"--{name}", type=int, default=default)
    args = parser.parse_args()
    sizes = {k: getattr(args, k) for k in ("components", "activities", "results", "indicators", "partners")}

    with tempfile.TemporaryDirectory(prefix="partnera-bench-") as folder:
        configure(Path(folder) / "bench.sqlite3")
        from django.test import Client
        from django.urls import reverse

        # No setup_test_environment(): its template instrumentation would be timed too.
        network, project, coordinator = build(sizes)
        kwargs = {"network_slug": network.slug, "project_slug": project.slug}
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(coordinator)
        detail = reverse("projects:detail", kwargs=kwargs)
        cases = [("project page, anonymous", anonymous, detail), ("project page, coordinator", signed_in, detail)]
        for page, label in (("logframe", "objectives and activities"), ("results", "results and indicators"),
                            ("partners", "partners and funding"), ("context", "needs, groups and sites")):  # fmt: skip
            path = reverse("projects:edit_page", kwargs={**kwargs, "page": page})
            cases.append((f"editing: {label}", signed_in, path))
        print(
            f"Project: {sizes['components']} components × {sizes['activities']} activities, {sizes['results']} "
            f"results, {sizes['indicators']} indicators (2 values each), {sizes['partners']} partners; "
            f"{args.runs} runs each, SQLite, DEBUG off, Python {sys.version.split()[0]}"
        )
        print(f"{'page':38} {'queries':>7} {'median':>8} {'mean':>8} {'p95':>8} {'min':>8} {'size':>9} {'gzip':>8}")
        for label, client, path in cases:
            r = measure(client, path, args.runs)
            print(
                f"{label:38} {r['queries']:>7} {r['median']:>6.1f}ms {r['mean']:>6.1f}ms {r['p95']:>6.1f}ms "
                f"{r['min']:>6.1f}ms {r['kb']:>6.1f} KB {r['gzip_kb']:>5.1f} KB"
            )


if __name__ == "__main__":
    main()
