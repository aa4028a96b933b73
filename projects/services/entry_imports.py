"""Importing activity log entries from a CSV or XLSX file: all rows or none.

The rows go through projects.services.entries.entries_create: entry_create's own rules (the same
validation and messages as the form), checked for every row against the network's references read once
for the file, and the whole file written at once only when every row passes (one transaction). A dry run
checks the same and writes nothing, so it shows exactly what an import would create, and every error by
its row and column (projects.services.imports.project_import does the same for a whole project).

The file is read before anything is written: its type from its content (libmagic), its size, its
sheet (XLSX: the sheet "Activities", else the first), its header row (projects.entry_columns), and at
most ENTRY_IMPORT_MAX_ROWS rows; more is refused as soon as the reader passes the limit, without
reading the rest.
"""

import codecs
import csv
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Membership
from portal import permissions, uploads
from projects import entry_columns as columns
from projects.exports import SHEET
from projects.models import LANGUAGE_CHOICES, Activity, Project, ProjectPartner, Site, TargetGroup
from projects.services.entries import entries_create

CSV_TYPES = {"text/plain", "text/csv", "application/csv"}
XLSX_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/zip",  # libmagic names some XLSX writers' files so; calamine then decides
}
CSV_DELIMITERS = ",;\t"


@dataclass
class Sheet:
    """A file read: its format, the header row and the data rows (lists of cells), blank rows left out;
    `numbers[i]` is the file's row number of rows[i] (for messages)."""

    format: str
    header: list
    rows: list
    numbers: list


@dataclass
class ImportRow:
    number: int  # the row's number in the file (the header is row 1)
    cells: list
    data: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)  # column header (or NON_FIELD_ERRORS) → [messages]
    entry: object = None  # what it created (in a dry run: what it would create, unsaved)

    @property
    def title(self):
        """The row's title as written (for a row that created nothing)."""
        versions = self.data.get("title") or {}
        return next((v["text"] for v in versions.values() if v.get("source") == "original"), "")


@dataclass
class ImportResult:
    sheet: Sheet
    layout: columns.Layout
    rows: list
    saved: bool

    @property
    def valid(self):
        return not any(row.errors for row in self.rows)

    @property
    def error_count(self):
        return sum(len(row.errors) for row in self.rows)

    def errors_by_cell(self):
        """{row index: {column index or None: [messages]}} for projects.exports.annotated_xlsx."""
        found = {}
        for index, row in enumerate(self.rows):
            for column, messages in row.errors.items():
                col = self.layout.columns.get(column) if column != NON_FIELD_ERRORS else None
                found.setdefault(index, {}).setdefault(col, []).extend(messages)
        return found


def _refuse(message):
    raise ValidationError({"file": message})


def file_type(file):
    """ "csv" or "xlsx", told from the content (portal.uploads.sniff, libmagic), never from the name. Not
    portal.uploads.accept_file: an import is read and never stored for serving, and calamine then checks
    the workbook itself (a plain zip that libmagic cannot tell from XLSX fails there, with its message)."""
    found = uploads.sniff(file)
    if found in CSV_TYPES:
        return "csv"
    if found in XLSX_TYPES:
        return "xlsx"
    _refuse(_("This file is neither a CSV file nor an Excel workbook (XLSX): it holds %(found)s.") % {"found": found})


def _limit():
    return settings.ENTRY_IMPORT_MAX_ROWS


def _too_many():
    _refuse(
        _("The file has more than %(limit)s rows of entries. Split it into files of at most %(limit)s rows.")
        % {"limit": f"{_limit():,}"}
    )


def _blank(row):
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)


def _collect(rows, start):
    """The header and the non-blank rows after it, stopping (with an error) past the row limit."""
    header, kept, numbers = None, [], []
    for number, row in enumerate(rows, start=start):
        if _blank(row):
            continue
        if header is None:
            header = list(row)
            continue
        if len(kept) >= _limit():
            _too_many()
        kept.append(list(row))
        numbers.append(number)
    return header, kept, numbers


def _read_csv(file):
    file.seek(0)
    head = file.read(4096)
    file.seek(0)
    try:
        sample = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        # the sample may end inside a character: only a real error before its last bytes counts
        try:
            sample = head[:-4].decode("utf-8-sig")
        except UnicodeDecodeError:
            _refuse(_("The CSV file is not in UTF-8. Save it as “CSV UTF-8” and upload it again."))
    try:
        delimiter = csv.Sniffer().sniff(sample.splitlines()[0] if sample else ",", CSV_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    text = codecs.getreader("utf-8-sig")(file, errors="strict")
    try:
        return _collect(csv.reader(text, delimiter=delimiter), start=1)
    except UnicodeDecodeError:
        _refuse(_("The CSV file is not in UTF-8. Save it as “CSV UTF-8” and upload it again."))
    except csv.Error as error:
        _refuse(_("The CSV file could not be read: %(error)s.") % {"error": error})


def _read_xlsx(file):
    file.seek(0)
    try:
        workbook = CalamineWorkbook.from_filelike(file)
        names = workbook.sheet_names
        name = SHEET if SHEET in names else (names[0] if names else None)
        if name is None:
            _refuse(_("The workbook has no sheet."))
        # calamine reads the sheet's cells at once (fast: 100,000 rows in about a second); the rows are
        # then taken one by one, up to the limit.
        header, rows, numbers = _collect(workbook.get_sheet_by_name(name).iter_rows(), start=1)
    except CalamineError as error:
        _refuse(_("The workbook could not be read: %(error)s.") % {"error": error})
    except (ValueError, TypeError, OSError) as error:
        _refuse(_("The workbook could not be read: %(error)s.") % {"error": error})
    return name, header, rows, numbers


def read_file(file):
    """The file as a Sheet, or a ValidationError on "file" saying what is wrong with it as a whole."""
    if not file.size:
        _refuse(_("The file is empty."))
    if file.size > settings.ENTRY_IMPORT_MAX_BYTES:
        _refuse(
            _("The file is %(size)s; it may be at most %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(settings.ENTRY_IMPORT_MAX_BYTES)}
        )
    kind = file_type(file)
    if kind == "csv":
        sheet_name = None
        header, rows, numbers = _read_csv(file)
    else:
        sheet_name, header, rows, numbers = _read_xlsx(file)
    if header is None:
        _refuse(_("The file is empty."))
    try:
        layout = columns.read_layout(header)
    except columns.FileProblem as problem:
        if sheet_name is not None:
            _refuse(
                _(
                    "The sheet “%(sheet)s” does not hold entries: %(problem)s "
                    "The entries go on a sheet named “%(name)s”."
                )
                % {"sheet": sheet_name, "problem": problem, "name": SHEET}
            )
        _refuse(str(problem))
    if not rows:
        _refuse(_("The file has its header row but no entries below it."))
    return Sheet(format=kind, header=header, rows=rows, numbers=numbers), layout


def references(network):
    """Everything in the network a row may name, loaded once (projects.entry_columns.References)."""
    projects = {project.slug: project for project in Project.objects.filter(network=network)}
    activities = {
        (project_id, code): pk
        for pk, project_id, code in Activity.objects.filter(network=network).values_list("pk", "project_id", "code")
    }
    sites = {}
    for pk, project_id, name in Site.objects.filter(network=network).values_list("pk", "project_id", "name"):
        sites.setdefault((project_id, name.strip().lower()), []).append(pk)
    groups = {}
    for group in TargetGroup.objects.filter(network=network):
        for code in group.name.languages:
            groups.setdefault((group.project_id, group.name.text(code).strip().lower()), group.pk)
    member_ids = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).values("organisation_id")
    partner_ids = ProjectPartner.objects.filter(network=network).values("organisation_id")
    organisations = {}
    for pk, name, acronym in Organisation.objects.filter(Q(pk__in=member_ids) | Q(pk__in=partner_ids)).values_list(
        "pk", "name", "acronym"
    ):
        for label in (name, acronym):
            if label and label.strip():
                organisations.setdefault(label.strip().lower(), set()).add(pk)
    return columns.References(
        projects=projects, activities=activities, sites=sites, target_groups=groups, organisations=organisations
    )


def _default_language():
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(LANGUAGE_CHOICES) else settings.LANGUAGE_CODE


def _add_errors(row, error):
    for key, messages in (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    ).items():
        column = columns.column_of(key)
        if column in row.errors and column != NON_FIELD_ERRORS:
            continue  # the reader's own message for that cell says more
        if column == "end_date" and "start_date" in row.errors and row.data.get("end_date") is None:
            continue  # a blank end date is the start date, which has its own error
        row.errors.setdefault(column, []).extend(messages)


def _as_lists(errors):
    return {key: value if isinstance(value, list) else [value] for key, value in errors.items()}


def entry_import(*, network, acting_user, organisation, file, dry_run):
    """Create an entry (a draft, logged for `organisation`) from each row of `file`; all or nothing.

    Returns an ImportResult: each row with what it created (in a dry run, or when any row has an error:
    what it would create, unsaved) or its errors by column. A file that cannot be read as entries at all
    raises a ValidationError on "file"; who may log, and for which organisation, raise before reading it.
    """
    permissions.require("log_entry", acting_user, network)
    if organisation is None or organisation.pk not in organisation_ids(acting_user):
        raise ValidationError({"organisation": _("Log in the name of an organisation you work for.")})
    sheet, layout = read_file(file)
    refs = references(network)
    language = _default_language()
    rows = []
    for cells, number in zip(sheet.rows, sheet.numbers, strict=True):
        row = ImportRow(number=number, cells=cells)
        data, errors = columns.read_row(cells, layout, refs, default_language=language)
        row.data, row.errors = data, _as_lists(errors)
        rows.append(row)
    # The reader refused a cell the service does not see (a misspelt partner): nothing may be saved.
    save = not dry_run and not any(row.errors for row in rows)
    checked = entries_create(
        network=network, acting_user=acting_user, organisation=organisation, rows=[row.data for row in rows], save=save
    )
    for row, outcome in zip(rows, checked, strict=True):
        if isinstance(outcome.error, ValidationError):
            _add_errors(row, outcome.error)
        elif isinstance(outcome.error, PermissionDenied):  # a project the importer may not log for
            row.errors.setdefault("project", []).append(str(permissions.reason("log_entry")))
        elif not row.errors:
            row.entry = outcome.entry
    result = ImportResult(sheet=sheet, layout=layout, rows=rows, saved=False)
    result.saved = save and result.valid
    return result
