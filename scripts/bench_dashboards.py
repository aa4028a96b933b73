#!/usr/bin/env python
"""Time issue 11's donor pages on bench_scale's data: a project's dashboard and the donor's portfolio.

    .venv/bin/python scripts/bench_dashboards.py [--database-url postgres://postgres@127.0.0.1:5432/partnera_bench]
        [--small] [--redis-url redis://127.0.0.1:6379/6] [--runs 20 --deadline 30] [--json out.json] [--check]

Uses the database scripts/bench_scale.py builds (issue 7's 500 projects among 205 networks, 250,000 activity log
entries of which 200,000 approved in 50 projects, indicators typed in and computed from the log, and a donor
organisation funding all 500 and the projects of two other networks): kept from an earlier run when it was built
with these sizes (`bench_scale.py --reuse --build-only` builds it alone), else built first, and kept afterwards.

Then, in this process through Django's test client (DEBUG off, PostgreSQL, a connection kept as CONN_MAX_AGE
does), for each page as the person who reads it (the donor, a member of the network):
- uncached: the cache emptied before each request (every kept figure, page and counter gone, as after a change
  to everything the page counts): the queries of one such request, and p50/p95 over `--runs` requests;
- cached: after one request has filled the cache, the queries of the next, and p50/p95 over `--runs` more, and
  whether the page cache (portal/pagecache.py) answered them whole;
- the page's size.
It prints a Markdown table; rows over issue 11's targets (p50 over 300 ms uncached or 50 ms cached) are flagged
and `--check` then exits 1. A page that does not answer 200 stops the run (exit 2); a page whose URL name the
portal does not route yet is listed as such. Each measurement stops after `--deadline` seconds whatever its
count. The cache is the process's own memory unless `--redis-url` names a Redis database (emptied by each
uncached request: give it one nobody else uses).
"""

import argparse
import dataclasses
import json
import platform
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import bench_scale
from benchmarking import percentile, sizes_kb, timings

TARGET_UNCACHED_MS, TARGET_CACHED_MS = 300, 50


@dataclasses.dataclass(frozen=True)
class Page:
    label: str
    persona: str  # donor or member: whose session asks
    url_name: str
    kwargs: dict


def pages(data):
    """The project dashboard of a project with entries (as its donor and as a network member), one of the
    images it shows (its charts are drawn by a request each: the reach chart, from the figures the page kept,
    or computed when uncached) and the donor's portfolio."""
    project = {"network_slug": data.network_slug, "project_slug": data.project_slug}
    return [
        Page("project dashboard", "donor", "projects:dashboard", project),
        Page("project dashboard", "member", "projects:dashboard", project),
        Page("a dashboard chart (reach)", "donor", "projects:dashboard_chart", {**project, "chart": "reach"}),
        Page("donor portfolio", "donor", "projects:portfolio", {}),
    ]


def path_of(page):
    """The page's path, or None while the portal does not route its URL name."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(page.url_name, kwargs=page.kwargs)
    except NoReverseMatch:
        return None


def client_for(user):
    from django.test import Client

    # As behind the deployment's TLS proxy: with DEBUG off, plain HTTP is redirected to HTTPS.
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _get(client, page, path):
    response = client.get(path)
    if response.status_code != 200:
        goes = f" → {response['Location']}" if response.has_header("Location") else ""
        raise bench_scale.BenchError(
            f"{page.label} ({page.persona}): GET {path} answered {response.status_code}{goes}, not 200"
        )
    return response


def _counted(client, page, path):
    """(queries, response) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = _get(client, page, path)
    return len(captured), response


def _timed(client, page, path, *, runs, deadline, before=None):
    """Milliseconds of up to `runs` requests, `before()` run ahead of each outside the timing; none after
    `deadline` seconds (at least one)."""
    times, stop = [], time.monotonic() + deadline
    while len(times) < runs and (not times or time.monotonic() < stop):
        if before:
            before()
        start = time.perf_counter()
        _get(client, page, path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(page, path, user, *, runs, deadline):
    from django.core.cache import cache

    client = client_for(user)
    _get(client, page, path)  # warm: templates, translations, the URL resolver, content types
    cache.clear()
    queries_uncached, response = _counted(client, page, path)
    uncached = _timed(client, page, path, runs=runs, deadline=deadline, before=cache.clear)
    _get(client, page, path)  # fills the cache
    queries_cached, cached_response = _counted(client, page, path)
    cached = _timed(client, page, path, runs=runs, deadline=deadline)
    kb, gzip_kb = sizes_kb(response.content)
    row = {
        "page": page.label, "persona": page.persona, "path": path, "queries_uncached": queries_uncached,
        "queries_cached": queries_cached, "page_cache": cached_response.get("X-Page-Cache", "") == "hit",
        "uncached_p50": timings(uncached)["median"], "uncached_p95": percentile(uncached, 0.95),
        "uncached_n": len(uncached), "cached_p50": timings(cached)["median"], "cached_p95": percentile(cached, 0.95),
        "cached_n": len(cached), "kb": kb, "gzip_kb": gzip_kb,
    }  # fmt: skip
    row["over"] = over_targets(row)
    return row


def over_targets(row):
    over = []
    if row["uncached_p50"] > TARGET_UNCACHED_MS:
        over.append(f"uncached p50 > {TARGET_UNCACHED_MS} ms")
    if row["cached_p50"] > TARGET_CACHED_MS:
        over.append(f"cached p50 > {TARGET_CACHED_MS} ms")
    return over


def table(rows):
    lines = [
        "| page | as | queries uncached | queries cached | uncached p50 | p95 | cached p50 | p95 | page cache "
        "| KB | KB gzip | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |",
    ]
    for row in rows:
        if "path" not in row:
            lines.append(f"| {row['page']} | {row['persona']} | – | – | – | – | – | – | – | – | – | "
                         f"not routed yet ({row['url_name']}) |")  # fmt: skip
            continue
        target = "**✗ " + "; ".join(row["over"]) + "**" if row["over"] else "ok"
        lines.append(
            f"| {row['page']} | {row['persona']} | {row['queries_uncached']} | {row['queries_cached']} "
            f"| {row['uncached_p50']:,.1f} | {row['uncached_p95']:,.1f} | {row['cached_p50']:,.1f} "
            f"| {row['cached_p95']:,.1f} | {'hit' if row['page_cache'] else 'no'} | {row['kb']:,.1f} "
            f"| {row['gzip_kb']:,.1f} | {target} |"
        )
    return "\n".join(lines)


def run(args, sizes):
    overrides = {"REDIS_URL": args.redis_url} if args.redis_url else {}
    data = bench_scale.prepare(args.database_url, sizes, reuse=True, **overrides)
    # One connection for the whole run, as CONN_MAX_AGE keeps it between requests; the test client's request
    # signals would otherwise close it after each one (and lose what the query log counts).
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    rows = []
    for page in pages(data):
        path = path_of(page)
        if path is None:
            rows.append({"page": page.label, "persona": page.persona, "url_name": page.url_name})
            bench_scale.progress(f"  {page.label} ({page.persona}): {page.url_name} is not routed yet")
            continue
        row = measure(page, path, getattr(data, page.persona), runs=args.runs, deadline=args.deadline)
        rows.append(row)
        bench_scale.progress(
            f"  {page.label} ({page.persona}): {row['queries_uncached']} queries, "
            f"p50 {row['uncached_p50']:.1f} ms uncached, {row['cached_p50']:.1f} ms cached"
        )
    return rows, connection.pg_version


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=bench_scale.DEFAULT_DATABASE_URL,
                        help="bench_scale's database: used if built with these sizes, else built; kept")  # fmt: skip
    parser.add_argument("--small", action="store_true", help="bench_scale's small data set, for a smoke run")
    parser.add_argument("--redis-url", default="", help="the cache in this Redis database (emptied!), not memory")
    parser.add_argument("--runs", type=int, default=20, help="requests per measurement")
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds per measurement, whatever its count")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a row is over the targets")
    args = parser.parse_args(argv)
    if urlsplit(args.database_url).hostname not in ("127.0.0.1", "localhost"):
        parser.error("the benchmark only talks to 127.0.0.1")
    sizes = bench_scale.SMALL if args.small else bench_scale.Sizes()
    started = time.monotonic()
    try:
        rows, server_version = run(args, sizes)
    except bench_scale.BenchError as error:
        print(f"bench_dashboards: {error}", file=sys.stderr)
        return 2
    print(
        f"{sizes.projects:,} projects in network `{bench_scale.SLUG}` among {sizes.networks:,} networks, "
        f"{sizes.entries:,} activity log entries in {sizes.entry_projects:,} projects; the donor funds all "
        f"{sizes.projects:,} and the projects of {bench_scale.DONOR_ELSEWHERE} other networks. In-process "
        f"(Django's test client), PostgreSQL {server_version // 10000}, DEBUG off, cache: "
        f"{'Redis' if args.redis_url else 'local memory'}, Python {platform.python_version()}; {args.runs} requests "
        f"per measurement (or {args.deadline:.0f} s); times in ms; {datetime.now():%Y-%m-%d %H:%M}, "
        f"{time.monotonic() - started:.0f} s in all.\n"
    )
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"sizes": dataclasses.asdict(sizes), "rows": rows}, indent=2))
    return 1 if args.check and any(row.get("over") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
