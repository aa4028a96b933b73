"""Showing multilingual texts (portal.texts) on pages.

`{% text project.title %}` the original, and next to it the reader's translation when the text has
one: partnership documents are official in their original, so it always stays on the page, and a
translation follows it marked with its language (and "machine translation" when a machine made it).
Each part carries `lang` where it differs from the page's, so screen readers switch voice (WCAG 3.1.2).
A tag rather than an include: a big logframe has hundreds of these.

`{% text_versions project.summary as v %}` the same, for long texts the template lays out itself:
`v.original`, `v.translation` (or None), `v.others` (the remaining versions) and `v.fallback`.

`{% rich_text output.body %}` the same for rich text, each version cleaned by portal.sanitise.clean_html.

`{% text_switch project.title %}` once per record: "Shown in the original language (Polish)" when the
reader's language is missing, and links `?lang=<code>` to read the record's texts in each of its other
languages (`portal.texts.reader_language` reads them). Plain links: no JavaScript, nothing extra loaded.
"""

from dataclasses import dataclass

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.sanitise import clean_html
from portal.texts import MACHINE, MultilingualText, Resolved, base_language, language_name, reader_language

register = template.Library()


@dataclass(frozen=True)
class Versions:
    original: Resolved
    translation: Resolved | None  # the reader's language, when it is not the original
    others: list  # Resolved of every other language, original first excluded
    fallback: bool  # the reader's language is missing: the original stands in for it

    @property
    def lang_differs(self):
        return base_language(self.original.language) != base_language(get_language())


def _versions(value, request):
    value = MultilingualText.coerce(value)
    reader = reader_language(request)
    original = value.resolve(value.original_language)
    shown = value.resolve(reader)
    translation = None if shown.is_original_language or not shown.text else shown
    others = [
        value.resolve(code)
        for code in value.languages
        if code not in (original.language, translation.language if translation else None)
    ]
    return Versions(original, translation, others, fallback=shown.is_fallback)


def _span(resolved, css=""):
    page = base_language(get_language())
    attrs = format_html(' lang="{}"', resolved.language) if base_language(resolved.language) != page else ""
    if css:
        attrs = format_html('{} class="{}"', attrs, css)
    if not attrs:
        return format_html("{}", resolved.text)
    return format_html("<span{}>{}</span>", attrs, resolved.text)


def _machine_mark(resolved):
    if resolved.source == MACHINE:
        return format_html(' <small class="muted">({})</small>', _("machine translation"))
    return ""


@register.simple_tag(takes_context=True)
def text(context, value):
    versions = _versions(value, context.get("request"))
    html = _span(versions.original)
    if versions.translation:
        html += format_html(" {}{}", _span(versions.translation, "translation"), _machine_mark(versions.translation))
    return html


def _rich(resolved, css):
    """One version of a rich text, through portal.sanitise on the way out too: stored bodies are cleaned on
    write, and cleaning again at the page costs little and holds even for a row written some other way."""
    page = base_language(get_language())
    attrs = format_html(' lang="{}"', resolved.language) if base_language(resolved.language) != page else ""
    return format_html('<div class="{}"{}>{}</div>', css, attrs, mark_safe(clean_html(resolved.text)))  # noqa: S308


@register.simple_tag(takes_context=True)
def rich_text(context, value):
    """`{% rich_text output.body %}`: a rich text (HTML a person wrote) as `text` shows a plain one: the
    original, then the reader's translation marked as such; each cleaned by portal.sanitise.clean_html."""
    versions = _versions(value, context.get("request"))
    if not versions.original.text:
        return ""
    html = _rich(versions.original, "rich-text")
    if versions.translation:
        html += format_html("{}{}", _rich(versions.translation, "rich-text translation"),
                            _machine_mark(versions.translation))  # fmt: skip
    return html


@register.simple_tag(takes_context=True)
def text_versions(context, value):
    return _versions(value, context.get("request"))


@register.simple_tag(takes_context=True)
def text_switch(context, value):
    request = context.get("request")
    value = MultilingualText.coerce(value)
    versions = _versions(value, request)
    parts = []
    if versions.fallback:
        parts.append(
            format_html(
                '<span class="lang-note">{}</span>',
                _("Shown in the original language (%(language)s).") % {"language": versions.original.language_name},
            )
        )
    reader = reader_language(request)
    if len(value.languages) > 1:
        current = mark_safe(' aria-current="true"')  # noqa: S308 (a constant)
        links = format_html_join(
            " · ",
            '<a href="?lang={}" hreflang="{}" lang="{}"{}>{}</a>',
            ((code, code, code, current if code == reader else "", _native(code)) for code in value.languages),
        )
        parts.append(format_html('<span class="lang-switch">{} {}</span>', _("Read in:"), links))
    if not parts:
        return ""
    return format_html('<p class="text-languages muted">{}</p>', format_html_join(" ", "{}", ((p,) for p in parts)))


def _native(code):
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return language_name(code)
