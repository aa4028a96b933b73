"""What the advocacy views share: finding an output the user may see (404 otherwise) or edit."""

from functools import wraps

from django.urls import reverse

from advocacy import selectors
from portal import permissions


def output_or_404(request, output_id):
    """The output of request.network with this id, if the user may read it. Everyone else gets 404, as
    for an id that does not exist; a visitor of a network they may enter is sent to log in first (a
    member opening a shared link while logged out gets in). The output's page is a door of the tenancy
    (see AdvocacyConfig.ready): the people of an addressed institution reach it in a network they cannot
    enter, so nobody but this check (portal.permissions.ensure_visible) decides."""
    output = selectors.output_in_network(network=request.network, pk=output_id)
    return permissions.ensure_visible(request, "view_output", output)


def output_required(action="view_output"):
    """View decorator: resolves `output_id` (404 unless the user may read it) and needs `action` on it
    (refused with the rule's reason: they may read it, so it is no secret)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, network_slug, output_id, **kwargs):
            output = output_or_404(request, output_id)
            if action != "view_output":
                permissions.ensure(request, action, output)
            return view(request, output, **kwargs)

        wrapper.required_permission = action
        return wrapper

    return decorator


def output_url(output, name="advocacy:output", **kwargs):
    return reverse(name, kwargs={"network_slug": output.network.slug, "output_id": output.pk, **kwargs})
