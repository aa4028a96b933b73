"""The activity log's spreadsheet columns: one layout for the export, the import and the template.

A row is one entry; the first row holds the column headers, fixed English keys (not translated), so a
file exported in Polish imports in English. Every field of projects.services.entries.ENTRY_FIELDS has
its column, written as a person reads it and read back the same way:

- `project`: the project's address (slug); blank for network-level work.
- `activity`: the planned activity's number and title ("1.4 Strengthening of career guidance"); only
  the number (the first word) is read.
- `kind`: its label in the exporter's language; read as the code or the label in any interface language.
- `language`: the language code of the texts; `title`, `description`, `outcomes` hold the originals in it.
- `title [sl]`, `description [sl]`, `outcomes [sl]`…: translations by a person, one column per language
  present; `title [sl, machine]`…: machine translations, so that a round trip keeps them marked as such
  (read back with that source; a row filling both columns of a language keeps the person's).
- `start_date`, `end_date`: ISO dates (real dates in XLSX); a blank end date is the start date.
- `site`: one of the project's sites, by name; `place` and `country` (ISO code, or the English name).
- the participant counts: whole numbers, blank for 0.
- `partners`, `target_groups`: names separated by “; ” (an organisation's name or acronym; a target
  group's name in any of its languages).
- `links`: web addresses, one per line.

`id`, `status` and `logged_by` are exported for the reader and ignored on import: an import creates new
drafts, logged for the organisation the importer chooses. So a round trip (export, then import into a
network where the same projects, sites, target groups and partners exist) gives the same entries.

Text cells of a CSV that start with = + - @ (or a tab or carriage return) get a leading apostrophe,
so a spreadsheet opening the file shows them as text instead of running them as formulas (CSV
injection); the import takes that apostrophe off again. XLSX cells are written as strings, which a
spreadsheet never evaluates, so they need no apostrophe.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from portal.texts import HUMAN, MACHINE
from projects.models import ActivityEntry

# Exported for the reader, ignored on import.
READ_ONLY = ("id", "status", "logged_by")
TEXTS = ("title", "description", "outcomes")
COUNTS = ("participants_total", *ActivityEntry.SEX_FIELDS, *ActivityEntry.AGE_FIELDS, "with_disabilities")
# The columns an import reads, in the order the template and the export show them.
COLUMNS = (
    "project", "activity", "kind", "language", *TEXTS, "start_date", "end_date", "site", "place", "country",
    *COUNTS, "partners", "target_groups", "links",
)  # fmt: skip
REQUIRED = ("title", "start_date")
SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TRANSLATION = re.compile(r"^(title|description|outcomes) \[([a-z]{2,3}(?:-[a-z0-9]+)?)(, machine)?\]$")
_MACHINE_MARK = ", " + MACHINE


def translation_header(text, slot):
    """The column of a translation `slot` (translation_slot's): "title [sl]", "title [sl, machine]"."""
    return f"{text} [{slot}]"


def translation_slot(code, source):
    """A translation's column key: its language, marked when a machine made it ("sl, machine")."""
    return code + _MACHINE_MARK if source == MACHINE else code


def translation_slots(text):
    """The translation columns `text` (a MultilingualText) fills: one per language other than its original."""
    return {translation_slot(code, text.source(code)) for code in text.languages if code != text.original_language}


def translation_cell(text, slot):
    """What the translation column `slot` holds of `text` (a MultilingualText): its person's translation in
    "sl", its machine's in "sl, machine", else '' (the original has its own column). Other spreadsheets with
    multilingual texts (the evidence pack's indicators) write their translations with it too."""
    return _translation(text, slot)


def headers(languages=()):
    """The export's headers: the read-only columns, the columns, then a translation column for each
    text in each of `languages`."""
    return [*READ_ONLY, *COLUMNS, *(translation_header(t, code) for code in languages for t in TEXTS)]


def neutralise(value):
    """A CSV cell as text a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _restore(value):
    if isinstance(value, str) and value[:1] == "'" and value[1:2] and value[1:2] in "=+-@\t\r":
        return value[1:]
    return value


# --- writing ---------------------------------------------------------------------------------------


def _translation(text, slot):
    """The text's translation for the column `slot` (not its original, which its own column holds): a
    person's in "sl", a machine's in "sl, machine"."""
    code = slot.removesuffix(_MACHINE_MARK)
    if code == text.original_language or text.source(code) is None:
        return ""
    return text.text(code) if (text.source(code) == MACHINE) == slot.endswith(_MACHINE_MARK) else ""


def labels():
    """The choice labels an export writes, in the reader's language, built once per file (get_FOO_display
    rebuilds the choices on every call: a third of an export's time)."""
    return {
        "status": {code: str(label) for code, label in ActivityEntry.Status.choices},
        "kind": {code: str(label) for code, label in ActivityEntry.Kind.choices},
    }


# What a row of the export reads of an entry, as `QuerySet.values()` names it (projects.exports reads these
# and nothing else: no model instances, whose building and decoding of every other column took most of an
# export's time).
ROW_VALUES = (
    "pk", "status", "organisation__name", "project_id", "project__slug", "activity_id", "activity__code",
    "activity__title", "kind", "language", *TEXTS, "start_date", "end_date", "site_id", "site__name", "place",
    "country", *COUNTS, "links",
)  # fmt: skip


def entry_row(entry, languages, *, partners, target_groups, labels):
    """The entry's cells, in the order of headers(languages). `entry` is its ROW_VALUES (a dict);
    `partners` and `target_groups` are the names fetched for its page of rows (projects.exports fetches them
    per chunk, not per entry); `labels` is labels()'s."""
    row = [
        entry["pk"],
        labels["status"].get(entry["status"], entry["status"]),
        entry["organisation__name"],
        entry["project__slug"] if entry["project_id"] else "",
        f"{entry['activity__code']} {entry['activity__title'].original}".strip() if entry["activity_id"] else "",
        labels["kind"].get(entry["kind"], entry["kind"]),
        entry["language"],
        *(entry[name].original for name in TEXTS),
        entry["start_date"],
        entry["end_date"],
        entry["site__name"] if entry["site_id"] else "",
        entry["place"],
        entry["country"] or "",  # the stored code (a Country object would translate its name)
        *(entry[name] for name in COUNTS),
        SEPARATOR.join(partners),
        SEPARATOR.join(target_groups),
        "\n".join(entry["links"] or ()),
    ]
    for code in languages:
        row.extend(_translation(entry[name], code) for name in TEXTS)
    return row


# --- reading ---------------------------------------------------------------------------------------


class FileProblem(Exception):
    """The file as a whole cannot be read as entries (unknown columns, no header…): one message."""


@dataclass
class Layout:
    """Which column of the file holds what: index → header, for the columns the import reads."""

    columns: dict  # header → index
    translations: dict  # (text, language, source: a person's or a machine's) → index
    width: int

    def cell(self, row, header):
        index = self.columns.get(header)
        if index is None or index >= len(row):
            return None
        return _restore(row[index])


def _header(value):
    return " ".join(str(value if value is not None else "").split()).lower()


def read_layout(row):
    """The layout of a file from its header row; FileProblem for unknown or repeated columns, or
    missing required ones."""
    known, columns, translations, unknown, seen = set(COLUMNS), {}, {}, [], set()
    for index, value in enumerate(row):
        header = _header(value)
        if not header:
            continue
        if header in seen:
            raise FileProblem(_("The column “%(column)s” appears twice.") % {"column": header})
        seen.add(header)
        if header in known:
            columns[header] = index
        elif match := _TRANSLATION.match(header):
            translations[(match[1], match[2], MACHINE if match[3] else HUMAN)] = index
        elif header not in READ_ONLY:
            unknown.append(str(value).strip())
    if unknown:
        raise FileProblem(
            _("Unknown columns: %(columns)s. The columns an import reads are: %(known)s.")
            % {"columns": ", ".join(f"“{name}”" for name in unknown), "known": ", ".join(COLUMNS)}
        )
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise FileProblem(
            _("The first row must name the columns; these are missing: %(columns)s. Start from the template.")
            % {"columns": ", ".join(f"“{name}”" for name in missing)}
        )
    return Layout(columns=columns, translations=translations, width=len(row))


def kind_codes():
    """Every way a kind may be written → its code: the code, and its label in each interface language."""
    codes = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in ActivityEntry.Kind.choices:
                codes[str(label).lower()] = code
    codes.update({code: code for code in ActivityEntry.Kind.values})
    return codes


@dataclass
class References:
    """The network's names an import resolves, loaded once for the whole file (projects.services.
    entry_imports builds it): projects by slug, and per project its activities, sites and target
    groups; organisations by name or acronym."""

    projects: dict  # slug → Project
    activities: dict  # (project id, code) → Activity id
    sites: dict  # (project id, lowercased name) → [Site id]
    target_groups: dict  # (project id, lowercased name in any language) → TargetGroup id
    organisations: dict  # lowercased name or acronym → {Organisation id}
    kinds: dict = field(default_factory=kind_codes)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    if _ISO_DATE.fullmatch(text):  # the usual case, without strptime's cost (a tenth of a row's reading)
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date: write it as 2025-03-31.") % {"value": text})


def _count(value):
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise ValueError(_("Write a whole number."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = _text(value)
        if not re.fullmatch(r"\d+", text):
            raise ValueError(_("“%(value)s” is not a whole number of people.") % {"value": text})
        number = int(text)
    if number < 0:
        raise ValueError(_("The number cannot be negative."))
    return number


def _names(value):
    return [name.strip() for name in _text(value).split(";") if name.strip()]


def read_row(row, layout, refs, *, default_language):
    """The data for entry_create from one row, and the errors already found, keyed by column."""
    errors, data = {}, {}

    def cell(header):
        return layout.cell(row, header)

    slug = _text(cell("project")).lower()
    project = None
    if slug:
        project = refs.projects.get(slug)
        if project is None:
            errors["project"] = _("No project of this network has the address “%(slug)s”.") % {"slug": slug}
    data["project"] = project.pk if project else None

    activity = _text(cell("activity"))
    if activity:
        code = activity.split()[0]
        if project is None:
            if slug:  # the project's own error says it
                pass
            else:
                errors["activity"] = _("Name the project: a planned activity belongs to one project.")
        elif (project.pk, code) in refs.activities:
            data["activity"] = refs.activities[(project.pk, code)]
        else:
            errors["activity"] = _("The project has no planned activity numbered “%(code)s”.") % {"code": code}

    kind = _text(cell("kind")).lower()
    if "kind" in layout.columns:
        if not kind:
            data["kind"] = ActivityEntry.Kind.OTHER
        elif kind in refs.kinds:
            data["kind"] = refs.kinds[kind]
        else:
            errors["kind"] = _("“%(value)s” is not a kind of activity; choose one of: %(kinds)s.") % {
                "value": _text(cell("kind")),
                "kinds": ", ".join(str(label) for _code, label in ActivityEntry.Kind.choices),
            }

    language = _text(cell("language")).lower() or default_language
    data["language"] = language
    for name in TEXTS:
        versions = {}
        original = _text(cell(name))
        if original:
            versions[language] = {"text": original, "source": "original"}
        for (text, code, source), index in layout.translations.items():
            if text == name and code != language and index < len(row) and (value := _text(_restore(row[index]))):
                if versions.get(code, {}).get("source") != HUMAN:  # a person's translation over a machine's
                    versions[code] = {"text": value, "source": source}
        if name in layout.columns or versions:
            data[name] = versions

    for name in ("start_date", "end_date"):
        if name in layout.columns:
            try:
                data[name] = _date(cell(name))
            except ValueError as error:
                errors[name] = str(error)
    if data.get("end_date") is None and data.get("start_date") and "end_date" not in errors:
        data["end_date"] = data["start_date"]

    site = _text(cell("site"))
    if site:
        ids = refs.sites.get((project.pk, site.lower()), []) if project else []
        if len(ids) == 1:
            data["site"] = ids[0]
        elif project is not None or not slug:
            errors["site"] = (
                _("The project has no site called “%(name)s”.") % {"name": site}
                if project
                else _("Name the project: a site belongs to one project.")
            )
    for name in ("place",):
        if name in layout.columns:
            data[name] = _text(cell(name))
    country = _text(cell("country"))
    if country:
        code = country.upper() if len(country) == 2 else countries.by_name(country)
        if code and code in dict(countries):
            data["country"] = code
        else:
            errors["country"] = _("“%(value)s” is not a country: write its two-letter code (AZ, SI…).") % {
                "value": country
            }

    for name in COUNTS:
        if name in layout.columns:
            try:
                data[name] = _count(cell(name))
            except ValueError as error:
                errors[name] = str(error)

    partners = []
    for name in _names(cell("partners")):
        ids = refs.organisations.get(name.lower(), set())
        if len(ids) == 1:
            partners.append(next(iter(ids)))
        else:
            message = (
                _("“%(name)s” is neither a partner of a project nor a member of the network.")
                if not ids
                else _("Several organisations are called “%(name)s”: write the full name.")
            )
            errors.setdefault("partners", []).append(message % {"name": name})
    if "partners" in layout.columns:
        data["partners"] = partners

    groups = []
    for name in _names(cell("target_groups")):
        found = refs.target_groups.get((project.pk, name.lower())) if project else None
        if found is None:
            errors.setdefault("target_groups", []).append(
                _("The project has no target group called “%(name)s”.") % {"name": name}
                if project
                else _("Name the project: target groups belong to one project.")
            )
        else:
            groups.append(found)
    if "target_groups" in layout.columns:
        data["target_groups"] = groups

    if "links" in layout.columns:
        data["links"] = _text(cell("links"))
    return data, errors


# Where an error of entry_create lands: its field's column, or the row as a whole.
def column_of(field_name):
    if field_name in COLUMNS:
        return field_name
    return NON_FIELD_ERRORS
