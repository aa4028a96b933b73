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
- `bilingual`: the kind also renders in two languages at once (a ministry's English and national-language
  versions side by side). Then `render` and `filename` get `second_language` too ('' for one language),
  and the request form offers it; a kind that is not bilingual is never asked for a second language.
- `completeness(subject, languages) -> list`: optional; the texts of the subject missing in some of the
  report's languages (advocacy.completeness.Missing), shown as a warning before a bilingual report is
  asked for.
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
    bilingual: bool = False
    completeness: Callable | None = None


def language_arguments(kind, language, second_language=""):
    """The language keywords of the kind's `render` and `filename`: `second_language` only for a bilingual
    kind (the others keep their one-language signature)."""
    if kind.bilingual:
        return {"language": language, "second_language": second_language or ""}
    return {"language": language}


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
