#!/usr/bin/env python
"""Time the two report PDFs in a throwaway SQLite database, and our pipeline's overhead over bare WeasyPrint.

    .venv/bin/python scripts/bench_reports.py [--runs 5] [--components 8 --activities 8 --results 10
        --indicators 40 --entries 150 --recommendations 20] [--only recommendation_package]
        [--language hy] [--second-language en]

Builds a project big enough for a ~50-page progress report (by default 8 × 8 planned activities, 10 results
with 40 indicators, 3 actual values each, 150 approved entries in the period) and a recommendation package
with 20 recommendations over 3 institutions, in a fresh SQLite file under a temporary folder (deleted
afterwards). For each document it prints:

- the whole render (the kind's `render`: queries, template, render_pdf), median of `--runs`, and its page count,
  in `--language` (default English), bilingual with `--second-language`;
- the same HTML (the print stylesheet inlined, so bare WeasyPrint needs no fetch) rendered by
  `portal.pdf.render_pdf` (our fetcher, base font stylesheet, font configuration) and by bare
  `weasyprint.HTML(string=...).write_pdf()`, interleaved in the same run, and the overhead in percent
  (target: at most 10 %).
"""

import argparse
import gc
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarking import timings, use_sqlite

PERIOD = {"period_start": "2025-01-01", "period_end": "2025-12-31"}


def configure(database_path):
    import logging

    use_sqlite(database_path, log_level="ERROR")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def build(sizes):
    import datetime

    from django.core.management import call_command
    from django_scopes import scope, scopes_disabled

    from advocacy.services.institutions import output_address
    from advocacy.services.outputs import output_create, output_publish, output_start_review
    from advocacy.services.recommendations import recommendation_add
    from network.models import Role
    from projects import models as m
    from tests.factories import NetworkFactory, OrganisationFactory, person_in, project_with_logframe

    call_command("migrate", verbosity=0)
    network = NetworkFactory(slug="bench", name="Partnership for Education Promotion Network", colour="#7a1f3d")
    project = project_with_logframe(
        network, components=sizes.components, activities=sizes.activities, results=sizes.results,
        indicators=sizes.indicators, values=3, partners=20,
    )  # fmt: skip
    organisation = OrganisationFactory(name="Youth Centre Gyumri")
    with scopes_disabled():
        activities = list(m.Activity.objects.filter(project=project).order_by("code"))
        entries = []
        for n in range(sizes.entries):
            day = datetime.date(2025, 1 + n % 12, 1 + n % 27)
            entries.append(m.ActivityEntry(
                network=network, project=project, activity=activities[n % len(activities)], organisation=organisation,
                status="approved", title={"en": {"text": f"Training of career counsellors {n}", "source": "original"}},
                outcomes={"en": {"text": "Counsellors trained to run career guidance sessions in their schools; "
                                         "each prepared a plan for the next term. " * 2, "source": "original"}},
                start_date=day, end_date=day, participants_total=20, women=12, men=8, under_18=5, age_18_29=15,
            ))  # fmt: skip
        m.ActivityEntry.objects.bulk_create(entries)
    coordinator = person_in(network, Role.COORDINATOR, name="Lead NGO")
    institutions = [
        OrganisationFactory(name=name, kind="ministry")
        for name in ("Ministry of Education, Science, Culture and Sport", "Ministry of Labour and Social Affairs",
                     "National Centre for VET Development")
    ]  # fmt: skip
    with scope(network=network):
        output = output_create(
            network=network, acting_user=coordinator,
            data={"title": "Recommendations for VET reforms", "kind": "recommendation_package", "visibility": "public",
                  "summary": "What the network proposes.", "body": "<p>" + "The network's proposals. " * 200 + "</p>"},
        )  # fmt: skip
        for institution in institutions:
            output_address(output=output, institution=institution, acting_user=coordinator)
        for n in range(sizes.recommendations):
            recommendation_add(
                output=output, acting_user=coordinator,
                data={"text": f"Recommendation {n + 1}: " + "introduce career guidance in every VET school. " * 3,
                      "rationale": "Because the study found it missing in most schools. " * 2,
                      "institution": institutions[n % 3].pk},
            )  # fmt: skip
        output = output_publish(output=output_start_review(output=output, acting_user=coordinator),
                                acting_user=coordinator)  # fmt: skip
    return project, output


def print_nothing(fraction):
    pass


def _ms(function):
    gc.collect()  # the previous render's garbage is not this one's cost
    start = time.perf_counter()
    result = function()
    return (time.perf_counter() - start) * 1000, result


def _pages(pdf):
    """The page count, as pdfinfo (poppler-utils) reads it; None without it."""
    import shutil
    import subprocess

    if not shutil.which("pdfinfo"):
        return None
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def measure(name, subject, parameters, runs, language="en", second_language=""):
    import weasyprint
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.utils import translation
    from django_scopes import scope

    from portal.pdf import render_pdf
    from reports import kinds
    from reports.documents import common

    kind = kinds.get(name)
    module = sys.modules[kind.render.__module__]
    with scope(network=subject.network):
        whole = []
        languages = kinds.language_arguments(kind, language, second_language)
        for _run in range(runs):
            elapsed, pdf = _ms(lambda: kind.render(subject, parameters=parameters, progress=print_nothing, **languages))
            whole.append(elapsed)
        # The document's own context: the progress report's sections are in `parts`, one per language.
        build_context = getattr(module, "bilingual_context", module.context)
        with translation.override(language):
            context = build_context(subject, parameters=parameters, **languages)
    context["footer"] = common.page_footer(left="bench")
    html = common.render_html(module.TEMPLATE, context, language=language)
    css = Path(finders.find("reports/print.css")).read_text()
    inlined = re.sub(r'<link rel="stylesheet" href="[^"]*print\.css">', f"<style>{css}</style>", html)
    base_url = settings.SITE_URL.rstrip("/") + "/"
    ours, bare = [], []
    pair = (
        (ours, lambda: render_pdf(inlined)),
        (bare, lambda: weasyprint.HTML(string=inlined, base_url=base_url).write_pdf()),
    )
    for run in range(runs):  # interleaved, so both see the same machine; in turn first, so neither gains by its place
        for times, function in pair if run % 2 == 0 else reversed(pair):
            times.append(_ms(function)[0])
    overhead = (statistics.median(ours) - statistics.median(bare)) / statistics.median(bare) * 100
    return {
        "document": name, "pages": _pages(pdf), "html_kb": len(html) / 1024, "render": timings(whole),
        "render_pdf": timings(ours), "bare_weasyprint": timings(bare), "overhead_percent": overhead,
    }  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("progress_report", "recommendation_package"), help="time one document")
    parser.add_argument("--language", default="en")
    parser.add_argument("--second-language", default="", help="a bilingual document: the second language")
    for name, default in (("components", 8), ("activities", 8), ("results", 10), ("indicators", 40),
                          ("entries", 150), ("recommendations", 20)):  # fmt: skip
        parser.add_argument(f"--{name}", type=int, default=default)
    sizes = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        configure(Path(folder) / "bench.sqlite3")
        project, output = build(sizes)
        for name, subject, parameters in (
            ("progress_report", project, PERIOD),
            ("recommendation_package", output, {"version": output.version}),
        ):
            if sizes.only and name != sizes.only:
                continue
            figures = measure(name, subject, parameters, sizes.runs, sizes.language, sizes.second_language)
            shown = "+".join(filter(None, (sizes.language, sizes.second_language)))
            print(f"{figures['document']} ({shown}): {figures['pages']} pages, HTML {figures['html_kb']:.0f} KB")
            for key in ("render", "render_pdf", "bare_weasyprint"):
                t = figures[key]
                print(
                    f"  {key:16} median {t['median']:8.0f} ms  mean {t['mean']:8.0f}  min {t['min']:8.0f}  n={t['n']}"
                )
            print(
                f"  overhead of render_pdf over bare WeasyPrint: {figures['overhead_percent']:+.1f} % (target <= 10 %)"
            )


if __name__ == "__main__":
    main()
