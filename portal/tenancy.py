"""Which model is the tenant, and how a URL names it: filled in by the app that owns the tenant.

The floor imports no app, so the tenant app (network) registers itself here in its AppConfig.ready():
the URL keyword that carries the tenant's slug, how to load it, the scope dimension its rows are scoped
by, and the permission action that lets a user in. portal.middleware and portal.permissions read it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tenant:
    model: type  # the tenant model (network.Network)
    url_kwarg: str  # "network_slug"
    scope_name: str  # django-scopes dimension: ScopedManager(network="network")
    load: object  # slug -> tenant or None
    enter_action: str  # permission action a user needs to see the tenant at all


_tenant = None


def register(*, model, url_kwarg, scope_name, load, enter_action):
    global _tenant
    _tenant = Tenant(model=model, url_kwarg=url_kwarg, scope_name=scope_name, load=load, enter_action=enter_action)


def tenant():
    if _tenant is None:
        raise RuntimeError("No tenant registered: the tenant app registers itself in AppConfig.ready()")
    return _tenant


def enter_action():
    return tenant().enter_action
