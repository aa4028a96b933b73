"""Parts that later apps add to earlier apps' pages, so the earlier app never names them.

An app registers a template for a named slot in its AppConfig.ready(); the page that owns the slot
includes whatever is registered, in order. The included template gets the page's whole context
(`network`, `request`, `user`…) and loads what it needs through its own app's template tags.

    sections.register("network_page", "projects/_network_projects.html", order=10)
    {% load sections %}{% sections "network_page" %}

Slots: "network_nav" (a tab of a network's navigation), "network_page" (a section of the public
network page, between the objectives and the agreements), "workspace" (a section of the workspace),
"organisation_page" (a section of an organisation's public profile), "project_page" (a section of a
project's page), "output_page" (a section of an advocacy output's page; the page's context holds
`output`), "project_dashboard" (a section of a project's dashboard; the context holds `project` and the
chosen `period_start` and `period_end`, dates or None for the whole project) and "network_dashboard" (a
section of a network's dashboard, with the same period).
"""

from collections import defaultdict

SLOTS = (
    "organisation_page",
    "network_nav",
    "network_page",
    "workspace",
    "project_page",
    "output_page",
    "project_dashboard",
    "network_dashboard",
)

_registered = defaultdict(list)


def register(slot, template, *, order=100):
    if slot not in SLOTS:
        raise ValueError(f"Unknown section slot {slot!r}; known: {', '.join(SLOTS)}")
    if template not in (t for _, t in _registered[slot]):
        _registered[slot].append((order, template))
        _registered[slot].sort()


def templates(slot):
    """The templates registered for `slot`, in order."""
    if slot not in SLOTS:
        raise ValueError(f"Unknown section slot {slot!r}")
    return [template for _, template in _registered[slot]]
