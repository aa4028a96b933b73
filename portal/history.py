"""Change history (django-simple-history) for tenant-owned models, scoped like the models themselves.

A plain `HistoricalRecords()` gives the historical model an unscoped default manager, so
`Project.history.all()` outside any scope would list every network's projects, private ones included:
a second way round the scope. `scoped_history(network="network")` builds the historical model on an
abstract base whose default manager is django-scopes' ScopedManager (over simple_history's own
HistoricalQuerySet), and gives the `history` descriptor a manager that reads through it. So
`HistoricalProject.objects`, `Project.history` and `project.history` all raise ScopeError outside a
scope and return only the scope's rows inside one; with scopes disabled (the Django admin) they see all.
"""

from django.db import models
from django_scopes import ScopedManager
from simple_history.manager import HistoricalQuerySet, HistoryManager
from simple_history.models import HistoricalRecords

_bases = {}


class ScopedHistoryManager(HistoryManager):
    """`Model.history` / `instance.history`: reads through the historical model's scoped default manager."""

    def get_super_queryset(self):
        return self.model._default_manager.get_queryset()


def _scoped_base(scopes):
    """One abstract base per set of scope dimensions, carrying the scoped default manager."""
    key = tuple(sorted(scopes.items()))
    if key not in _bases:
        manager_class = models.Manager.from_queryset(HistoricalQuerySet)
        _bases[key] = type(
            "ScopedHistoricalModel",
            (models.Model,),
            {
                "__module__": __name__,
                "objects": ScopedManager(manager_class, **scopes),
                "Meta": type("Meta", (), {"abstract": True}),
            },
        )
    return _bases[key]


def scoped_history(*, excluded_fields=(), **scopes):
    """`history = scoped_history(network="network")`: HistoricalRecords scoped on the same dimensions as
    the model's `objects = ScopedManager(network="network")`. The historical table keeps a copy of the
    `network` column, so the scope filters it directly. `excluded_fields`: columns derived from others
    (a search document), not worth a copy in every version."""
    return HistoricalRecords(
        bases=[_scoped_base(scopes)], history_manager=ScopedHistoryManager, excluded_fields=list(excluded_fields)
    )
