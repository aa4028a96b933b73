"""The activity log entry's pages: the form that logs an activity (or changes the entry), the entry's page
with its timeline, and the workflow buttons, each a small POST answered with a redirect to the entry.

The form is one page that works without JavaScript: its planned activities, sites and target groups are
the chosen project's; when the project changes, the "Choose" button posts the form back as typed with the
new project's choices (static/js/entry-form.js presses it on change). It remembers the last project and
activity in the session, per network, so the next entry starts where the last one left off.
"""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import pagecache, permissions
from portal.forms import add_service_errors
from projects import selectors
from projects.forms import AttachmentsForm, EntryForm
from projects.models import ActivityEntry
from projects.services import attachments as attachment_services
from projects.services import entries as services

# The form's buttons (name="save").
DRAFT, SUBMIT, ANOTHER = "draft", "submit", "another"


FILES = "files"  # the prefix of the entry form's file inputs (projects.forms.AttachmentsForm)


def _memory_key(network):
    return f"entry_form.{network.pk}"


def _entry_or_404(request, entry_id, for_page=True):
    """The entry of request.network with this id, if the user may see it (404 otherwise, as for none)."""
    entry = selectors.entry_in_network(network=request.network, pk=entry_id, for_page=for_page)
    return permissions.ensure_visible(request, "see_entry", entry)


def _detail_url(entry):
    return reverse("projects:entry_detail", kwargs={"network_slug": entry.network.slug, "entry_id": entry.pk})


def _create_url(network, **query):
    url = reverse("projects:entry_create", kwargs={"network_slug": network.slug})
    return f"{url}?{urlencode(query)}" if query else url


def _initial(request, network):
    """Where a new form starts: ?project=<slug> (empty: network-level work) and ?activity=<id>, else the
    project, activity and organisation used last in this network."""
    remembered = request.session.get(_memory_key(network), {})
    initial = {"organisation": remembered.get("organisation")}
    if "project" in request.GET:
        initial["project"] = request.GET["project"]
        initial["activity"] = request.GET.get("activity") or (
            remembered.get("activity") if remembered.get("project") == request.GET["project"] else None
        )
    else:
        initial["project"] = remembered.get("project")
        initial["activity"] = remembered.get("activity")
    return initial


def _remember(request, entry):
    request.session[_memory_key(entry.network)] = {
        "project": entry.project.slug if entry.project_id else "",
        "activity": entry.activity_id,
        "organisation": entry.organisation_id,
    }


def _render_form(request, form, entry=None, files=None):
    context = {"network": request.network, "form": form, "entry": entry, "project": form.project, "files": files}
    context["may_submit"] = entry is None or entry.is_editable
    return render(request, "projects/entries/form.html", context)


@permissions.network_required("log_entry")
def entry_create(request, network_slug):
    network = request.network
    if request.method != "POST":
        form = EntryForm(network=network, user=request.user, initial=_initial(request, network))
        return _render_form(request, form, files=AttachmentsForm(prefix=FILES))
    form = EntryForm(request.POST, network=network, user=request.user)
    files = AttachmentsForm(request.POST, request.FILES, prefix=FILES)
    if "choose" in request.POST:
        form.hold()
        return _render_form(request, form, files=AttachmentsForm(prefix=FILES))
    save = request.POST.get("save", DRAFT)
    if form.is_valid() and files.is_valid():
        try:
            with transaction.atomic():  # saved with its files and submitted, or nothing
                entry = services.entry_create(
                    network=network,
                    acting_user=request.user,
                    organisation=form.cleaned_data["organisation"],
                    data=form.entry_data(),
                )
                if any(files.files_to_add().values()):
                    attachment_services.entry_files_add(entry=entry, acting_user=request.user, **files.files_to_add())
                if save == SUBMIT:
                    entry = services.entry_submit(entry=entry, acting_user=request.user)
        except ValidationError as error:
            _add_errors(request, error, form, files)
        else:
            _remember(request, entry)
            if save == SUBMIT:
                messages.success(request, _("The activity is logged and sent to the coordinators for approval."))
            else:
                messages.success(request, _("The activity is logged as a draft: submit it when it is complete."))
            if save == ANOTHER:
                query = {"project": entry.project.slug if entry.project_id else ""}
                if entry.activity_id:
                    query["activity"] = entry.activity_id
                return redirect(_create_url(network, **query))
            return redirect(_detail_url(entry))
    return _render_form(request, form, files=files)


def _add_errors(request, error, form, files):
    """A service's refusal next to its field: the files' on the file inputs, the rest on the entry's."""
    if not hasattr(error, "error_dict"):
        return add_service_errors(request, form, error)
    on_files = {key: value for key, value in error.error_dict.items() if key in files.fields}
    rest = {key: value for key, value in error.error_dict.items() if key not in files.fields}
    if on_files:
        add_service_errors(request, files, ValidationError(on_files))
    if rest:
        add_service_errors(request, form, ValidationError(rest))


def _on_the_project(error):
    """An entry's organisation is not changed on the edit form: a refusal of it for the project chosen
    ("not a partner of that project") belongs next to the project."""
    if not hasattr(error, "error_dict") or "organisation" not in error.error_dict:
        return error
    errors = dict(error.error_dict)
    errors["project"] = errors.get("project", []) + errors.pop("organisation")
    return ValidationError(errors)


def entry_edit(request, network_slug, entry_id):
    entry = _entry_or_404(request, entry_id)
    permissions.ensure(request, "edit_entry", entry)
    # A copy for the form: validating it changes its instance, and the services read the entry as stored.
    instance = copy.copy(entry)
    form = EntryForm(request.POST or None, instance=instance, network=request.network, user=request.user)
    if request.method != "POST":
        return _render_form(request, form, entry)
    if "choose" in request.POST:
        form.hold()
        return _render_form(request, form, entry)
    submit = request.POST.get("save") == SUBMIT and entry.is_editable
    if form.is_valid():
        try:
            with transaction.atomic():
                entry = services.entry_update(entry=entry, acting_user=request.user, data=form.entry_data())
                if submit:
                    entry = services.entry_submit(entry=entry, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, _on_the_project(error))
        else:
            _remember(request, entry)
            messages.success(request, _("Sent to the coordinators for approval.") if submit else _("Entry saved."))
            return redirect(_detail_url(entry))
    return _render_form(request, form, entry)


def entry_detail(request, network_slug, entry_id):
    _entry_or_404(request, entry_id, for_page=False)
    return _entry_page(request, network_slug=network_slug, entry_id=entry_id)


@pagecache.keep(pagecache.network_page)
def _entry_page(request, network_slug, entry_id):
    """The page of an entry the user may see (kept per person: the page cache serves it to whoever reaches
    it, so entry_detail's check stays outside, reading only what the rules read)."""
    entry = selectors.entry_in_network(network=request.network, pk=entry_id)
    page = selectors.entry_page(entry=entry)
    return render(
        request,
        "projects/entries/detail.html",
        {
            "network": request.network, "entry": entry, "page": page,
            # The files section (projects/entries/_attachments.html; projects/views/attachments.py takes the form).
            "attachments": selectors.entry_attachments(network=request.network, entry=entry),
            "attachments_form": AttachmentsForm(),
        },
    )  # fmt: skip


# --- the workflow buttons -------------------------------------------------------------------------


def _act(request, entry_id, action, step, done):
    """Check `action` on the entry, run `step(entry)`, say how it went, and go back to the entry. A
    refusal by the service (the entry changed meanwhile) is a message, not an error page."""
    entry = _entry_or_404(request, entry_id)
    permissions.ensure(request, action, entry)
    try:
        step(entry)
    except ValidationError as error:
        add_service_errors(request, None, error)
    except PermissionDenied:  # the rule held when the page checked it, no longer in the transaction
        messages.error(request, permissions.reason(action))
    else:
        messages.success(request, done)
    return redirect(_detail_url(entry))


def _as_seen(request, entry):
    """The entry as the reviewer saw it (its version and status, sent with the button), for the services
    that refuse to decide on an entry changed since."""
    seen = copy.copy(entry)
    seen.updated_at = parse_datetime(request.POST.get("seen", ""))
    seen.status = request.POST.get("seen_status", "")
    if seen.updated_at is None or seen.status not in ActivityEntry.Status.values:
        raise ValidationError(_("Open the entry again and decide on what it says now."))
    return seen


@require_POST
def entry_submit(request, network_slug, entry_id):
    return _act(
        request, entry_id, "edit_entry",
        lambda entry: services.entry_submit(entry=entry, acting_user=request.user),
        _("Sent to the coordinators for approval."),
    )  # fmt: skip


@require_POST
def entry_withdraw(request, network_slug, entry_id):
    return _act(
        request, entry_id, "withdraw_entry",
        lambda entry: services.entry_withdraw(entry=entry, acting_user=request.user),
        _("Taken back: the entry is a draft again."),
    )  # fmt: skip


@require_POST
def entry_approve(request, network_slug, entry_id):
    return _act(
        request, entry_id, "review_entry",
        lambda entry: services.entry_approve(entry=_as_seen(request, entry), acting_user=request.user),
        _("Approved. The organisation gets an e-mail."),
    )  # fmt: skip


@require_POST
def entry_return(request, network_slug, entry_id):
    return _act(
        request, entry_id, "review_entry",
        lambda entry: services.entry_return(
            entry=_as_seen(request, entry), acting_user=request.user, reason=request.POST.get("reason", "")
        ),
        _("Returned to the organisation with your reason. They get an e-mail."),
    )  # fmt: skip


@require_POST
def entry_delete(request, network_slug, entry_id):
    return _act(
        request, entry_id, "delete_entry",
        lambda entry: services.entry_delete(entry=entry, acting_user=request.user),
        _("Deleted. Coordinators can still restore it from this page."),
    )  # fmt: skip


@require_POST
def entry_restore(request, network_slug, entry_id):
    return _act(
        request, entry_id, "restore_entry",
        lambda entry: services.entry_restore(entry=entry, acting_user=request.user),
        _("Restored."),
    )  # fmt: skip
