"""Demo content for `manage.py load_demo`, as plain data.

One network per seed document, one module each. Texts are copied verbatim from the documents, in
their own language and spelling, typos included ("surveys, surveys", "nawiązania", "20269",
"NATIONALASSOCIATION"); the only edit is dropping the "- ", "• " bullets and the "," / ";" that end
list items. Where a document describes a project rather than a network, the partnership it describes is
modelled as the network; its name and slug are then ours (see the comment on each entry).

Everything not in a document is marked as demo data: organisations whose name starts with "Demo", the
accounts under demo.partnera.org, and the role given to an organisation where the document does not
say who coordinates (noted next to it). Countries and cities are set only where the document or the
organisation's own name makes them certain; otherwise they stay blank. The same holds for the projects,
agreement and news post each document describes: what a required field needs and the document does not
give (a title, a site's name, a result's level) is ours and said so in a comment; dates, numbers and
amounts are only the documents' own. tests/network/seed_facts.py lists where each fact shows.

Shape:

    NETWORKS = [{
        "network": {...Network fields, passed to network.services.network_create...},
        "objectives": [...], "tasks": [...],   # ordered, as the document lists them
        "organisations": [{
            ...Organisation fields (members.services.ORGANISATION_FIELDS)...,
            "role": "coordinator" | "member" | "observer",  # the active membership
            "login": {"email": ..., "full_name": ...},        # optional demo account (org admin)
        }],
        "projects": [...],     # dicts for projects.services.project_import ("slug" required: it finds
                               # the project on a second run); loaded by projects/demo.py
        "agreements": [...],   # dicts for network.services.agreement_import (found again by title)
        "news": [{...NewsPost fields..., "agreement": "<title of an agreement above>"}],  # by title + date
        "entries": [{...projects.services.entries.ENTRY_FIELDS, the project by "slug", the planned activity by
                     its number, site, partners and target groups by name...,
                     "by": "coordinator" | "member",   # which demo login logs it
                     "status": "approved" (default) | "submitted" | "returned" | "draft",
                     "returned_reason": ...}],          # found again by original title + start date
        "institutions": [{...Organisation fields...,          # addressed by the outputs, not members: found
                          "login": {"email": ..., ...}}],     # by name; with a login, created by it (its admin),
                                                              # else typed in by the network (no admin)
        "outputs": [{...advocacy.services.outputs.OUTPUT_FIELDS..., "project": "<slug>",
                     "result": "<original title>", "authors": [names], "institutions": [names],
                     "status": "published" (default) | "in_review" | "draft",
                     "recommendations": [{"text", "rationale", "institution": name}],
                     "submissions": [{...SUBMISSION_FIELDS..., "recommendation": <number>, "institution": name,
                                      "key": ..., "follows_up": "<key of an earlier one>",
                                      "response": {...RESPONSE_FIELDS...}}]}],  # found again by original title
    }]

The activity log entries are illustrative, not facts: no document reports what was done. Their descriptions
open with config.demo.common.ENTRY_NOTE (and its translation where the entry is not in English). So are the
advocacy outputs' recommendations, submissions and the institutions' responses: the documents name the outputs,
not what they recommend nor what came of them; those texts open with config.demo.common.OUTPUT_NOTE.

All content is written by the network's coordinator with a login, after every network exists.

Exactly one organisation per network is the coordinator with a login: it founds the network.
Organisations without a login are administered by DATA_STEWARD, an account that cannot log in.
"""

from config.demo import armenia, azerbaijan, kosovo_albania, poland, slovenia
from config.demo.common import EUROPEAN_UNION

# One module per seed document, in the documents' order.
NETWORKS = [armenia.SEED, slovenia.SEED, poland.SEED, kosovo_albania.SEED, azerbaijan.SEED]

# An NGO in no network, for trying journey 2 (sign up → organisation → request to join).
JOIN_DEMO = {
    "organisation": {
        "name": "Demo Youth NGO",
        "kind": "ngo",
        "description": "Demo data, not from any source document: an NGO that has joined no network yet, "
        "for trying the join journey.",
    },
    "login": {"email": "ngo@demo.partnera.org", "full_name": "Demo NGO Admin"},
}

# A donor's person: a second account of the European Union (VET for the Future's seed lists the organisation,
# its observer login its admin), added as a colleague. It follows the projects the EU funds (issue 11's donor
# dashboards and portfolio).
DONOR_DEMO = {
    "organisation": EUROPEAN_UNION,
    "login": {"email": "donor@eu.demo.partnera.org", "full_name": "EU Programme Officer (demo)"},
}

# A staff superuser for the Django admin.
STAFF_LOGIN = {"email": "admin@demo.partnera.org", "full_name": "Partnera Admin"}

# Administers the seed organisations that have no demo account of their own (every organisation needs
# an admin, and only an organisation's admin can accept an invitation for it). It cannot log in.
DATA_STEWARD = {"email": "demo-data@demo.partnera.org", "full_name": "Partnera demo data (no login)"}
