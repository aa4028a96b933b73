"""A whole project from a dict (the demo data, later spreadsheet imports): all or nothing, each error
reported by where it is.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from members.models import Organisation
from portal import audit
from portal.inputs import unknown_fields
from projects.models import (
    Objective,
)
from projects.services.items import ITEMS, ORGANISATION_DETAILS, project_item_add
from projects.services.projects import PROJECT_CREATE_FIELDS, project_create

# The lists of rows at the top of the dict, and the kind of row in each.
LISTS = {
    "partners": "partner", "funding_chain": "funding", "objectives": "objective", "components": "component",
    "results": "result", "needs": "need", "target_groups": "target_group", "sites": "site",
}  # fmt: skip
# The rows a row holds: a component's activities, a result's indicators, an indicator's values.
NESTED = {
    "component": ("activities", "activity"),
    "result": ("indicators", "indicator"),
    "indicator": ("values", "value"),
}
# Keys the service takes that a row of the dict does not, because the import sets them: an objective's
# kind is the list it is in, and a partner's organisation is named as "organisation".
SET_BY_IMPORT = {"objective": {"kind"}, "partner": {"organisation_name"}}


def _row(value, key):
    """Plain strings are allowed where a row has one main text."""
    return {key: value} if isinstance(value, str) else dict(value)


def _keys(kind):
    """The keys a row of `kind` may hold: what its service takes when adding it, and its nested rows."""
    nested = (NESTED[kind][0],) if kind in NESTED else ()
    return set(ITEMS[kind].accepts(new=True)) - SET_BY_IMPORT.get(kind, set()) | set(nested)


def _unknown_keys(data):
    """{where: ["Unknown field “titel”."]} for every key of the dict, at any depth, that nothing reads.

    A key nothing reads is a misspelling in a file (or a field the import does not have), and dropping it
    would import the project without what it said, so the whole import is refused, naming each one.
    """
    errors = {}

    def check(value, known, where):
        if messages := unknown_fields(value, known):
            errors.setdefault(where, []).extend(messages)

    def rows(kind, values, where):
        for i, value in enumerate(values or ()):
            if not isinstance(value, dict):  # a row given as its main text alone
                continue
            here = f"{where}[{i}]"
            check(value, _keys(kind), here)
            if kind == "partner" and isinstance(details := value.get("organisation_details"), dict):
                check(details, ORGANISATION_DETAILS, f"{here}.organisation_details")
            if kind in NESTED:
                key, nested_kind = NESTED[kind]
                rows(nested_kind, value.get(key), f"{here}.{key}")

    check(data, (*PROJECT_CREATE_FIELDS, *LISTS), NON_FIELD_ERRORS)
    for key, kind in LISTS.items():
        if kind != "objective":
            rows(kind, data.get(key), key)
        elif isinstance(objectives := data.get(key), dict):  # grouped by kind
            check(objectives, [group.value for group in Objective.Kind], key)
            for group in Objective.Kind:
                rows(kind, objectives.get(group.value), f"{key}.{group.value}")
    return errors


def _errors_of(error):
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {NON_FIELD_ERRORS: error.messages}


@transaction.atomic
@audit.recorded_as("project.imported", after=lambda project: {"title": project.title, "rows": _row_count(project)})
def project_import(*, network, data, acting_user):
    """Create a whole project, with its partners and logframe, from one dict; all of it or nothing.

    A key nothing reads, at any depth (a misspelt "titel"), refuses the whole import before anything is
    written: every such key is reported by where it is ("components[1].activities[0]": "Unknown field
    “titel”.", a top-level one under NON_FIELD_ERRORS).

    Every row goes through the same services and validation as the pages. Errors are collected across
    all rows and raised together as one ValidationError whose keys say where each error is, e.g.
    "components[1].activities[0].code" or "partners[3].organisation_name"; nothing is saved then.
    Project fields are checked first (their errors keep the plain field names). Partner organisations
    are matched by name (or a unique acronym) among all organisations on Partnera and created, without an
    admin, when missing.

    Every text (title, summary, objectives, components, activities, results, indicators, needs, target
    groups) is a string, the original in the project's `language`, or all its languages at once,
    {"sl": "…", "en": "…"} (the project's language the original, the others translations; see
    portal.texts). The dict (only "title" is required; any list may be left out):

        {
          "title": "…", "acronym": "…", "slug": "…" (default: made from acronym or title),
          "programme": "Erasmus+ Capacity Building in VET", "reference": "101183414",
          "status": "planned" | "active" | "closed", "visibility": "public" | "private",
          "start_date": date or "2025-01-01", "end_date": date or "2027-12-31",
          "budget_amount": Decimal or "399542.28", "budget_currency": "EUR",
          "countries": ["SK", "GR", "DE"],
          "language": "sl", "summary": "…",                     # the language the project wrote in
          "funding_chain": [{"kind": "funder" | "programme" | "intermediary" | "implementer", "name": "…"}],
          "partners": [{"organisation": "UNDP", "role": "lead" | "partner" | "funder" | "extending" |
                        "implementing" | "associated" | "beneficiary", "note": "…",
                        "organisation_details": {"kind": "international", "country": "AZ", "acronym": …}}],
          "objectives": {"overall": ["…"], "specific": ["…" or {"text": "…"}]},
          "components": [{"kind": "pillar" | "work_package" | "key_activity" | "component",
                          "title": "…", "description": "…",
                          "activities": [{"code": "1.1" (optional, checked), "title": "…",
                                          "description": "…"} or "title"]}],
          "results": [{"level": "outcome" | "output" | "deliverable", "title": "…", "description": "…",
                       "indicators": [{"name": "…", "unit": "…", "baseline": "0", "target": "7",
                                       "values": [{"period_start": "2025-01-01", "period_end": "2025-12-31",
                                                   "value": "3", "note": "…"}]}]}],
          "needs": ["…" or {"text": "…"}],
          "target_groups": ["…" or {"name": "…"}],
          "sites": [{"name": "…", "city": "Ganja", "country": "AZ"} or "name"],
        }
    """
    if errors := _unknown_keys(data):
        raise ValidationError(errors)
    facts = {key: value for key, value in data.items() if key in PROJECT_CREATE_FIELDS}
    project = project_create(network=network, data=facts, acting_user=acting_user)
    errors = {}

    def add(kind, row, where, parent=None):
        try:
            return project_item_add(project=project, kind=kind, data=row, acting_user=acting_user, parent=parent)
        except ValidationError as error:
            for field, messages in _errors_of(error).items():
                key = where if field == NON_FIELD_ERRORS else f"{where}.{field}"
                errors.setdefault(key, []).extend(messages)
            return None

    for i, row in enumerate(data.get("partners", ())):
        row = _row(row, "organisation")
        if not isinstance(row.get("organisation"), Organisation):
            row["organisation_name"] = row.pop("organisation", "")
        add("partner", row, f"partners[{i}]")
    for i, row in enumerate(data.get("funding_chain", ())):  # after the partners: it links their organisations
        add("funding", _row(row, "name"), f"funding_chain[{i}]")
    objectives = data.get("objectives", {})
    for kind in (Objective.Kind.OVERALL, Objective.Kind.SPECIFIC):
        for i, row in enumerate(objectives.get(kind.value, ())):
            add("objective", {**_row(row, "text"), "kind": kind}, f"objectives.{kind.value}[{i}]")
    for c, row in enumerate(data.get("components", ())):
        row = _row(row, "title")
        activities = row.pop("activities", ())
        component = add("component", row, f"components[{c}]")
        for a, activity in enumerate(activities):
            if component is not None:
                add("activity", _row(activity, "title"), f"components[{c}].activities[{a}]", parent=component)
    for r, row in enumerate(data.get("results", ())):
        row = _row(row, "title")
        indicators = row.pop("indicators", ())
        result = add("result", row, f"results[{r}]")
        for i, indicator_row in enumerate(indicators):
            indicator_row = _row(indicator_row, "name")
            values = indicator_row.pop("values", ())
            where = f"results[{r}].indicators[{i}]"
            indicator = add("indicator", indicator_row, where, parent=result) if result else None
            for v, value in enumerate(values):
                if indicator is not None:
                    add("value", dict(value), f"{where}.values[{v}]", parent=indicator)
    for i, row in enumerate(data.get("needs", ())):
        add("need", _row(row, "text"), f"needs[{i}]")
    for i, row in enumerate(data.get("target_groups", ())):
        add("target_group", _row(row, "name"), f"target_groups[{i}]")
    for i, row in enumerate(data.get("sites", ())):
        add("site", _row(row, "name"), f"sites[{i}]")
    if errors:
        raise ValidationError(errors)
    return project


def _row_count(project):
    """How many rows the import brought, for its audit entry."""
    return sum(spec.model._base_manager.filter(project=project).count() for spec in ITEMS.values())
