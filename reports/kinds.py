"""The kinds of report the engine renders: one registration per document, read by the job machinery.

A document module (reports/documents/) registers itself with `register(Kind(...))`; the services, the
task and the views only ever look a kind up by name, so adding a report is adding one module.

- `subject_model`: the model whose row the report is about ("advocacy.AdvocacyOutput"); jobs store its
  id and network.
- `can_request(user, subject)` / `can_download(user, subject)`: permission rules (portal.permissions),
  checked for session and token callers alike; a download by someone who may not see the subject is 404.
- `clean_parameters(subject, parameters) -> dict`: checks what the requester chose (a period, a
  version...) and returns it normalised, or raises django.core.exceptions.ValidationError with a
  message per field; nothing is saved then. It gets the form's values as posted (strings; dates as ISO
  dates: reports.forms) and, before the render, its own earlier result as the job stored it (JSON: dates
  as ISO strings), so it must accept both; `data_version`, `render` and `filename` get its result.
- `data_version(subject, parameters) -> str`: changes whenever anything the report shows changes, so a
  request with unchanged data reuses the finished file and a changed one never does.
- `render(subject, *, parameters, language, progress) -> bytes`: the PDF. `progress(fraction)` takes a
  float from 0 to 1 and may be called as often as the renderer likes. A failure the requester can
  understand is raised as `RenderError(message)`: the job fails with that message as its reason.
- `filename(subject, *, parameters, language) -> str`: what the download is called.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_KINDS = {}


@dataclass(frozen=True)
class Kind:
    name: str
    label: Any  # a lazy translation
    subject_model: str
    can_request: Callable
    can_download: Callable
    clean_parameters: Callable
    data_version: Callable
    render: Callable
    filename: Callable
    content_type: str = "application/pdf"


def register(kind):
    if kind.name in _KINDS and _KINDS[kind.name] != kind:
        raise ValueError(f"report kind {kind.name!r} is registered twice")
    _KINDS[kind.name] = kind
    return kind


def get(name):
    """The kind named `name`; LookupError if there is none."""
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"no report kind {name!r}") from None


def choices():
    return [(kind.name, kind.label) for kind in _KINDS.values()]


def all_kinds():
    return list(_KINDS.values())


class RenderError(Exception):
    """Raised by a kind's `render` for a failure its requester can understand and maybe fix ("the project
    has no logframe yet"): the job fails with this message as its reason. Any other exception fails the
    job with a general reason (and is logged), or is retried if it is transient (portal.mail.is_transient).
    """
