"""Where an indicator's actual values may come from besides the values typed in and the activity log: sources
that apps above projects register (projects names none of them; the layers forbid it).

An app registers a source in its AppConfig.ready():

    indicator_sources.register(IndicatorSource(key="ledger_adopted", label=..., rule=..., compute=...))

`key` is stored in Indicator.source (at most 30 characters), `label` is the choice the indicator editor
offers, `rule` the short line the project page shows under the indicator's name, `link_action` the permission
(portal.permissions, asked with the project's network) a reader needs for the values' links to be shown: the
page a value links to may be for the network's members only, while the project page is public. `compute(project, cells)`
gets the project and every (indicator, period_start, period_end) to fill (a period's ends are dates, or both
None for the whole record) and returns {(indicator id, period_start, period_end): SourceValue}; a cell it
leaves out counts 0. It must read a fixed number of queries whatever the number of indicators and periods
(projects.selectors.computed_indicators calls it once per source and project page).

A figure is never stale: the project page is kept by the page cache under its network's counter, which every
write of a tenant-owned row bumps (portal.pagecache), the registering app's rows included. A source whose rows
carry no network would have to bump it itself.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceValue:
    """A computed value for one period, and the page that shows what was counted ('' when there is none)."""

    value: int
    url: str = ""


@dataclass(frozen=True)
class IndicatorSource:
    key: str
    label: str
    rule: str
    compute: Callable
    link_action: str = ""


_sources = {}


def register(source):
    if len(source.key) > 30:
        raise ValueError(f"An indicator source's key has at most 30 characters: {source.key!r}")
    if source.key in ("typed", "log"):
        raise ValueError(f"{source.key!r} is one of the indicator's own sources")
    _sources[source.key] = source


def get(key):
    """The registered source `key`, or None (typed, log, or a source no app registers any more)."""
    return _sources.get(key)


def choices():
    """(key, label) of every registered source, in the order they were registered."""
    return [(source.key, source.label) for source in _sources.values()]
