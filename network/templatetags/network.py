"""Template helpers the network app offers to the pages of the apps below it.

`{% organisation_networks organisation as memberships %}`: the public networks an organisation belongs
to, for its profile page (members may not import network; the page includes this app's section).
`{% pending_request_count network as waiting %}`: how many join requests wait (the coordinators' tab).
"""

from django import template

from network import selectors

register = template.Library()


@register.simple_tag
def organisation_networks(organisation):
    return selectors.organisation_public_memberships(organisation=organisation)


@register.simple_tag(takes_context=True)
def pending_request_count(context, network):
    """Asked by the tab and the workspace's "What is new" on one page: counted once per request."""
    request = context.get("request")
    counts = request.__dict__.setdefault("_pending_request_counts", {}) if request is not None else {}
    if network.pk not in counts:
        counts[network.pk] = selectors.pending_request_count(network=network)
    return counts[network.pk]
