"""Template helpers for project pages.

`{% network_projects network as projects %}` lets the network page list its projects without the
network app importing this one (dependencies run members ← network ← projects).
`{% open_form open "edit" "activity" activity.pk as f %}` gives the form open for that row, or None.
`{% bilingual text translation %}` shows a text and its translation, each marked with its language.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from projects import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def network_projects(context, network):
    return list(selectors.projects_for_network(network=network, user=context["request"].user))


@register.simple_tag
def open_form(open_, mode, kind, target_id):
    if open_ and open_.mode == mode and open_.kind == kind and open_.target_id == target_id:
        return open_.form
    return None


@register.simple_tag(takes_context=True)
def bilingual(context, text, translation=""):
    """A project text in the project's language, then its translation if there is one.

    A `lang` attribute only where the language differs from the page's, so screen readers switch voice
    (WCAG 3.1.2). A tag rather than an include: a big logframe has hundreds of these.
    """
    project = context["project"]
    if project.language == (get_language() or "").split("-")[0]:
        html = format_html("{}", text)
    else:
        html = format_html('<span lang="{}">{}</span>', project.language, text)
    if translation:
        html += format_html(' <span class="translation" lang="{}">{}</span>', project.translation_language, translation)
    return html
