"""Which model is the tenant, and how a URL names it: filled in by the app that owns the tenant.

The floor imports no app, so the tenant app (network) registers itself here in its AppConfig.ready():
the URL keyword that carries the tenant's slug, how to load it, the scope dimension its rows are scoped
by, the permission action that lets a user in, and the few ways out (`exits`) that a user who may not
enter can still take. Later apps may open doors (open_door): reading views of one object shared beyond
the tenant. portal.middleware and portal.permissions read it.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tenant:
    model: type  # the tenant model (network.Network)
    url_kwarg: str  # "network_slug"
    scope_name: str  # django-scopes dimension: ScopedManager(network="network")
    load: object  # slug -> tenant or None
    enter_action: str  # permission action a user needs to see the tenant at all
    # {view name: action}: POST views admitted for a user who may not enter but passes `action` on the
    # tenant (an organisation withdrawing or leaving a network it can no longer see).
    exits: dict = field(default_factory=dict)


_tenant = None


def register(*, model, url_kwarg, scope_name, load, enter_action, exits=None):
    global _tenant
    _tenant = Tenant(
        model=model,
        url_kwarg=url_kwarg,
        scope_name=scope_name,
        load=load,
        enter_action=enter_action,
        exits=dict(exits or {}),
    )


# Views a later app lets people in through without entering the tenant: pages of one object shared with
# people outside it (an advocacy output addressed to a ministry of no network). Only for reading (GET and
# HEAD); the view itself decides, and answers 404 to everyone it does not admit. Filled by open_door().
_doors = set()


def open_door(view_name):
    """Let GET requests for `view_name` ("advocacy:output") reach the view whether or not the user may
    enter the tenant; the view must check its object itself and answer 404 to whoever may not see it."""
    _doors.add(view_name)


def is_door(view_name):
    return view_name in _doors


def tenant():
    if _tenant is None:
        raise RuntimeError("No tenant registered: the tenant app registers itself in AppConfig.ready()")
    return _tenant


def enter_action():
    return tenant().enter_action
