"""Template helpers for the activity log's pages.

`{% waiting_entry_count network as waiting %}`: how many entries wait for approval (the coordinators' queue
tab), counted once per request however many places on the page show it.
"""

from django import template

from projects import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_entry_count(context, network):
    request = context.get("request")
    counts = request.__dict__.setdefault("_waiting_entry_counts", {}) if request is not None else {}
    if network.pk not in counts:
        counts[network.pk] = selectors.waiting_entry_count(network=network)
    return counts[network.pk]
