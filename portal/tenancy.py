"""Which model is the tenant, and how a URL names it: filled in by the app that owns the tenant.

The floor imports no app, so the tenant app (network) registers itself here in its AppConfig.ready():
the URL keyword that carries the tenant's slug, how to load it, the scope dimension its rows are scoped
by, the permission action that lets a user in, and the few ways out (`exits`) that a user who may not
enter can still take. portal.middleware and portal.permissions read it.
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


def tenant():
    if _tenant is None:
        raise RuntimeError("No tenant registered: the tenant app registers itself in AppConfig.ready()")
    return _tenant


def enter_action():
    return tenant().enter_action
