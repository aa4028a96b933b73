"""Languages in the report PDFs (templates/reports/pdf/): one document may speak two.

`{% in_language code %}…{% endin_language %}` renders its contents in that language: the labels through
gettext under translation.override, dates as the language writes them, and multilingual texts resolved
in it. `{% in_language code data=part %}` also makes the names of the dict `part` (what reports.documents
read in that language: figures, charts) the template's own inside.

`{% each_language %}…{% endeach_language %}` renders its contents once per language of the document
(`languages` in the context), joined by " / ", each part marked with its `lang` where it is not the
document's: a bilingual heading ("Recommendations / Priporočila"); in a one-language document, once, and
once too where both languages render the same (a label not translated yet, a date).

`{% pdf_text value %}` (and `{% pdf_rich value %}` for a rich text) shows a multilingual text
(portal.texts) in the language being rendered, else its original marked "(original, Polish)" as the pages
mark it, with its `lang`. A plain string is shown as it is.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from portal.sanitise import clean_html
from portal.texts import MultilingualText, base_language, language_name

register = template.Library()


class InLanguageNode(template.Node):
    def __init__(self, language, data, nodelist):
        self.language, self.data, self.nodelist = language, data, nodelist

    def render(self, context):
        language = self.language.resolve(context)
        data = self.data.resolve(context) if self.data is not None else None
        with override(language), context.push(**(data or {})):
            return self.nodelist.render(context)


@register.tag
def in_language(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and not bits[2].startswith("data=")):
        raise template.TemplateSyntaxError("{% in_language code %} or {% in_language code data=part %}")
    language = parser.compile_filter(bits[1])
    data = parser.compile_filter(bits[2].removeprefix("data=")) if len(bits) == 3 else None
    nodelist = parser.parse(("endin_language",))
    parser.delete_first_token()
    return InLanguageNode(language, data, nodelist)


class EachLanguageNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        document = context.get("language") or get_language()
        parts, seen = [], set()
        for code in context.get("languages") or [document]:
            with override(code):
                html = self.nodelist.render(context).strip()
            if html in seen:  # a label the second language's catalog does not translate yet: said once
                continue
            seen.add(html)
            if base_language(code) != base_language(document):
                html = format_html('<span lang="{}">{}</span>', code, mark_safe(html))  # noqa: S308 (rendered)
            parts.append(html)
        return mark_safe('<span class="lang-sep"> / </span>'.join(parts))  # noqa: S308 (rendered parts)


@register.tag
def each_language(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% each_language %} takes no arguments")
    nodelist = parser.parse(("endeach_language",))
    parser.delete_first_token()
    return EachLanguageNode(nodelist)


def _shown(value):
    """(text, its language, whether it is the original standing in) of `value` in the active language."""
    if not isinstance(value, MultilingualText):
        return str(value or ""), None, False
    resolved = value.resolve(get_language())
    return resolved.text, resolved.language, resolved.is_fallback


def original_mark(language):
    """ "(original, Polish)": the original standing in for a missing translation, in the active language."""
    return _("original, %(language)s") % {"language": language_name(language)}


def _wrap(html, language, fallback, block=False):
    active = get_language()
    if language is None or base_language(language) == base_language(active):
        return html
    mark = ""
    if fallback:
        mark = format_html(' <span class="original-mark" lang="{}">({})</span>', active, original_mark(language))
    if block:
        return format_html('<div lang="{}">{}{}</div>', language, html, mark)
    return format_html('<span lang="{}">{}</span>{}', language, html, mark)


@register.simple_tag
def pdf_text(value, linebreaks=False):
    text, language, fallback = _shown(value)
    if not text:
        return ""
    html = conditional_escape(text)
    if linebreaks:
        html = mark_safe("<br>".join(html.replace("\r\n", "\n").split("\n")))  # noqa: S308 (escaped above)
    return _wrap(html, language, fallback, block=linebreaks)


@register.simple_tag
def pdf_rich(value):
    """A rich text (HTML a person wrote, cleaned by portal.sanitise on the way out too)."""
    text, language, fallback = _shown(value)
    if not text:
        return ""
    return _wrap(mark_safe(clean_html(text)), language, fallback, block=True)  # noqa: S308 (clean_html's output)
