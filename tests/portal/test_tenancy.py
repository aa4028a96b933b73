"""One rule for tenancy: services never enter a scope, their callers do; tenant-owned rows, and their
history, are unreadable outside a scope."""

import ast
import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django_scopes import ScopeError, scope, scopes_disabled

from network.models import PartnershipAgreement, Role
from network.services.agreements import agreement_import
from tests.factories import NetworkFactory, person_in

pytestmark = pytest.mark.django_db

SERVICE_PACKAGES = (
    "network/services", "projects/services", "advocacy/services", "members/services.py", "reports/services.py",
)  # fmt: skip
# The one exception, and why: it creates the tenant, so no caller can have entered its scope.
MAY_ENTER_A_SCOPE = {("network/services/networks.py", "network_create")}


def _scope_calls(path):
    """(function name, line) of every call to django_scopes' scope()/scopes_disabled() in a module."""
    tree = ast.parse(path.read_text())
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ("scope", "scopes_disabled"):
                    found.append((function.name, node.lineno))
    return found


def _service_modules():
    base = Path(settings.BASE_DIR)
    for entry in SERVICE_PACKAGES:
        path = base / entry
        yield from sorted(path.glob("*.py")) if path.is_dir() else [path]


def test_services_never_enter_a_scope_their_callers_do():
    problems = []
    modules = list(_service_modules())
    assert len(modules) >= 8  # the walk finds the service modules
    for path in modules:
        relative = path.relative_to(settings.BASE_DIR).as_posix()
        for function, line in _scope_calls(path):
            if (relative, function) not in MAY_ENTER_A_SCOPE:
                problems.append(f"{relative}:{line} {function}() enters a scope; its caller should")
    assert problems == [], "\n".join(problems)


def test_the_scope_check_finds_the_one_exception():
    """The check above can fail: it does see network_create's scope."""
    path = Path(settings.BASE_DIR) / "network/services/networks.py"
    assert [function for function, _line in _scope_calls(path)] == ["network_create"]


def test_a_service_called_outside_a_scope_raises_and_saves_nothing():
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR, name="Lead Institute")
    person_in(network, Role.MEMBER, name="Partner School")
    parties = [{"organisation": "Lead Institute", "role": "Lider"}, {"organisation": "Partner School", "role": ""}]
    data = {"title": "Umowa", "signed_on": datetime.date(2021, 1, 1), "parties": parties, "areas": ["one"]}

    with pytest.raises(ScopeError):
        agreement_import(network=network, data=data, acting_user=coordinator)
    with scopes_disabled():
        assert not PartnershipAgreement.objects.exists()

    with scope(network=network):  # the same call from a caller that entered the scope
        agreement = agreement_import(network=network, data=data, acting_user=coordinator)
    assert agreement.network == network


# --- every fetch by id names the network ------------------------------------------------------------

TENANT_CODE = (
    "network/services",
    "network/views",
    "network/selectors.py",
    "network/api.py",
    "network/tasks.py",
    "projects/services",
    "projects/selectors.py",
    "projects/views",
    "reports/services.py",
    "reports/tasks.py",
    # not reports/views.py: its addresses name no network on purpose (people outside it read reports), so
    # it finds the job by its random key and the subject by its id, then enters that row's network's scope
)
FETCHES = {"get", "filter", "get_object_or_404", "select_for_update"}
# Global models, looked up by id on purpose: the tenant itself and the members app's rows.
GLOBAL = ("Organisation", "Network.objects", "Affiliation", "User")


def _fetches_by_id_without_network(path):
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        keywords = {k.arg for k in node.keywords}
        if name not in FETCHES or not keywords & {"pk", "id"}:
            continue
        source = ast.unparse(node)
        if any(model in source for model in GLOBAL):
            continue
        if not keywords & {"network", "network_id"}:
            found.append((node.lineno, source))
    return found


def _tenant_modules():
    base = Path(settings.BASE_DIR)
    for entry in TENANT_CODE:
        path = base / entry
        yield from sorted(path.glob("*.py")) if path.is_dir() else [path]


def test_every_fetch_by_id_of_a_network_owned_row_names_the_network():
    """The scope is the second line of defence, not the only one: `get(network=…, pk=…)`."""
    problems = []
    for path in _tenant_modules():
        for line, source in _fetches_by_id_without_network(path):
            problems.append(f"{path.relative_to(settings.BASE_DIR)}:{line} {source}")
    assert problems == [], "\n".join(problems)


def test_the_fetch_check_sees_a_fetch_without_the_network(tmp_path):
    module = tmp_path / "example.py"
    module.write_text(
        "Membership.objects.get(pk=1)\n"
        "Membership.objects.get(network=n, pk=1)\n"
        "get_object_or_404(Invitation, pk=2)\n"
        "Organisation.objects.get(pk=3)\n"
    )
    assert [line for line, _source in _fetches_by_id_without_network(module)] == [1, 3]


# --- history tables are scoped like their models ------------------------------------------------------


def _make(kind, network):
    from tests.factories import (
        ActivityEntryFactory,
        AgreementFactory,
        MembershipFactory,
        NewsPostFactory,
        ProjectFactory,
    )

    return {
        "project": lambda: ProjectFactory(network=network),
        "activity_entry": lambda: ActivityEntryFactory(network=network),
        "membership": lambda: MembershipFactory(network=network),
        "agreement": lambda: AgreementFactory(network=network),
        "news_post": lambda: NewsPostFactory(network=network),
    }[kind]()


HISTORY_KINDS = ["project", "membership", "agreement", "news_post", "activity_entry"]


@pytest.mark.parametrize("kind", HISTORY_KINDS)
def test_the_history_of_a_network_owned_model_is_unreadable_outside_a_scope(kind):
    mine, other = NetworkFactory(visibility="private"), NetworkFactory(visibility="private")
    row, elsewhere = _make(kind, mine), _make(kind, other)
    model = type(row)
    historical = model.history.model

    for read in (
        lambda: list(model.history.all()),
        lambda: model.history.count(),
        lambda: list(historical.objects.all()),
        lambda: list(row.history.all()),
        lambda: model.history.filter(pk=row.pk).first(),
    ):
        with pytest.raises(ScopeError):
            read()

    with scope(network=mine):
        assert {h.network_id for h in model.history.all()} == {mine.pk}
        assert {h.id for h in historical.objects.all()} == {row.pk}
        assert [h.id for h in row.history.all()] == [row.pk]
        assert not elsewhere.history.exists()  # another network's row's history is not in this scope
        assert model.history.as_of(timezone.now()).count() == 1
    with scopes_disabled():
        assert {h.network_id for h in model.history.all()} == {mine.pk, other.pk}


def test_the_tenant_s_own_history_is_not_scoped():
    """Network is the tenant, not owned by one: like Network.objects, its history reads without a scope."""
    from network.models import Network

    network = NetworkFactory(name="Open to the admin")
    assert network.pk in set(Network.history.values_list("id", flat=True))


def test_saving_inside_a_scope_still_writes_history_rows():
    network = NetworkFactory()
    row = _make("project", network)
    with scope(network=network):
        row.title = "Renamed"
        row.save()
        assert [h.title for h in row.history.all()][0] == "Renamed"
        assert row.history.count() == 2


@pytest.mark.parametrize("kind", HISTORY_KINDS)
def test_the_admin_history_pages_work_with_scopes_off(client, kind):
    from django.urls import reverse

    from tests.factories import UserFactory

    network = NetworkFactory(visibility="private")
    row = _make(kind, network)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    opts = type(row)._meta
    listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[row.pk]))
    assert listing.status_code == 200
    with scopes_disabled():
        history_id = row.history.get().history_id
    detail = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[row.pk, history_id]))
    assert detail.status_code == 200
