"""The activity log's spreadsheets: the export of a filtered list (CSV streamed, XLSX in constant-memory
mode), the import template of a project, and the annotated copy of an import file with errors. The
columns are projects.entry_columns'.

An export reads the entries in chunks (one query each, from where the last one ended) and fetches the
partners' and target groups' names per chunk, so its memory stays flat whatever the number of rows and
its first row comes as soon as the first chunk is read.
"""

import codecs
import csv
import datetime
import io
import tempfile
from decimal import Decimal

import xlsxwriter
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _

from members.models import Organisation
from network.models import Membership
from portal.texts import MACHINE
from projects import entry_columns as columns
from projects.models import Activity, ActivityEntry, ProjectPartner, Site, TargetGroup

CHUNK = 2000
FIRST_CHUNK = 500  # ~150 KB of CSV: the first piece of the file comes from it
PIECE = 64 * 1024  # bytes of CSV handed to the response at a time
SHEET = "Activities"  # the entries' sheet, in the export, the template and the annotated copy
LISTS_SHEET = "Lists"
TEMPLATE_ROWS = 1000  # rows of the template that offer the drop-down lists
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The languages of the translations among the entries' texts (TEXTS: title, description, outcomes).
_LANGUAGES_SQL = (
    "SELECT DISTINCT j.key || CASE WHEN j.value ->> 'source' = %s THEN %s ELSE '' END "
    "FROM ({entries}) AS e(title, description, outcomes) "
    "CROSS JOIN LATERAL (VALUES (e.title), (e.description), (e.outcomes)) AS t(doc) "
    "CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(t.doc) = 'object' THEN t.doc ELSE '{{}}'::jsonb END) j "
    "WHERE j.value ->> 'source' IS DISTINCT FROM 'original'"
)


def translation_languages(entries):
    """The translation slots among `entries`' texts (columns.translation_slot's: every language a text holds
    but its original, a machine's translation in a slot of its own, "sl, machine").

    On PostgreSQL one query reads the three texts' keys in the database (jsonb_each: ~0.3 s at 100,000
    entries, where decoding every text in Python took 10 s before the file's first row); elsewhere one
    pass in Python. A stored text has at most one original (MultilingualText.errors refuses several), so
    "not the original" is "its source is not original" (a version without a source is a person's)."""
    texts = entries.order_by().values_list(*columns.TEXTS)
    if connection.vendor == "postgresql":
        inner, params = texts.query.sql_with_params()
        sql = _LANGUAGES_SQL.format(entries=inner)  # noqa: S608 (the queryset's own SQL; its values stay parameters)
        with connection.cursor() as cursor:
            cursor.execute(sql, [MACHINE, columns.translation_slot("", MACHINE), *params])  # in the SQL's order
            return sorted({code for (code,) in cursor.fetchall()})
    found = set()
    for row in texts.iterator(chunk_size=CHUNK):
        for text in row:
            found.update(columns.translation_slots(text))
    return sorted(found)


def _names_by_entry(through, ids, target, name):
    """{entry id: [names]} for one chunk of entries, one query."""
    names = {}
    rows = through.objects.filter(activityentry_id__in=ids).values_list("activityentry_id", f"{target}__{name}")
    for entry_id, value in rows.order_by(f"{target}__{name}"):
        names.setdefault(entry_id, []).append(value)
    return names


def _original(value):
    return value.original if hasattr(value, "original") else str(value)


def _chunks(entries):
    """`entries` as entry_columns.ROW_VALUES in the list's order, newest first, CHUNK at a time: each chunk
    one query that starts where the last one ended (its last date and id), so the date index is read from
    there and nothing is held between chunks. (A server-side cursor outside a transaction is declared WITH
    HOLD, and PostgreSQL then built the whole result, 100,000 joined rows, before the first.)"""
    rows = entries.order_by("-start_date", "-pk").values(*columns.ROW_VALUES)
    size = min(FIRST_CHUNK, CHUNK)  # a smaller first one: the first piece of the file sooner
    chunk = list(rows[:size])
    while chunk:
        yield chunk
        if len(chunk) < size:
            return
        last, size = chunk[-1], CHUNK
        after = Q(start_date__lt=last["start_date"]) | Q(start_date=last["start_date"], pk__lt=last["pk"])
        chunk = list(rows.filter(after, start_date__lte=last["start_date"])[:size])


def export_rows(entries):
    """The header row, then one row per entry of `entries` (a queryset of ActivityEntry), newest first."""
    languages, labels = translation_languages(entries), columns.labels()
    yield columns.headers(languages)
    for chunk in _chunks(entries):
        ids = [entry["pk"] for entry in chunk]
        partners = _names_by_entry(ActivityEntry.partners.through, ids, "organisation", "name")
        groups = _names_by_entry(ActivityEntry.target_groups.through, ids, "targetgroup", "name")
        for entry in chunk:
            yield columns.entry_row(
                entry,
                languages,
                partners=partners.get(entry["pk"], []),
                target_groups=[_original(group) for group in groups.get(entry["pk"], [])],
                labels=labels,
            )


# --- CSV ---------------------------------------------------------------------------------------------


class _Line:
    """A file-like object csv.writer writes one line into, handed on as it is written."""

    def write(self, value):
        return value


def _csv_cell(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return columns.neutralise(value)


def csv_lines(rows, piece=PIECE):
    """The rows as CSV in UTF-8, after a byte order mark (so Excel reads UTF-8), handed on in pieces of
    about `piece` bytes (one per line cost the server and the gzip middleware a write per row)."""
    writer = csv.writer(_Line())
    yield codecs.BOM_UTF8
    lines, size = [], 0
    for row in rows:
        line = writer.writerow([_csv_cell(value) for value in row]).encode("utf-8")
        lines.append(line)
        size += len(line)
        if size >= piece:
            yield b"".join(lines)
            lines, size = [], 0
    if lines:
        yield b"".join(lines)


# --- XLSX --------------------------------------------------------------------------------------------


def _write_cell(sheet, number, col, value, formats, style=None):
    """One cell: dates as dates, numbers as numbers, anything else as a string (never run as a formula)."""
    if value is None or value == "":
        if style is not None:
            sheet.write_blank(number, col, None, formats[style])
        return
    if isinstance(value, datetime.date):
        value = value if isinstance(value, datetime.datetime) else datetime.datetime.combine(value, datetime.time())
        sheet.write_datetime(number, col, value, formats[f"{style}_date" if style else "date"])
    elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        sheet.write_number(number, col, float(value) if isinstance(value, Decimal) else value,
                           formats[style] if style else None)  # fmt: skip
    else:
        sheet.write_string(number, col, str(value), formats[style] if style else None)


def _write_row(sheet, number, row, formats):
    for col, value in enumerate(row):
        _write_cell(sheet, number, col, value, formats)


def write_xlsx(rows, path, *, sheet_name=SHEET):
    """Write `rows` (header first) to an XLSX file at `path` in constant-memory mode; returns the number
    of rows written after the header. Decimals are written as numbers."""
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True, "tmpdir": tempfile.gettempdir()})
    formats = {"date": workbook.add_format({"num_format": "yyyy-mm-dd"}), "header": workbook.add_format({"bold": 1})}
    sheet = workbook.add_worksheet(sheet_name[:31])
    count = -1
    for number, row in enumerate(rows):
        if number == 0:
            sheet.write_row(0, 0, row, formats["header"])
            sheet.freeze_panes(1, 0)
        else:
            _write_row(sheet, number, row, formats)
        count = number
    workbook.close()
    return max(count, 0)


def xlsx_bytes(rows, *, sheet_name=SHEET):
    """`rows` as an XLSX file's bytes (for exports small enough to build during the request)."""
    buffer = io.BytesIO()
    write_xlsx(rows, buffer, sheet_name=sheet_name)
    return buffer.getvalue()


# --- the template ------------------------------------------------------------------------------------


# What each column's header comment says in the template.
def _hints():
    return {
        "project": _("The project's address; pick it from the list. Blank: network-level work."),
        "activity": _("The planned activity, from the list (its number is what counts)."),
        "kind": _("Training, workshop, meeting…: pick from the list."),
        "language": _("The language code of the texts (en, sl, az…)."),
        "title": _("Required: what took place."),
        "start_date": _("Required: the first day, as 2025-03-31."),
        "end_date": _("The last day; blank for a one-day activity."),
        "site": _("One of the project's sites, from the list, or leave blank and write the place."),
        "country": _("The two-letter code: AZ, SI, PL…"),
        "participants_total": _("All participants; the breakdowns may not add up to more."),
        "partners": _("Organisations involved, separated by “; ”."),
        "target_groups": _("Target groups reached, separated by “; ”."),
        "links": _("Web addresses, one per line."),
    }


def _list_column(workbook, lists, col, title, values):
    lists.write_string(0, col, title)
    for row, value in enumerate(values, start=1):
        lists.write_string(row, col, str(value))
    letter = xlsxwriter.utility.xl_col_to_name(col)
    return f"={LISTS_SHEET}!${letter}$2:${letter}${max(len(values), 1) + 1}"


def template_xlsx(project):
    """The import template of `project`: the columns, each with a hint, and drop-down lists (data
    validation referring to a hidden sheet) of the project's planned activities, kinds, sites, target
    groups and partner organisations. Returns the bytes."""
    network = project.network
    activities = [
        f"{a.code} {a.title.original}".strip()
        for a in Activity.objects.filter(network=network, project=project).order_by("component__position", "position")
    ]
    kinds = [str(label) for _code, label in ActivityEntry.Kind.choices]
    sites = list(
        Site.objects.filter(network=network, project=project).order_by("position").values_list("name", flat=True)
    )
    groups = [
        g.name.original for g in TargetGroup.objects.filter(network=network, project=project).order_by("position")
    ]
    partner_ids = ProjectPartner.objects.filter(network=network, project=project).values("organisation_id")
    member_ids = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).values("organisation_id")
    organisations = list(
        Organisation.objects.filter(Q(pk__in=partner_ids) | Q(pk__in=member_ids))
        .order_by("name")
        .values_list("name", flat=True)
    )

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    header = workbook.add_format({"bold": 1, "bg_color": "#E8EEF4"})
    sheet = workbook.add_worksheet(SHEET)
    lists = workbook.add_worksheet(LISTS_SHEET)
    hints = _hints()
    for col, name in enumerate(columns.COLUMNS):
        sheet.write_string(0, col, name, header)
        sheet.set_column(col, col, 24 if name in ("title", "activity", "description", "outcomes") else 14)
        if name in hints:
            sheet.write_comment(0, col, hints[name])
    sheet.freeze_panes(1, 0)
    sources = {
        "project": (_("Project"), [project.slug], True),
        "activity": (_("Planned activities"), activities, True),
        "kind": (_("Kinds"), kinds, True),
        "site": (_("Sites"), sites, True),
        "target_groups": (_("Target groups"), groups, False),  # several may be named: a suggestion only
        "partners": (_("Partner organisations"), organisations, False),
    }
    for list_col, (name, (title, values, strict)) in enumerate(sources.items()):
        reference = _list_column(workbook, lists, list_col, title, values)
        col = columns.COLUMNS.index(name)
        if not values:
            continue
        sheet.data_validation(1, col, TEMPLATE_ROWS, col, {
            "validate": "list", "source": reference, "show_error": strict,
            "error_title": str(title), "error_message": _("Choose a value from the list."),
        })  # fmt: skip
    date_col = columns.COLUMNS.index("start_date")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.set_column(date_col, date_col + 1, 12, date_format)
    lists.hide()
    workbook.close()
    return buffer.getvalue()


# --- the annotated copy of an import file with errors ------------------------------------------------


def annotated_xlsx(header, rows, errors):
    """The user's own rows (header first) with each bad cell filled red and explained in a comment, and an
    "Errors" column saying everything wrong with the row. `errors`: {row index (0 = first data row):
    {column index or None for the row: [messages]}}. Returns the bytes."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = {
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "bad": workbook.add_format({"bg_color": "#F8D7DA", "font_color": "#842029"}),
        "bad_date": workbook.add_format({"bg_color": "#F8D7DA", "font_color": "#842029", "num_format": "yyyy-mm-dd"}),
        "header": workbook.add_format({"bold": 1}),
        "wrap": workbook.add_format({"text_wrap": True, "font_color": "#842029"}),
    }
    sheet = workbook.add_worksheet(SHEET)
    sheet.write_row(0, 0, [str(v) if v is not None else "" for v in header], formats["header"])
    errors_col = len(header)
    sheet.write_string(0, errors_col, _("Errors"), formats["header"])
    sheet.set_column(errors_col, errors_col, 60)
    for index, row in enumerate(rows):
        number = index + 1
        problems = errors.get(index, {})
        for col, value in enumerate(row):
            _write_cell(sheet, number, col, value, formats, "bad" if col in problems else None)
        lines = []
        for col, messages in sorted(problems.items(), key=lambda item: (item[0] is None, item[0] or 0)):
            text = " ".join(messages)
            if col is None:
                lines.append(text)
                continue
            if col >= len(row):
                _write_cell(sheet, number, col, None, formats, "bad")
            sheet.write_comment(number, col, text)
            lines.append(f"{header[col]}: {text}")
        if lines:
            sheet.write_string(number, errors_col, "\n".join(lines), formats["wrap"])
    sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()
