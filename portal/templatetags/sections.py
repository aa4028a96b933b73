"""`{% sections "network_page" %}`: include every template later apps registered for a slot."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString

from portal import sections as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def sections(context, slot):
    # Rendered with the page's own context, as {% include %} does; each part is already escaped HTML.
    return SafeString("".join(get_template(name).template.render(context) for name in registry.templates(slot)))
