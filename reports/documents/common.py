"""What the documents share: rendering a print template to PDF in a language, the data version,
reading multilingual texts, and checking parameters.

Every document renders through `render_document`: the template (templates/reports/pdf/) in the requested
language (translation.override, so the labels are translated and `MultilingualText` resolves to that
language, else the original), then portal.pdf.render_pdf with its SafeURLFetcher. The print stylesheet
(static/reports/print.css) is named by the template and read by the fetcher from our static files.
"""

import hashlib
import json
import uuid

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from portal import themes, versions
from portal.pdf import render_pdf

# Bump when a template or a document's contents change, so no finished file of the old layout is reused.
LAYOUT = "1"
DEFAULT_COLOUR = "#1f5f8b"


def render_html(template, context, *, language):
    with translation.override(language):
        return render_to_string(template, context)


def render_document(template, context, *, language):
    """The PDF of `template` with `context`, in `language`."""
    html = render_html(template, context, language=language)
    return render_pdf(html)


def data_version(network, *parts):
    """A value that changes whenever anything a document of `network` may show changes: the page cache's
    counters (portal.versions, bumped after every write: `network:<id>` for the network's rows, `shared`
    for organisations, which documents name), the day (overdue responses, the date on the cover), the
    layout, and what the document is of (`parts`: the kind, the subject, its parameters). Inside a
    transaction that has written and not committed, the counters do not know its rows yet: then the value
    is new every time, so such a file is never reused."""
    if versions.changed_here():
        return f"uncommitted-{uuid.uuid4().hex}"
    counters = versions.current_many([f"network:{network.pk}", "shared"])
    raw = json.dumps([LAYOUT, [str(c) for c in counters], timezone.localdate().isoformat(), *parts], default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def brand(network):
    """The network's colour (validated, with a fallback) and the colour text on it takes."""
    colour = network.colour if themes.is_colour(getattr(network, "colour", "")) else DEFAULT_COLOUR
    colour = "#" + colour.lstrip("#").lower()
    return {"colour": colour, "on_colour": themes.text_on(colour), "text_colour": themes.text_on_white(colour)}


def css_string(value):
    """`value` as a CSS string literal, safe inside a <style> element (for the running footer)."""
    escaped = "".join(f"\\{ord(char):x} " if char in '"\\<>&' or ord(char) < 32 else char for char in str(value))
    return f'"{escaped}"'


def page_footer(*, left):
    """The CSS `content` values of the running footer: `left` (date, version) and "Page X of Y"."""
    label = _("Page %(page)s of %(pages)s")
    before, page, rest = label.partition("%(page)s")
    between, pages, after = rest.partition("%(pages)s")
    if not (page and pages):  # a translation that turned the order round: numbers only
        before, between, after = "", " / ", ""
    right = f"{css_string(before)} counter(page) {css_string(between)} counter(pages) {css_string(after)}"
    return {"left": css_string(left), "right": right}


def day(value):
    """A date (or a moment's local date) as the current language writes it."""
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "DATE_FORMAT")


def month(value):
    """A month as the current language writes it ("Dec 2026")."""
    return formats.date_format(value, "YEAR_MONTH_FORMAT")


def text(value, language):
    """A multilingual text in `language`, else its original ('' when empty)."""
    return value.resolve(language).text if value else ""


def check_keys(parameters, allowed):
    """An unknown parameter is an error, never dropped."""
    if not isinstance(parameters, dict):
        raise ValidationError({NON_FIELD_ERRORS: [_("The report's parameters are not readable.")]})
    unknown = sorted(set(parameters) - set(allowed))
    if unknown:
        names = ", ".join(map(str, unknown))
        raise ValidationError({NON_FIELD_ERRORS: [_("Unknown report parameters: %(names)s.") % {"names": names}]})
