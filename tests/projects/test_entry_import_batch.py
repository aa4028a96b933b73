"""An import checks its rows by entry_create's own rules and writes them at once
(projects.services.entries.entries_create): it refuses exactly what entry_create refuses, with the same
messages; it writes what entry_create writes (the entry, its relations, its history, its audit entry, its
search document); and its queries do not grow with the file's rows, in a dry run or for real."""

import csv
import io
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django_scopes import scope, scopes_disabled

from network.models import Role
from portal import pagecache
from portal.models import AuditEntry
from portal.permissions import forget
from projects import figures, search
from projects.models import ActivityEntry
from projects.services.entries import entries_create, entry_create
from projects.services.entry_imports import entry_import
from projects.services.periods import period_lock
from tests.factories import (
    ActivityFactory,
    AffiliationFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    org,
    person_in,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


@pytest.fixture
def world(network, project, partner, member, coordinator):
    """The project's own activity, site and target group, and another project's; a stranger organisation,
    a partner of the other project only; periods locked for the network (January) and the project (May)."""
    with scopes_disabled():
        other = ProjectFactory(network=network, slug="other")
        foreign = ProjectFactory(slug="foreign")  # another network's
        rows = {
            "activity": ActivityFactory(project=project, code="1.1"),
            "other_activity": ActivityFactory(project=other, code="1.1"),
            "site": project.sites.create(network=network, position=1, name="School 1"),
            "other_site": other.sites.create(network=network, position=1, name="School 1"),
            "group": project.target_groups.create(network=network, position=1, name="Teachers"),
            "other_group": other.target_groups.create(network=network, position=1, name="Teachers"),
        }
    rows["stranger"] = OrganisationFactory(name="Nowhere Ltd", acronym="")
    rows["other_partner"] = PartnerFactory(project=other, organisation=OrganisationFactory(acronym="")).organisation
    period_lock(network=network, start=date(2025, 1, 1), end=date(2025, 1, 31), acting_user=coordinator)
    period_lock(
        network=network, project=project, start=date(2025, 5, 1), end=date(2025, 5, 31), acting_user=coordinator
    )
    rows.update({f"{who}_org": org(user) for who, user in (("partner", partner), ("member", member),
                                                            ("coordinator", coordinator))})  # fmt: skip
    # The partner also works for a member organisation that is no partner of the project.
    rows["second_organisation"] = org(person_in(network, Role.MEMBER, name="Youth centre"))
    AffiliationFactory(user=partner, organisation=rows["second_organisation"])
    forget(partner)
    return {**rows, "project": project, "other": other, "foreign": foreign, "partner": partner, "member": member,
            "coordinator": coordinator}  # fmt: skip


def data(**changes):
    return {"title": "Training of career counsellors", "kind": "training", "start_date": date(2025, 3, 3),
            "end_date": date(2025, 3, 5), "participants_total": 20, **changes}  # fmt: skip


# (who logs, in the name of which organisation (default: their own), the entry's data from the world)
CASES = {
    "fine": ("partner", None, lambda w: data(project=w["project"].pk, activity=w["activity"].pk, site=w["site"].pk,
                                             target_groups=[w["group"].pk], partners=[w["member_org"].pk])),
    "network-level work": ("member", None, lambda w: data()),
    "a period locked for the network": ("partner", None, lambda w: data(start_date=date(2025, 1, 10),
                                                                         end_date=date(2025, 1, 10))),
    "a period locked for the project": ("partner", None, lambda w: data(project=w["project"].pk,
                                                                         start_date=date(2025, 5, 2),
                                                                         end_date=date(2025, 5, 2))),
    "the project's lock, another project": ("coordinator", None, lambda w: data(project=w["other"].pk,
                                                                                start_date=date(2025, 5, 2),
                                                                                end_date=date(2025, 5, 2))),
    "an activity of another project": ("partner", None, lambda w: data(project=w["project"].pk,
                                                                        activity=w["other_activity"].pk)),
    "an activity without a project": ("partner", None, lambda w: data(activity=w["activity"].pk)),
    "an activity that is no id": ("partner", None, lambda w: data(project=w["project"].pk, activity="1.1")),
    "ids too large for any row": ("partner", None, lambda w: data(project=w["project"].pk, site=10**20,
                                                                   partners=[str(10**20)])),
    "a site of another project": ("partner", None, lambda w: data(project=w["project"].pk, site=w["other_site"].pk)),
    "a site without a project": ("partner", None, lambda w: data(site=w["site"].pk)),
    "a target group of another project": ("partner", None, lambda w: data(project=w["project"].pk,
                                                                           target_groups=[w["other_group"].pk])),
    "a partner that is neither partner nor member": ("coordinator", None, lambda w: data(
        project=w["project"].pk, partners=[w["stranger"].pk, w["member_org"].pk])),
    "a partner of another project only": ("coordinator", None, lambda w: data(project=w["project"].pk,
                                                                               partners=[w["other_partner"].pk])),
    "the other project's partner there": ("coordinator", None, lambda w: data(project=w["other"].pk,
                                                                               partners=[w["other_partner"].pk])),
    "another network's project": ("coordinator", None, lambda w: data(project=w["foreign"].pk)),
    "a project the member may not log for": ("member", None, lambda w: data(project=w["project"].pk)),
    "in the name of a non-partner organisation": ("partner", "second_organisation",
                                                  lambda w: data(project=w["project"].pk)),
    "several errors at once": ("partner", None, lambda w: data(project=w["project"].pk, site=w["other_site"].pk,
                                                                end_date=date(2025, 3, 1), women=30,
                                                                links=["not a link"], title="")),
}  # fmt: skip


def outcome(call):
    """(kind, messages) of what `call` raised, or ("ok", None); whatever it saved is rolled back."""
    try:
        with transaction.atomic():
            call()
            transaction.set_rollback(True)
    except ValidationError as error:
        return "refused", error.message_dict
    except PermissionDenied:
        return "denied", None
    return "ok", None


def batch_outcome(network, user, organisation, rows):
    checked = entries_create(network=network, acting_user=user, organisation=organisation, rows=rows, save=False)
    results = []
    for row in checked:
        if isinstance(row.error, ValidationError):
            results.append(("refused", row.error.message_dict))
        elif isinstance(row.error, PermissionDenied):
            results.append(("denied", None))
        else:
            assert row.error is None and row.entry is not None and row.entry.pk is None
            results.append(("ok", None))
    return results


def test_the_batch_refuses_exactly_what_entry_create_refuses(network, world):
    expected, batches = {}, {}
    for name, (who, organisation, make) in CASES.items():
        user, organisation, row = world[who], world[organisation or f"{who}_org"], make(world)
        expected[name] = outcome(
            lambda user=user, organisation=organisation, row=row: entry_create(
                network=network, acting_user=user, organisation=organisation, data=row
            )
        )
        batches.setdefault((who, organisation.pk), (user, organisation, []))[2].append((name, row))

    found = {}
    for user, organisation, named in batches.values():
        # Each person's rows in one file, as an import checks them: one row's references do not leak into another's.
        results = batch_outcome(network, user, organisation, [row for _name, row in named])
        found.update({name: result for (name, _row), result in zip(named, results, strict=True)})

    assert found == expected
    kinds = {name: kind for name, (kind, _messages) in expected.items()}
    assert kinds["fine"] == kinds["network-level work"] == kinds["the other project's partner there"] == "ok"
    assert kinds["a project the member may not log for"] == "denied"
    assert "is locked" in expected["a period locked for the project"][1]["start_date"][0]
    assert set(expected["several errors at once"][1]) == {"site", "end_date", "women", "links", "title"}
    assert not ActivityEntry.objects.exists()


def test_one_refused_row_saves_nothing(network, world):
    good, locked = CASES["fine"][2](world), CASES["a period locked for the project"][2](world)
    user = world["partner"]
    checked = entries_create(
        network=network, acting_user=user, organisation=world["partner_org"], rows=[good, locked, good], save=True
    )
    assert [row.error is None for row in checked] == [True, False, True]
    assert not ActivityEntry.objects.exists()
    assert not AuditEntry.objects.filter(action="entry.created").exists()


def _written(entry):
    """What an entry's creation left in the database, but its id and times."""
    entry = ActivityEntry.objects.get(pk=entry.pk)
    audit = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(ActivityEntry), object_id=entry.pk, action="entry.created"
    )
    after = {k: v for k, v in audit.after.items()}
    history = list(ActivityEntry.history.filter(id=entry.pk).values_list("history_type", "title", "project_id"))
    return {
        "fields": {f.attname: getattr(entry, f.attname) for f in ActivityEntry._meta.concrete_fields
                   if f.attname not in ("id", "created_at", "updated_at")},
        "partners": sorted(entry.partners.values_list("pk", flat=True)),
        "target_groups": sorted(entry.target_groups.values_list("pk", flat=True)),
        "audit": (audit.network_id, audit.acting_user_id, audit.actor_label, audit.object_repr, audit.before, after),
        "history": [(kind, str(title), project) for kind, title, project in history],
        "found": list(search.matching(ActivityEntry.objects.filter(pk=entry.pk), "counsellors").values_list(
            "pk", flat=True)) == [entry.pk],
    }  # fmt: skip


def test_the_batch_writes_what_entry_create_writes(network, world):
    user, organisation = world["partner"], world["partner_org"]
    row = data(
        project=world["project"].pk, activity=world["activity"].pk, site=world["site"].pk,
        target_groups=[world["group"].pk], partners=[world["member_org"].pk, organisation.pk],
        title={"en": "Training of career counsellors", "az": "Təlim"}, links=["https://example.org/a"],
    )  # fmt: skip
    one = entry_create(network=network, acting_user=user, organisation=organisation, data=row)
    (checked,) = entries_create(network=network, acting_user=user, organisation=organisation, rows=[row], save=True)

    assert checked.entry.pk and checked.entry.pk != one.pk
    single, batch = _written(one), _written(checked.entry)
    assert batch["history"] == [("+", "Training of career counsellors", world["project"].pk)]
    assert batch["found"] is True and batch["partners"] == sorted([world["member_org"].pk, organisation.pk])
    # entry_create's history row has no user outside a request; the batch names the importer.
    assert ActivityEntry.history.get(id=checked.entry.pk).history_user == user
    assert batch == single


def test_the_bulk_write_marks_the_network_s_kept_pages_and_figures_stale(network, world, monkeypatch):
    """bulk_create sends no post_save, which is what tells the page cache (portal/pagecache.py) and the
    log's kept figures (projects/figures.py)."""
    bumped, figures_bumped = [], []
    monkeypatch.setattr(pagecache, "bump_for", bumped.append)
    monkeypatch.setattr(figures, "log_changed", figures_bumped.extend)
    user = world["partner"]
    entries_create(network=network, acting_user=user, organisation=world["partner_org"], rows=[data()], save=False)
    assert bumped == [] and figures_bumped == []  # nothing written
    entries_create(network=network, acting_user=user, organisation=world["partner_org"], rows=[data()], save=True)
    assert bumped == [network.pk]
    assert figures_bumped == [network.pk]


# --- queries ------------------------------------------------------------------------------------------------


def csv_file(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["project", "activity", "kind", "title", "start_date", "site", "participants_total", "women",
                     "partners", "target_groups"])  # fmt: skip
    for i in range(rows):
        in_project = bool(i % 3)  # a third of the rows are network-level work
        writer.writerow([
            ("vet4f", "other")[i % 2] if in_project else "", "1.1 Activity" if in_project else "", "Workshop",
            f"Workshop {i}", f"2025-03-{i % 28 + 1:02d}", "School 1" if in_project else "", 15, 8,
            "Partner school; State Agency on Vocational Education", "Teachers" if in_project else "",
        ])  # fmt: skip
    return SimpleUploadedFile("entries.csv", buffer.getvalue().encode())


# The coordinator's import: the role and the organisations (2; memoised after), the references the reader
# resolves (5: projects, activities, sites, target groups, organisations of the members and partners), then
# entries_create in its savepoint (2): the projects, activities, sites and target groups named (4), the
# members and the partners among the organisations named and their names (3), the advisory lock and the
# active period locks (2; SQLite takes no advisory lock: 1).
DRY_RUN = 18
# And the writes: the entries and their history (2), the partners and target groups (2), the audit entries
# and their content type (2).
SAVED = DRY_RUN + 6


@pytest.mark.parametrize("dry_run", [True, False])
def test_an_import_costs_the_same_queries_for_3_rows_as_for_30(network, world, django_assert_num_queries, dry_run):
    if not dry_run and connection.vendor != "postgresql":
        pytest.skip("SQLite splits an INSERT every 999 parameters (a few dozen entries): CI counts on PostgreSQL")
    user = world["coordinator"]
    PartnerFactory(project=world["other"], organisation=world["partner_org"])
    for rows in (3, 30):
        forget(user)
        ContentType.objects.clear_cache()
        expected = (SAVED if not dry_run else DRY_RUN) - (connection.vendor != "postgresql")
        with django_assert_num_queries(expected):
            result = entry_import(network=network, acting_user=user, organisation=world["coordinator_org"],
                                  file=csv_file(rows), dry_run=dry_run)  # fmt: skip
        assert result.valid and result.saved is not dry_run, [row.errors for row in result.rows if row.errors][:2]
        assert len(result.rows) == rows
    with scope(network=network):
        assert ActivityEntry.objects.count() == (0 if dry_run else 33)
