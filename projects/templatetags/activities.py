"""Template helpers for the activity log's pages.

`{% waiting_entry_count network as waiting %}`: how many entries wait for approval (the coordinators' queue
tab), counted once per request however many places on the page show it, up to WAITING_COUNTED ("1,000+"
past it: counting every waiting entry of a busy network cost each of the log's pages ~20 ms).
"""

from django import template
from django.utils.formats import number_format

from projects import selectors

register = template.Library()
WAITING_COUNTED = 1_000


@register.simple_tag(takes_context=True)
def waiting_entry_count(context, network):
    request = context.get("request")
    counts = request.__dict__.setdefault("_waiting_entry_counts", {}) if request is not None else {}
    if network.pk not in counts:
        count = selectors.waiting_entry_count(network=network, up_to=WAITING_COUNTED)
        counts[network.pk] = (
            count if count <= WAITING_COUNTED else f"{number_format(WAITING_COUNTED, force_grouping=True)}+"
        )
    return counts[network.pk]
