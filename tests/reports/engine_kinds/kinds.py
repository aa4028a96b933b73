"""`engine_test`: a small real PDF (portal.pdf.render_pdf) about a project, for the engine's tests.

Its parameters steer it: `steps` progress steps `delay` seconds apart (a slow render the worker tests
can kill in the middle), `title`, and `fail` ("render": a RenderError with a reason for the user,
"crash": an unexpected error, "transient": a connection error, retried). A `marker` parameter only makes
two requests different.
"""

import time

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape

from portal import permissions
from portal.pdf import render_pdf
from reports import kinds
from reports.forms import register_fields

NAME = "engine_test"
FAILURES = ("", "render", "crash", "transient")
ALLOWED = {"steps", "delay", "title", "fail", "marker"}


def can_request(user, project):
    return permissions.check("see_private_projects", user, project.network) and user.is_authenticated


def can_download(user, project):
    return permissions.check("view_project", user, project) and user.is_authenticated


def clean_parameters(project, parameters):
    unknown = set(parameters) - ALLOWED
    if unknown:
        raise ValidationError({name: "Not a parameter of this report." for name in sorted(unknown)})
    errors = {}
    try:
        steps = int(parameters.get("steps") or 2)
        if not 1 <= steps <= 100:
            raise ValueError
    except (TypeError, ValueError):
        errors["steps"] = "Between 1 and 100 steps."
        steps = 0
    try:
        delay = float(parameters.get("delay") or 0)
        if not 0 <= delay <= 5:
            raise ValueError
    except (TypeError, ValueError):
        errors["delay"] = "Between 0 and 5 seconds."
        delay = 0
    fail = str(parameters.get("fail") or "")
    if fail not in FAILURES:
        errors["fail"] = "Not a known failure."
    if errors:
        raise ValidationError(errors)
    return {
        "steps": steps,
        "delay": delay,
        "title": str(parameters.get("title", "")),
        "fail": fail,
        "marker": str(parameters.get("marker", "")),
    }


def data_version(project, parameters):
    return f"{project.pk}:{project.updated_at.isoformat()}"


def render(project, *, parameters, language, progress):
    for step in range(parameters["steps"]):
        progress(step / parameters["steps"])
        if parameters["delay"]:
            time.sleep(parameters["delay"])
    if parameters["fail"] == "render":
        raise kinds.RenderError("The project has no logframe to report on yet.")
    if parameters["fail"] == "crash":
        raise RuntimeError("an unexpected bug deep in the renderer")
    if parameters["fail"] == "transient":
        raise ConnectionError("the object storage did not answer")
    title = escape(parameters["title"] or project.title)
    return render_pdf(f"<h1>{title}</h1><p>{escape(language)}</p><p>Engine test report.</p>")


def filename(project, *, parameters, language):
    return f"engine-test-{project.slug}-{language}.pdf"


KIND = kinds.register(
    kinds.Kind(
        name=NAME,
        label="Engine test report",
        subject_model="projects.Project",
        can_request=can_request,
        can_download=can_download,
        clean_parameters=clean_parameters,
        data_version=data_version,
        render=render,
        filename=filename,
    )
)


def form_fields(project):
    return {name: (forms.CharField(label=name, required=False), "") for name in sorted(ALLOWED)}


register_fields(NAME, form_fields)
