"""Project pages: the network's project list, the project page, and the coordinators' editing pages.

Editing is plain HTML: every add, save, delete and move is a small POST form, answered with a redirect
back to its editing page. With htmx each editing section is boosted (hx-boost on the <section>), so the
same forms and links come back as that section alone (`request.htmx`), swapped in place.
"""

import re
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from members.verification import load_verification
from portal import pagecache, permissions
from portal.converters import DIGITS
from portal.forms import add_service_errors
from portal.pagination import paginate
from projects import selectors
from projects.forms import ITEM_FORMS, ProjectForm
from projects.models import Project
from projects.services import items as item_services
from projects.services import projects as project_services

PROJECTS_PER_PAGE = 25
ORGANISATION_SUGGESTIONS = 20

# The editing pages and the sections on each. A section is one boosted <section> that answers htmx.
PAGES = {
    "partners": (gettext_lazy("Partners and funding"), ("partners", "funding")),
    "logframe": (gettext_lazy("Objectives and activities"), ("objectives", "components")),
    "results": (gettext_lazy("Results and indicators"), ("results",)),
    "context": (gettext_lazy("Needs, target groups and sites"), ("needs", "target_groups", "sites")),
}
PAGE_OF_SECTION = {section: page for page, (_title, sections) in PAGES.items() for section in sections}
SECTION_OF_KIND = {
    "partner": "partners", "funding": "funding", "objective": "objectives", "component": "components",
    "activity": "components", "result": "results", "indicator": "results", "value": "results",
    "need": "needs", "target_group": "target_groups", "site": "sites",
}  # fmt: skip


@dataclass
class OpenForm:
    """The one form open on an editing page besides the always-shown "add" forms: editing a row
    (`target_id` is the row), or adding a nested row (`target_id` is its parent: a component for an
    activity)."""

    mode: str  # "add" or "edit"
    kind: str
    target_id: int | None
    form: Form


def _project_or_404(request, project_slug):
    """The project of request.network at this address, if this user may see it (see ensure_visible, which
    also answers 404 to a visitor let in through the project page's door: ProjectsConfig.ready)."""
    project = selectors.project_in_network(network=request.network, slug=project_slug)
    return permissions.ensure_visible(request, "view_project", project)


def project_required(action):
    """View decorator: resolves `project_slug` (404 if unseen) and needs `action` on the project."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, network_slug, project_slug, **kwargs):
            project = _project_or_404(request, project_slug)
            permissions.ensure(request, action, project)
            return view(request, project, **kwargs)

        wrapper.required_permission = action
        return wrapper

    return decorator


# --- reading --------------------------------------------------------------------------------------


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def project_list(request, network_slug):
    network = request.network
    paged = paginate(request, selectors.projects_for_network(network=network, user=request.user), PROJECTS_PER_PAGE)
    return render(request, "projects/list.html", {"network": network, **paged.context("projects")})


@project_required("view_project")
@pagecache.keep(pagecache.network_page)
def project_detail(request, project):
    return render(
        request,
        "projects/detail.html",
        {
            "network": request.network,
            "project": project,
            "page": selectors.project_page(project=project, with_log=True),
            "pages": PAGES,
        },
    )


@project_required("edit_project")
def organisation_suggestions(request, project):
    """GET ?q=…: the organisations the partner field would find for what was typed, as JSON
    (`{"results": [{"name": …, "acronym": …}]}`, at most ORGANISATION_SUGGESTIONS, by name), for
    static/js/suggest.js to offer while typing. Only for who may edit the project: the network's own
    records of organisations are not public."""
    search = request.GET.get("q", "")[:100].replace("\x00", "")  # PostgreSQL refuses NUL in a text
    results = selectors.organisation_suggestions(network=request.network, search=search, limit=ORGANISATION_SUGGESTIONS)
    return JsonResponse({"results": results})


# --- a project's facts ----------------------------------------------------------------------------


@permissions.network_required("create_project")
def project_create(request, network_slug):
    network = request.network
    form = ProjectForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            project = project_services.project_create(network=network, data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The project is created. Now describe its objectives and activities."))
            return redirect("projects:edit_page", network_slug=network.slug, project_slug=project.slug, page="logframe")
    return render(request, "projects/form.html", {"network": network, "form": form})


@project_required("edit_project")
def project_edit(request, project):
    form = ProjectForm(
        request.POST or None,
        instance=Project.objects.get(network=request.network, pk=project.pk),
        network=request.network,
    )
    if request.method == "POST" and form.is_valid():
        try:
            project_services.project_update(project=project, data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Project saved."))
            return redirect("projects:detail", network_slug=request.network.slug, project_slug=project.slug)
    context = {"network": request.network, "project": project, "form": form, "pages": PAGES}
    return render(request, "projects/form.html", context)


# --- the editing pages ----------------------------------------------------------------------------


def _spec_or_404(kind):
    spec = item_services.ITEMS.get(kind)
    if spec is None:
        raise Http404("No such kind of row.")
    return spec


def _row_or_404(model, project, pk):
    try:
        row = model.objects.get(network_id=project.network_id, project=project, pk=int(pk))
    except (TypeError, ValueError, model.DoesNotExist):
        raise Http404("No such row.") from None
    row.project = project  # spares a query when services and permission rules ask for it
    return row


def _parent_or_404(project, kind, parent_id):
    spec = item_services.ITEMS[kind]
    if spec.parent is None:
        return None
    return _row_or_404(spec.model._meta.get_field(spec.parent).related_model, project, parent_id)


def _form(kind, project, *, data=None, item=None, parent=None, autofocus=False):
    """The form for adding (with `parent` for nested rows) or editing `item`. Prefixes keep the ids of
    the many forms on one page apart, and tell the POST which form it was."""
    spec = item_services.ITEMS[kind]
    if item is None:
        item = spec.model(project=project, network=project.network)
        if parent is not None:
            setattr(item, spec.parent, parent)
        prefix = f"add-{kind}-{parent.pk if parent else 'new'}"
    else:
        prefix = f"edit-{kind}-{item.pk}"
    form = ITEM_FORMS[kind](data, instance=item, project=project, prefix=prefix)
    if autofocus:  # the first field still to fill in (an activity's title, not its optional number)
        empty = (name for name, field in form.fields.items() if field.required and not form[name].value())
        form.fields[next(empty, next(iter(form.fields)))].widget.attrs["autofocus"] = True
    return form


def _render_page(request, project, page, *, open_form=None, section=None, notice="", focus=None, row=None, moved=""):
    """The editing page, or only `section` of it (for htmx). Where the keyboard focus goes after a swap:
    `focus` names the kind whose add form takes it; `row` is the (kind, id) of the row just saved, or just
    moved in direction `moved`, which keeps it (on its Edit link, or the move button pressed)."""
    title, sections = PAGES[page]
    top_level = [k for k, s in SECTION_OF_KIND.items() if s in sections and item_services.ITEMS[k].parent is None]
    add_forms = {kind: _form(kind, project, autofocus=kind == focus) for kind in top_level}
    if open_form and open_form.mode == "add" and open_form.kind in add_forms:
        add_forms[open_form.kind] = open_form.form
    context = {
        "network": request.network,
        "project": project,
        "data": selectors.project_page(project=project),
        "page": page,
        "page_title": title,
        "page_url": _page_url(project, page),
        "pages": PAGES,
        "sections": [f"projects/edit/_{name}.html" for name in sections],
        "add_forms": add_forms,
        "open": open_form,
        "notice": notice,
        "notice_section": section,
        "row_words": {"edit": _("Edit"), "up": _("Move up"), "down": _("Move down")},
        "focus_kind": row and row[0],
        "focus_id": row and row[1],
        "moved_dir": moved,
    }
    if page == "partners":
        load_verification(p.organisation for p in context["data"].partners)  # the mark on each partner row
    if section:
        return render(request, f"projects/edit/_{section}.html", context)
    return render(request, "projects/edit/page.html", context)


def _page_url(project, page, **query):
    url = reverse(
        "projects:edit_page", kwargs={"network_slug": project.network.slug, "project_slug": project.slug, "page": page}
    )
    return f"{url}?{urlencode(query)}" if query else url


@project_required("edit_project")
@pagecache.keep(pagecache.network_page)
def edit_page(request, project, page):
    """GET ?add=<kind>&parent=<id> opens an add form under a parent, ?edit=<kind>&item=<id> opens a row
    for editing; with htmx only the section comes back (?section=<name> alone: the section as it is)."""
    if page not in PAGES:
        raise Http404("No such page.")
    open_form, section = None, None
    if kind := request.GET.get("edit"):
        _spec_or_404(kind)
        item = _row_or_404(item_services.ITEMS[kind].model, project, request.GET.get("item"))
        open_form = OpenForm("edit", kind, item.pk, _form(kind, project, item=item, autofocus=True))
    elif (kind := request.GET.get("add")) and _spec_or_404(kind).parent:
        parent = _parent_or_404(project, kind, request.GET.get("parent"))
        open_form = OpenForm("add", kind, parent.pk, _form(kind, project, parent=parent, autofocus=True))
    if open_form:
        section = SECTION_OF_KIND[open_form.kind]
        if PAGE_OF_SECTION[section] != page:
            raise Http404("That row is edited on another page.")
    elif request.GET.get("section") in PAGES[page][1]:
        section = request.GET["section"]
    # "Cancel" on an edit form names its row (?focus=<kind>-<id>), so the focus returns to it.
    # ASCII digits only: "²" passes str.isdigit() but not int().
    focus_kind, _sep, focus_id = request.GET.get("focus", "").rpartition("-")
    row = (focus_kind, int(focus_id)) if re.fullmatch(DIGITS, focus_id) else None
    return _render_page(request, project, page, open_form=open_form, section=section if request.htmx else None, row=row)


def _done(request, project, kind, notice, *, reopen=None, row=None, moved=""):
    """After a successful change: the section again (htmx), or a redirect back to the page."""
    section = SECTION_OF_KIND[kind]
    page = PAGE_OF_SECTION[section]
    if request.htmx:
        focus = kind if item_services.ITEMS[kind].parent is None and reopen is None and row is None else None
        return _render_page(
            request, project, page, open_form=reopen, section=section, notice=notice, focus=focus, row=row,
            moved=moved,
        )  # fmt: skip
    messages.success(request, notice)
    query = {"add": reopen.kind, "parent": reopen.target_id} if reopen else {}
    anchor = f"{kind}-{row[1]}" if row else f"section-{section}"
    return redirect(_page_url(project, page, **query) + f"#{anchor}")


def _invalid(request, project, kind, open_form):
    """The page (or section) again, with the form open and its errors next to the fields."""
    section = SECTION_OF_KIND[kind]
    return _render_page(
        request, project, PAGE_OF_SECTION[section], open_form=open_form, section=section if request.htmx else None
    )


def _label(kind):
    return capfirst(item_services.ITEMS[kind].model._meta.verbose_name)


@require_POST
@project_required("edit_project")
def item_add(request, project, kind):
    _spec_or_404(kind)
    parent = _parent_or_404(project, kind, request.POST.get("parent"))
    form = _form(kind, project, data=request.POST, parent=parent)
    if form.is_valid():
        try:
            item_services.project_item_add(
                project=project, kind=kind, parent=parent, data=form.cleaned_data, acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            # A nested add form stays open for the next row: logframes are typed in from documents.
            reopen = None
            if parent is not None:
                reopen = OpenForm("add", kind, parent.pk, _form(kind, project, parent=parent, autofocus=True))
            return _done(request, project, kind, _("%(kind)s added.") % {"kind": _label(kind)}, reopen=reopen)
    return _invalid(request, project, kind, OpenForm("add", kind, parent.pk if parent else None, form))


@require_POST
@project_required("edit_project")
def item_update(request, project, kind, item_id):
    item = _row_or_404(_spec_or_404(kind).model, project, item_id)
    form = _form(kind, project, data=request.POST, item=item)
    if form.is_valid():
        try:
            item_services.project_item_update(item=item, data=form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            return _done(request, project, kind, _("%(kind)s saved.") % {"kind": _label(kind)}, row=(kind, item.pk))
    return _invalid(request, project, kind, OpenForm("edit", kind, item.pk, form))


@require_POST
@project_required("edit_project")
def item_delete(request, project, kind, item_id):
    item = _row_or_404(_spec_or_404(kind).model, project, item_id)
    item_services.project_item_remove(item=item, acting_user=request.user)
    return _done(request, project, kind, _("%(kind)s deleted.") % {"kind": _label(kind)})


@require_POST
@project_required("edit_project")
def item_move(request, project, kind, item_id):
    item = _row_or_404(_spec_or_404(kind).model, project, item_id)
    direction = request.POST.get("direction", "")
    try:
        item_services.project_item_move(item=item, direction=direction, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
        return _done(request, project, kind, "")
    notice = _("%(kind)s moved.") % {"kind": _label(kind)}
    return _done(request, project, kind, notice, row=(kind, item.pk), moved=direction)
