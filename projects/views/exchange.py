"""The activity log's spreadsheets: export of the filtered list (CSV streamed; XLSX in the request up to
ENTRY_EXPORT_INLINE_ROWS rows, above that a background job with its own page), the import with its
dry run and annotated copy, and a project's import template.

An import's dry run keeps the uploaded file (and, for a file with errors, its annotated copy) in the
storage under a random name, named in the session; the confirmation imports that very file again
(all its rows are validated again in the same transaction that saves them). The session holds one
import at a time and forgets it after IMPORT_TTL; its files go with it. The files of a dry run nobody
came back to (the session expired, the browser closed) are swept once they are IMPORT_KEPT old: a dry run
looks for them at most every SWEEP_EVERY seconds (`sweep_abandoned`).
"""

import datetime
import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Membership
from portal import permissions
from portal.forms import add_service_errors
from portal.uploads import random_name
from projects import exports, selectors
from projects.forms import EntryFilterForm, EntryImportForm
from projects.models import EntryExport
from projects.services import entry_imports
from projects.services.exports import entry_export_request
from projects.views.projects import project_required

SESSION_KEY = "entry_import"
IMPORT_TTL = datetime.timedelta(hours=2)
IMPORT_FOLDER = "entry-imports"
PREVIEW_ROWS = 200  # rows of a dry run shown on the page; the annotated copy has them all
IMPORT_KEPT = datetime.timedelta(days=1)  # a dry run's files, abandoned, are deleted after this
SWEEP_EVERY = 3600  # seconds between two sweeps of abandoned files (any process: the cache says)
SWEEP_KEY = "partnera:entry-imports:swept"


def _filtered(request):
    form = EntryFilterForm(request.GET, network=request.network, user=request.user)
    return selectors.entry_list(network=request.network, user=request.user, filters=form.filters())


def _file_name(network, extension):
    return f"activities-{network.slug}-{timezone.localdate().isoformat()}.{extension}"


def _download(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


@permissions.network_required("export_entries")
def entry_export_csv(request, network_slug):
    network, entries = request.network, _filtered(request)

    def stream():
        # The response is read after the view returned, outside the middleware's scope.
        with scope(network=network):
            yield from exports.csv_lines(exports.export_rows(entries))

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    return _download(response, _file_name(network, "csv"))


@require_http_methods(["GET", "POST"])
@permissions.network_required("export_entries")
def entry_export_xlsx(request, network_slug):
    """Small lists answer with the file; larger ones offer (GET) and start (POST) a background export."""
    network, entries = request.network, _filtered(request)
    if request.method == "POST":
        filters = {key: request.GET.getlist(key) for key in request.GET}
        export = entry_export_request(network=network, acting_user=request.user, filters=filters)
        return redirect("projects:entry_export", network_slug=network.slug, export_id=export.pk)
    count = entries.count()
    if count > settings.ENTRY_EXPORT_INLINE_ROWS:
        return render(request, "projects/exchange/export_offer.html", {"network": network, "count": count})
    content = exports.xlsx_bytes(exports.export_rows(entries))
    return _download(HttpResponse(content, content_type=exports.XLSX_TYPE), _file_name(network, "xlsx"))


def _export_or_404(request, export_id):
    export = EntryExport.objects.select_related("network").filter(network=request.network, pk=export_id).first()
    return permissions.ensure_visible(request, "see_entry_export", export)


def entry_export(request, network_slug, export_id):
    export = _export_or_404(request, export_id)
    return render(request, "projects/exchange/export.html", {"network": request.network, "export": export})


def entry_export_download(request, network_slug, export_id):
    export = _export_or_404(request, export_id)
    if export.status != EntryExport.Status.DONE or not export.file:
        raise Http404
    try:
        handle = export.file.storage.open(export.file.name, "rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=exports.XLSX_TYPE)
    return _download(response, _file_name(request.network, "xlsx"))


# --- import --------------------------------------------------------------------------------------------


def _organisations(request):
    active = Membership.objects.filter(network=request.network, status=Membership.Status.ACTIVE)
    return (
        Organisation.objects.filter(pk__in=organisation_ids(request.user))
        .filter(pk__in=active.values("organisation_id"))
        .order_by("name", "pk")
    )


def _forget(request):
    """Drop the session's import and its stored files."""
    stash = request.session.pop(SESSION_KEY, None)
    for name in (stash or {}).get("files", {}).values():
        if name:
            default_storage.delete(name)


def sweep_abandoned(now=None):
    """Delete the stored dry-run files older than IMPORT_KEPT: no session names them any more (a session
    forgets its import after IMPORT_TTL), they are left from dry runs never confirmed nor replaced.
    Returns the names deleted."""
    now = now or timezone.now()
    try:
        _folders, names = default_storage.listdir(IMPORT_FOLDER)
    except FileNotFoundError:  # no import yet
        return []
    deleted = []
    for name in names:
        path = f"{IMPORT_FOLDER}/{name}"
        try:
            if now - default_storage.get_modified_time(path) > IMPORT_KEPT:
                default_storage.delete(path)
                deleted.append(path)
        except FileNotFoundError:  # its own session deleted it meanwhile
            continue
    return deleted


def _sweep_now_and_then():
    if cache.add(SWEEP_KEY, True, timeout=SWEEP_EVERY):
        sweep_abandoned()


def _stash(request, *, upload, result, organisation):
    """Keep the uploaded file (for the confirmation) and the annotated copy (for a file with errors)."""
    _forget(request)
    _sweep_now_and_then()
    upload.seek(0)
    files = {"upload": default_storage.save(random_name(IMPORT_FOLDER, f".{result.sheet.format}"), upload)}
    if not result.valid:
        copy = exports.annotated_xlsx(result.sheet.header, result.sheet.rows, result.errors_by_cell())
        files["annotated"] = default_storage.save(random_name(IMPORT_FOLDER, ".xlsx"), ContentFile(copy))
    key = secrets.token_hex(16)
    request.session[SESSION_KEY] = {
        "key": key, "network": request.network.pk, "organisation": organisation.pk, "files": files,
        "name": upload.name[:100], "at": timezone.now().isoformat(),
    }  # fmt: skip
    return key


def _stashed(request, key):
    """The session's import with this key, if it is this network's and still fresh; else None."""
    stash = request.session.get(SESSION_KEY)
    if not stash or not key or not secrets.compare_digest(stash.get("key", ""), key):
        return None
    if stash.get("network") != request.network.pk:
        return None
    if timezone.now() - datetime.datetime.fromisoformat(stash["at"]) > IMPORT_TTL:
        _forget(request)
        return None
    return stash


def _confirm(request, organisations):
    """Import the dry run's file for real; any problem is a message on the import page."""
    stash = _stashed(request, request.POST["confirm"])
    back = redirect("projects:entry_import", network_slug=request.network.slug)
    if stash is None:
        messages.error(request, _("This dry run is no longer available: upload the file again."))
        return back
    organisation = next((o for o in organisations if o.pk == stash["organisation"]), None)
    with default_storage.open(stash["files"]["upload"], "rb") as handle:
        upload = SimpleUploadedFile(stash["name"], handle.read())
    result = _run(request, None, upload, organisation, dry_run=False)
    if result is not None and result.saved:
        _forget(request)
        messages.success(
            request,
            ngettext(
                "%(count)s entry imported as a draft. Check it and submit it for approval.",
                "%(count)s entries imported as drafts. Check them and submit them for approval.",
                len(result.rows),
            )
            % {"count": len(result.rows)},
        )
    elif result is not None:  # the network changed since the dry run
        messages.error(request, _("Some rows are no longer valid: upload the file again to see why."))
    return back


def _run(request, form, upload, organisation, *, dry_run):
    try:
        return entry_imports.entry_import(
            network=request.network, acting_user=request.user, organisation=organisation, file=upload, dry_run=dry_run
        )
    except ValidationError as error:
        add_service_errors(request, form, error)
        return None


@require_http_methods(["GET", "POST"])
@permissions.network_required("log_entry")
def entry_import(request, network_slug):
    """GET: the form. POST with a file: the dry run. POST with `confirm` (the dry run's key): the import."""
    network, organisations = request.network, _organisations(request)
    context = {"network": network, "projects": selectors.projects_for_network(network=network, user=request.user)}
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, organisations)
    form = EntryImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    if not organisations.exists():
        form.add_error(None, _("None of your organisations is an active member of this network."))
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = _run(request, form, upload, form.cleaned_data["organisation"], dry_run=True)
        if result is not None:
            key = _stash(request, upload=upload, result=result, organisation=form.cleaned_data["organisation"])
            context.update(result=result, key=key, preview=result.rows[:PREVIEW_ROWS], file_name=upload.name)
    return render(request, "projects/exchange/import.html", {**context, "form": form})


@permissions.network_required("log_entry")
def entry_import_errors(request, network_slug, key):
    """The annotated copy of the session's last dry run."""
    stash = _stashed(request, key)
    name = (stash or {}).get("files", {}).get("annotated")
    if not name:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except OSError as error:
        raise Http404 from error
    return _download(FileResponse(handle, content_type=exports.XLSX_TYPE), "activities-with-errors.xlsx")


@project_required("log_entry")
def entry_template(request, project):
    content = exports.template_xlsx(project)
    response = HttpResponse(content, content_type=exports.XLSX_TYPE)
    return _download(response, f"activities-{project.slug}-template.xlsx")
