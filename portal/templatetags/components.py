"""The shared components of every page (`{% load components %}`); /styleguide/ shows each with its states.

Block components take keyword arguments and a body, and some take named parts, each optional:

    {% pageheader title=project.title acronym=project.acronym %}
      {% pill project.status project.get_status_display %} · Armenia      ← the meta line (the body)
    {% crumbs %}<a href="…">Network</a> › <a href="…">Projects</a>
    {% actions %}<a class="button" href="…">Edit</a>
    {% endpageheader %}

    {% tabs label=_("Network") %}{% tab url _("News") %}…{% endtabs %}
    {% card title=_("Members") %}…{% endcard %}
    {% confirm action=url summary=_("Suspend…") button=_("Yes, suspend") %}What happens.{% fields %}…{% endconfirm %}

Simple ones: `{% pill status label %}`, `{% tab url label %}`, `{% flash %}` (the messages, one at a time),
`{% error_summary form %}`, `{% field_control field %}` (the widget, described by its hint and error).
Their markup is in templates/components/; templates/includes/ keeps the includes pages already use
(field, form, empty, status_badge), which render through these.
"""

from django import template
from django.contrib.messages import constants, get_messages
from django.template.base import token_kwargs
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from portal import themes
from portal.templatetags.texts import _versions
from portal.texts import MultilingualText

register = template.Library()


class ComponentNode(template.Node):
    def __init__(self, template_name, kwargs, parts):
        self.template_name, self.kwargs, self.parts = template_name, kwargs, parts

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.kwargs.items()}
        for name, nodelist in self.parts.items():
            values[name] = SafeString(nodelist.render(context).strip())
        prepare = PREPARE.get(self.template_name)
        if prepare:
            prepare(values, context)
        with context.push(**values):
            return get_template(self.template_name).template.render(context)


def block_component(name, template_name, parts=()):
    """Register `{% name key=value … %}body{% part %}…{% endname %}` rendering `template_name`."""
    end = f"end{name}"

    def compile_tag(parser, token):
        bits = token.split_contents()[1:]
        kwargs = token_kwargs(bits, parser, support_legacy=False)
        if bits:
            raise template.TemplateSyntaxError(f"{{% {name} %}} takes keyword arguments only, not {bits[0]!r}")
        found, current = {}, "body"
        while True:
            found[current] = parser.parse((*parts, end))
            current = parser.next_token().contents
            if current == end:
                return ComponentNode(template_name, kwargs, found)
            if current in found:
                raise template.TemplateSyntaxError(f"{{% {current} %}} twice in one {{% {name} %}}")

    register.tag(name, compile_tag)


def _prepare_page_header(values, context):
    # A multilingual title: the original (marked with its language) in the h1, the reader's translation under it.
    title = values.get("title")
    if isinstance(title, MultilingualText | dict):
        versions = _versions(title, context.get("request"))
        values["title"] = versions.original.text
        values.setdefault("lang", versions.original.language)
        if versions.translation:
            values["subtitle"] = versions.translation.text
            values["subtitle_lang"] = versions.translation.language


PREPARE = {"components/page_header.html": _prepare_page_header}

block_component("pageheader", "components/page_header.html", parts=("crumbs", "actions"))
block_component("tabs", "components/tabs.html")
block_component("card", "components/card.html")
block_component("confirm", "components/confirm.html", parts=("fields",))


@register.simple_tag(takes_context=True)
def tab(context, url, label, section=False, count=0, count_label=""):
    """One tab: `aria-current="page"` on the page itself; with section=True also "true" below it. A `count`
    (what waits there) shows as a number after the label; `count_label` says what it counts to screen readers."""
    path = context["request"].path
    current = ""
    if path == url:
        current = ' aria-current="page"'
    elif section and path.startswith(url):
        current = ' aria-current="true"'
    badge = ""
    if count:
        hint = format_html('<span class="visually-hidden"> {}</span>', count_label) if count_label else ""
        badge = format_html(' <span class="tab-count">{}{}</span>', count, hint)
    return format_html('<li><a href="{}"{}>{}{}</a></li>', url, SafeString(current), label, badge)


# One tone per status word, so a status looks the same wherever it shows; unknown ones are neutral.
TONES = {
    "ok": {
        "active",
        "coordinator",
        "admin",
        "in_force",
        "open",
        "verified",
        "approved",
        "done",
        "published",
        "adopted",
        "partly_adopted",
        "already_implemented",
    },
    "warn": {
        "requested",
        "suspended",
        "upcoming",
        "planned",
        "output",
        "missing",
        "draft",
        "unverified",
        "returned",
        "overdue",
        "rejected",
        "no_response",
    },
    "off": {"declined", "left", "withdrawn", "ended", "closed", "expired", "revoked", "deleted"},
    "info": {
        "member",
        "observer",
        "public",
        "private",
        "members",
        "outcome",
        "deliverable",
        "original",
        "submitted",
        "in_progress",
        "in_review",
        "acknowledged",
        "under_consideration",
    },  # fmt: skip
}
TONE_OF = {status: tone for tone, statuses in TONES.items() for status in statuses}


@register.simple_tag
def pill(status, label=None):
    """A status pill: one shape and one casing (the first letter capital) for every status."""
    label = status if label is None else label
    tone = TONE_OF.get(str(status), "neutral")
    return format_html('<span class="pill pill-{}">{}</span>', tone, capfirst(str(label)))


# The most urgent message wins; among equals the latest.
_URGENCY = {constants.ERROR: 4, constants.WARNING: 3, constants.SUCCESS: 2, constants.INFO: 1, constants.DEBUG: 0}


@register.inclusion_tag("components/flash.html", takes_context=True)
def flash(context):
    """The pending messages, shown one at a time (iterating marks them all read)."""
    request = context.get("request")
    message = None
    for candidate in get_messages(request) if request is not None else ():
        if message is None or _URGENCY.get(candidate.level, 1) >= _URGENCY.get(message.level, 1):
            message = candidate
    return {"message": message, "urgent": message is not None and message.level >= constants.WARNING}


@register.inclusion_tag("components/error_summary.html")
def error_summary(*forms):
    """GOV.UK's error summary: what went wrong, each linking to its field."""
    forms = [form for form in forms if getattr(form, "errors", None)]  # absent forms resolve to ""
    errors = []
    for form in forms:
        errors += [(None, error) for error in form.non_field_errors()]
        for field in form:
            if field.is_hidden:
                errors += [(None, error) for error in field.errors]
            else:
                errors += [(field_anchor(field), error) for error in field.errors]
    # One id per summary, so two forms in error on one page (the project editor's sections) stay valid.
    return {"errors": errors, "summary_id": f"error-summary-{forms[0].prefix or 'form'}" if forms else ""}


def field_anchor(field):
    """Where the summary's link takes the reader: the field's input (the first of a group of radios)."""
    return field.id_for_label or f"{field.auto_id}_0"


@register.simple_tag
def field_control(field):
    """The field's widget, described by its hint and its error (Django adds aria-invalid and the hint)."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    if not described or field.field.widget.attrs.get("aria-describedby"):
        return field.as_widget()
    return field.as_widget(attrs={"aria-describedby": " ".join(described)})


@register.simple_tag(takes_context=True)
def network_theme(context):
    """The link to the stylesheet of the page's network colour (portal/themes.py), where the page has one.
    The network may be a form's instance holding a colour being corrected: then the default stays."""
    network = getattr(context.get("request"), "network", None)
    if network is None or not themes.is_colour(network.colour):
        return ""
    return format_html('<link rel="stylesheet" href="{}">', reverse("theme", kwargs={"colour": network.colour}))
