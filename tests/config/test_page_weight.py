"""scripts/page_weight.py on the demo: every page type of every role under 60 KB (HTML + CSS + JS, gzip).

Runs in-process with the test client, so the script cannot rot; the browser checks of the same page
types are in tests/e2e/test_mobile_and_accessibility.py.
"""

import importlib.util
import io
from pathlib import Path

import pytest
from django.urls import URLPattern, get_resolver, resolve

from config.demo import pages

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "page_weight.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("page_weight", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


page_weight = _load_script()


@pytest.fixture
def weights(demo):
    pages.prepare()
    return page_weight.measure()


def test_every_page_type_of_every_role_is_measured_and_under_the_limit(weights):
    measured = {(w.role, w.page) for w in weights}
    expected = {(role, p.name) for role in pages.ROLES for p in pages.page_types(role)}
    assert measured == expected
    assert {"audit log", "project edit: logframe", "403", "404", "invitation"} <= {p for _r, p in measured}
    text, ok = page_weight.report(weights)
    assert ok, text
    assert not [w for w in weights if w.problem], text
    # The stylesheet is counted on every page (a cold cache), the HTML as sent gzipped; scripts only where
    # a page loads them: htmx on the project editor's pages and on a report job's page while it is being
    # prepared (it polls), the autocomplete where a form has a select to enhance (an organisation or a
    # country to choose).
    assert all(w.css > 1000 and 0 < w.html < w.total for w in weights)
    editor = {w.page for w in weights if w.page.startswith("project edit: ")}
    signed_in = {"join page", "organisation edit", "new organisation", "new network", "invitation"}
    autocomplete = {(role, page) for role in ("member", "coordinator") for page in signed_in}
    autocomplete |= {
        ("coordinator", page) for page in ("project edit", "new project", "new agreement", "agreement edit")
    }
    polling = {(role, "report job") for role in ("member", "coordinator")}
    assert polling <= measured
    assert editor and all(
        (w.js > 10_000) == (w.page in editor or (w.role, w.page) in autocomplete | polling) for w in weights
    ), text


def test_the_report_fails_over_the_limit_and_on_a_wrong_status(weights):
    text, ok = page_weight.report(weights, limit_kb=1)
    assert not ok and "OVER THE LIMIT" in text and "FAILED" in text
    wrong = [page_weight.Weight("member", "home", "/", 100, 0, 0, problem="answered 500, expected 200")]
    text, ok = page_weight.report(wrong)
    assert not ok and "answered 500" in text


def test_the_script_exits_non_zero_over_the_limit(demo):
    out = io.StringIO()
    assert page_weight.run(limit_kb=60, out=out) == 0, out.getvalue()
    assert "limit 60 KB: ok" in out.getvalue()
    out = io.StringIO()
    assert page_weight.run(limit_kb=5, out=out) == 1
    assert "OVER THE LIMIT" in out.getvalue()


def _url_names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLPattern):
            if entry.name:
                yield f"{namespace}:{entry.name}" if namespace else entry.name
        elif entry.namespace in ("members", "network", "projects", "advocacy", "reports"):
            yield from _url_names(entry.url_patterns, entry.namespace)


def test_every_page_of_the_apps_is_a_page_type(demo):
    """A new URL in members, network, projects, advocacy or reports urls.py must be added to config/demo/pages.py."""
    pages.prepare()
    covered = set()
    for role in pages.ROLES:
        for page in pages.page_types(role):
            if page.status == 200:
                match = resolve(page.url)
                covered.add(f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name)
    names = {name for name in _url_names(get_resolver().url_patterns) if ":" in name} | {"home"}
    assert names - covered - pages.NOT_PAGES == set()
    assert pages.NOT_PAGES <= names  # no stale entry
