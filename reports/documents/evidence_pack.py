"""The evidence pack (issue 11): for a project and a period, one ZIP an auditor can check on their own.

It holds the progress report PDF of the period and language (reports/documents/progress_report.py, through
its public `render`); the indicator tables as XLSX, one row per indicator and period that overlaps the
chosen one (result, indicator, unit, baseline, target, period, actual value, where it came from, the
entries it counted and their breakdowns by sex, age and disability; the result's and the indicator's texts
in their original, then a column per translation, "Indicator [sl]" a person's and "Indicator [sl, machine]"
a machine's, as the activity log's export writes them: projects.entry_columns); the files attached to the entries
those values were counted from, read through the storage; and a manifest (manifest.csv and manifest.json)
naming every other file of the ZIP with its SHA-256, its size and the entry it belongs to.

Which entries: those a computed-from-log value of the period counted (projects.selectors.computed_indicators
gives each value's `filters`, which projects.selectors.filter_entries applies to the counted entries:
approved, not deleted, of this project), started within the chosen period. A value of a longer period (a
calendar year around a quarter) shows its whole figure in the tables, while the pack carries only the files
of its entries that fall in the period asked for. Typed values and those from a registered source point at
no entry, so they bring no files.

Bounded: the attachments' total size may not pass REPORT_EVIDENCE_MAX_BYTES (checked before anything is
read, and again while reading), else the job fails with a message saying so.
"""

import csv
import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import IntegerField, Value
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import permissions
from portal.texts import MultilingualText
from projects import entry_columns, exports
from projects.dashboards import BREAKDOWN_FIELDS, field_label, overlaps
from projects.models import ActivityEntry, EntryAttachment, Indicator
from projects.selectors import computed_indicators, counted_entries, filter_entries, project_page
from reports import kinds
from reports.documents import common, progress_report

NAME = "evidence_pack"
# Who may ask for and download a pack: signed-in people who may see the project's dashboard (its members,
# staff, the funders' people and evaluators: projects.permissions.can_view_dashboard).
READ_RULE = "view_dashboard"
MANIFEST_COLUMNS = ("path", "sha256", "size", "entry_id", "entry_title", "entry_date", "entry_url")
MANIFEST_NAMES = ("manifest.csv", "manifest.json")
ATTACHMENTS_FOLDER = "attachments"
_UNION_PARTS = 200  # values per query when finding their entries (SQLite takes at most 500 in one UNION)
_CHUNK = 1024 * 1024  # bytes read from the storage at a time
_UNSAFE_IN_NAMES = str.maketrans({c: "_" for c in '<>:"/\\|?*'})  # what Windows refuses in a file's name

# The same period as the progress report's, checked one way.
clean_parameters = progress_report.clean_parameters


def data_version(project, parameters):
    return common.data_version(project.network, NAME, project.pk, parameters)


def can_request(user, project):
    return user.is_authenticated and permissions.check(READ_RULE, user, project)


# --- what the tables show ----------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    """One indicator's actual value for one period, and where it came from."""

    result: str
    indicator: Indicator
    name: str
    result_text: MultilingualText
    period_start: datetime.date | None
    period_end: datetime.date | None
    value: Decimal | int
    source: str  # in words: typed in, the activity log, a registered source's label
    note: str = ""
    link: str = ""  # the page that shows what was counted (the activity list, a source's page)
    filters: dict | None = None  # computed from the log: the activity list's parameters of its entries
    entry_ids: list = field(default_factory=list)  # the entries it counted (from the log)
    breakdown: dict | None = None  # {field: sum} over those entries, for a participants indicator


def _source_label(indicator):
    if not indicator.is_computed:
        return str(_("Typed in"))
    if indicator.is_from_log:
        return str(_("Activity log"))
    source = indicator.registered_source
    return str(source.label) if source else str(_("A source no longer offered"))


def _list_link(network, filters):
    return f"{reverse('projects:entries', kwargs={'network_slug': network.slug})}?{urlencode(filters, doseq=True)}"


def indicator_rows(project, *, period_start, period_end):
    """The IndicatorRows of the periods that overlap the chosen one, in the logframe's order, each
    computed-from-log one with the entries it counted and, for participants, their breakdowns."""
    page = project_page(project=project)
    computed = computed_indicators(project=project, indicators=page.indicators)
    rows = []
    for result in page.results:
        for indicator in result.indicators.all():
            common_values = {"result": str(result.title), "indicator": indicator, "name": str(indicator.name),
                             "result_text": result.title, "source": _source_label(indicator)}  # fmt: skip
            if indicator.is_computed:
                found = computed.get(indicator.pk)
                values = [
                    IndicatorRow(**common_values, period_start=v.period_start, period_end=v.period_end,
                                 value=v.value, filters=v.filters,
                                 link=_list_link(project.network, v.filters) if v.filters else v.url)
                    for v in (found.values if found else [])
                ]  # fmt: skip
            else:
                values = [
                    IndicatorRow(**common_values, period_start=v.period_start, period_end=v.period_end,
                                 value=v.value, note=v.note)
                    for v in indicator.values.all()
                ]  # fmt: skip
            rows.extend(r for r in values if overlaps(r.period_start, r.period_end, period_start, period_end))
    _count_entries(project, [row for row in rows if row.filters is not None])
    return rows


def _entry_filters(project, filters):
    """filter_entries' arguments for a computed value's `filters` (the activity list's parameters, as
    projects.selectors._evidence writes them). A parameter this does not know is an error, never dropped:
    the pack would carry the files of other entries than the value counted."""
    unknown = sorted(set(filters) - {"project", "status", "activity", "kind", "from", "to"})
    if unknown or filters.get("project", project.slug) != project.slug:
        raise ValueError(f"evidence pack: cannot follow the filters {filters!r}")
    return {
        "project": project,
        "status": filters.get("status", ""),
        "activities": filters.get("activity", ()),
        "kind": filters.get("kind", ""),
        "date_from": datetime.date.fromisoformat(filters["from"]) if filters.get("from") else None,
        "date_to": datetime.date.fromisoformat(filters["to"]) if filters.get("to") else None,
    }


def _count_entries(project, rows):
    """Fill each row's `entry_ids` (the counted entries its filters select) and, for a participants
    indicator, its `breakdown`: one query per 200 rows (a UNION of the filtered lists), one for the
    entries' figures."""
    counted = counted_entries(network=project.network, project=project)
    for first in range(0, len(rows), _UNION_PARTS):
        batch = rows[first : first + _UNION_PARTS]
        parts = [
            filter_entries(counted, **_entry_filters(project, row.filters))
            .annotate(row=Value(first + n, output_field=IntegerField()))
            .values_list("row", "pk")
            for n, row in enumerate(batch)
        ]
        for number, entry_id in parts[0].union(*parts[1:], all=True):
            rows[number].entry_ids.append(entry_id)
    wanted = [row for row in rows if row.indicator.measure == Indicator.Measure.PARTICIPANTS]
    ids = {entry_id for row in wanted for entry_id in row.entry_ids}
    if not ids:
        return
    figures = {
        values[0]: values[1:]
        for values in ActivityEntry.objects.filter(network=project.network, pk__in=ids).values_list(
            "pk", *BREAKDOWN_FIELDS
        )
    }
    for row in wanted:
        row.breakdown = {
            name: sum(figures[entry_id][n] for entry_id in row.entry_ids) for n, name in enumerate(BREAKDOWN_FIELDS)
        }


def _texts(row):
    """The row's multilingual texts, in the order of their columns: the result's title, the indicator's name."""
    return (row.result_text, row.indicator.name)


def indicators_xlsx(rows):
    """The indicator table as an XLSX file's bytes (projects.exports: numbers and dates as such, texts never
    run as formulas): one row per IndicatorRow. The result and the indicator in their original (and its
    language), then one column per translation they have (entry_columns.translation_slots: a person's in
    "Indicator [sl]", a machine's in "Indicator [sl, machine]")."""
    text_titles = (str(_("Expected result")), str(_("Indicator")))
    slots = sorted({slot for row in rows for text in _texts(row) for slot in entry_columns.translation_slots(text)})
    titles = [
        *text_titles, _("Original language"), _("Unit"), _("Baseline"), _("Target"), _("Period from"),
        _("Period to"), _("Actual value"), _("Where it came from"), _("Note"), _("Entries counted"),
        *(field_label(name) for name in BREAKDOWN_FIELDS), _("Shows what was counted"),
        *(entry_columns.translation_header(title, slot) for slot in slots for title in text_titles),
    ]  # fmt: skip
    lines = [[str(title) for title in titles]]
    for row in rows:
        result_text, indicator_name = _texts(row)
        lines.append([
            result_text.original or row.result, indicator_name.original or row.name,
            indicator_name.original_language or result_text.original_language or "",
            row.indicator.unit, row.indicator.baseline, row.indicator.target,
            row.period_start, row.period_end, row.value, row.source, row.note,
            len(row.entry_ids) if row.filters is not None else None,
            *((row.breakdown or {}).get(name) for name in BREAKDOWN_FIELDS), row.link,
            *(entry_columns.translation_cell(text, slot) for slot in slots for text in (result_text, indicator_name)),
        ])  # fmt: skip
    return exports.xlsx_bytes(lines, sheet_name=str(_("Indicators")))


# --- the files -------------------------------------------------------------------------------------


def evidence_attachments(project, rows, *, period_start, period_end):
    """The files of the entries the rows counted that started within the period, with their entries:
    [(attachment, entry)], by the entry's date, then as the entry lists them. Two queries."""
    ids = {entry_id for row in rows for entry_id in row.entry_ids}
    if not ids:
        return []
    entries = {
        entry.pk: entry
        for entry in counted_entries(
            network=project.network, project=project, date_from=period_start, date_to=period_end
        )
        .filter(pk__in=list(ids))
        .only("pk", "title", "start_date")
    }
    attachments = EntryAttachment.objects.filter(network=project.network, entry_id__in=list(entries)).order_by(
        "kind", "pk"
    )
    found = [(attachment, entries[attachment.entry_id]) for attachment in attachments]
    return sorted(found, key=lambda pair: (pair[1].start_date, pair[1].pk))  # stable: the entry's own order kept


def _too_big(total, language):
    with translation.override(language):
        return kinds.RenderError(
            _(
                "The files of the period's entries add up to %(size)s, more than an evidence pack may hold "
                "(%(limit)s). Ask for a shorter period."
            )
            % {"size": filesizeformat(total), "limit": filesizeformat(settings.REPORT_EVIDENCE_MAX_BYTES)}
        )


def _safe_name(name):
    return (name.translate(_UNSAFE_IN_NAMES).strip(" .") or "file")[:150]


def _attachment_path(attachment, entry, taken):
    """attachments/<date>-<entry id>/<the uploader's name>, a second file of the same name numbered."""
    folder = f"{ATTACHMENTS_FOLDER}/{entry.start_date.isoformat()}-{entry.pk}"
    name = _safe_name(attachment.original_name)
    path, n = f"{folder}/{name}", 1
    while path in taken:
        n += 1
        stem, dot, extension = name.rpartition(".")
        path = f"{folder}/{stem}-{n}.{extension}" if dot and stem else f"{folder}/{name}-{n}"
    taken.add(path)
    return path


def _entry_columns(network, entry, language):
    if entry is None:
        return {"entry_id": "", "entry_title": "", "entry_date": "", "entry_url": ""}
    url = reverse("projects:entry_detail", kwargs={"network_slug": network.slug, "entry_id": entry.pk})
    return {"entry_id": entry.pk, "entry_title": common.text(entry.title, language),
            "entry_date": entry.start_date.isoformat(), "entry_url": url}  # fmt: skip


class _Pack:
    """The ZIP being written, and the manifest's line of each file."""

    def __init__(self, buffer, *, network, moment):
        self.network = network
        self.zip = zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED)
        self.moment = timezone.localtime(moment).timetuple()[:6]
        self.lines = []

    def _info(self, path, compress):
        info = zipfile.ZipInfo(path, date_time=self.moment)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        return info

    def add(self, path, content, *, entry=None, language, listed=True):
        self.zip.writestr(self._info(path, compress=True), content)
        if listed:
            self.lines.append({"path": path, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
                               **_entry_columns(self.network, entry, language)})  # fmt: skip

    def add_stored(self, path, attachment, entry, *, language, budget):
        """Copy a stored file in, chunk by chunk, hashing as it goes; returns the bytes read. More than
        `budget` (a file grown since its size was recorded) fails the pack."""
        digest, size = hashlib.sha256(), 0
        compress = not attachment.content_type.startswith("image/")  # JPEG, WebP: compressed already
        try:
            source = attachment.file.storage.open(attachment.file.name, "rb")
        except (FileNotFoundError, OSError):
            raise kinds.RenderError(
                _("The file “%(name)s” of the entry “%(entry)s” (%(date)s) is missing from the storage. Tell "
                  "your network's coordinators.")
                % {"name": attachment.original_name, "entry": common.text(entry.title, language),
                   "date": entry.start_date.isoformat()}
            ) from None  # fmt: skip
        with source, self.zip.open(self._info(path, compress), "w") as target:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                if size > budget:
                    raise _too_big(size, language)
                digest.update(chunk)
                target.write(chunk)
        self.lines.append({"path": path, "sha256": digest.hexdigest(), "size": size,
                           **_entry_columns(self.network, entry, language)})  # fmt: skip
        return size

    def close(self):
        self.zip.close()


def _manifest_csv(lines):
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(lines)
    return text.getvalue().encode()


def _manifest_json(project, parameters, language, generated, lines):
    document = {
        "project": {"id": project.pk, "acronym": project.acronym, "title": common.text(project.title, language)},
        "network": project.network.slug,
        "period_start": parameters["period_start"],
        "period_end": parameters["period_end"],
        "language": language,
        "generated": generated.isoformat(),
        "files": lines,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def _stem(project):
    return slugify(project.acronym or str(project.title))[:60] or "project"


def render(project, *, parameters, language, progress):
    progress(0.02)
    period_start = datetime.date.fromisoformat(parameters["period_start"])
    period_end = datetime.date.fromisoformat(parameters["period_end"])
    limit = settings.REPORT_EVIDENCE_MAX_BYTES
    with translation.override(language):
        rows = indicator_rows(project, period_start=period_start, period_end=period_end)
        files = evidence_attachments(project, rows, period_start=period_start, period_end=period_end)
        total = sum(attachment.size for attachment, _entry in files)
        if total > limit:  # before the PDF is rendered or a file read
            raise _too_big(total, language)
        progress(0.1)
        pdf = progress_report.render(
            project, parameters=parameters, language=language, progress=lambda f: progress(0.1 + 0.4 * f)
        )
        generated = timezone.now()
        buffer = io.BytesIO()
        pack = _Pack(buffer, network=project.network, moment=generated)
        pack.add(progress_report.filename(project, parameters=parameters, language=language), pdf, language=language)
        span = f"{parameters['period_start']}-{parameters['period_end']}-{language}"
        pack.add(f"{_stem(project)}-indicators-{span}.xlsx", indicators_xlsx(rows), language=language)
        progress(0.55)
        read, taken = 0, set()
        for attachment, entry in files:
            path = _attachment_path(attachment, entry, taken)
            read += pack.add_stored(path, attachment, entry, language=language, budget=limit - read)
            progress(0.55 + 0.4 * read / max(total, 1))
        pack.add(MANIFEST_NAMES[0], _manifest_csv(pack.lines), language=language, listed=False)
        pack.add(MANIFEST_NAMES[1], _manifest_json(project, parameters, language, generated, pack.lines),
                 language=language, listed=False)  # fmt: skip
        pack.close()
    progress(1.0)
    return buffer.getvalue()


def filename(project, *, parameters, language):
    return f"{_stem(project)}-evidence-{parameters['period_start']}-{parameters['period_end']}-{language}.zip"


KIND = kinds.register(
    kinds.Kind(
        name=NAME,
        label=gettext_lazy("Evidence pack (ZIP)"),
        subject_model="projects.Project",
        can_request=can_request,
        can_download=can_request,
        clean_parameters=clean_parameters,
        data_version=data_version,
        render=render,
        filename=filename,
        content_type="application/zip",
    )
)
