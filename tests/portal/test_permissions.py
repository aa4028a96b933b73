"""Who may do what to a network: one explicit table of role × action × expected answer, for a public
and a private network, asked through the pages (so the middleware, decorators and rules all take part).

Answers: OK = 200; DONE = the action happened and redirected onward; LOGIN = 302 to the login page with
?next=; ADD = 302 to adding an organisation first, then back (a person with none asking to join);
DENIED = 403; MISSING = 404, the same as a network that does not exist.
"""

import datetime

import pytest
from django.utils.http import urlencode
from django_scopes import scopes_disabled

from network.models import Invitation, Membership, Network, Role
from network.permissions import network_role
from portal import permissions
from projects.models import ProjectEvaluator
from tests.clients import sign_in
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    NetworkFactory,
    PartnerFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db

OK, DONE, LOGIN, ADD, DENIED, MISSING = "200", "done", "login", "add", "403", "404"

# action: (method, path under /networks/<slug>/, POST data)
ACTIONS = {
    "detail": ("get", "", None),
    "workspace": ("get", "workspace/", None),
    "manage": ("get", "members/manage/", None),
    "edit": ("get", "edit/", None),
    "approve": ("post", "memberships/{request}/approve/", {"role": "member"}),
    "invite": ("post", "members/invite/", {"email": "invitee@example.org", "role": "member"}),
    "join": ("get", "join/", None),
    "audit_log": ("get", "workspace/log/", None),
}
COLUMNS = tuple(ACTIONS)

# Roles: outsider = signed in, admin of an organisation not in the network; requester = its organisation
# asked to join and waits; suspended = its organisation's membership is suspended; staff = is_staff, no
# organisation; donor = admin of a donor organisation funding a private project of the network (its grant);
# evaluator = named on a private project of the network until a later day, with no organisation.
# fmt: off
TABLE = {
    Network.Visibility.PUBLIC: {
        #               detail   workspace manage  edit    approve invite  join    audit
        "anonymous":   (OK,      LOGIN,    LOGIN,  LOGIN,  LOGIN,  LOGIN,  LOGIN,   LOGIN),
        "outsider":    (OK,      DENIED,   DENIED, DENIED, DENIED, DENIED, OK,      DENIED),
        "requester":   (OK,      DENIED,   DENIED, DENIED, DENIED, DENIED, OK,      DENIED),
        "suspended":   (OK,      DENIED,   DENIED, DENIED, DENIED, DENIED, OK,      DENIED),
        "observer":    (OK,      OK,       DENIED, DENIED, DENIED, DENIED, OK,      DENIED),
        "member":      (OK,      OK,       DENIED, DENIED, DENIED, DENIED, OK,      DENIED),
        "coordinator": (OK,      OK,       OK,     OK,     DONE,   DONE,   OK,      OK),
        "staff":       (OK,      OK,       DENIED, DENIED, DENIED, DENIED, ADD,     OK),
        "donor":       (OK,      DENIED,   DENIED, DENIED, DENIED, DENIED, OK,      DENIED),
        "evaluator":   (OK,      DENIED,   DENIED, DENIED, DENIED, DENIED, ADD,     DENIED),
    },
    # Private: whoever has no active membership gets 404 for everything, as if the network did not
    # exist. Staff may look (support), but not act. Nobody asks to join: private networks invite.
    Network.Visibility.PRIVATE: {
        #               detail   workspace manage  edit    approve invite  join    audit
        "anonymous":   (MISSING, MISSING,  MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "outsider":    (MISSING, MISSING,  MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "requester":   (MISSING, MISSING,  MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "suspended":   (MISSING, MISSING,  MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "observer":    (OK,      OK,       DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
        "member":      (OK,      OK,       DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED),
        "coordinator": (OK,      OK,       OK,      OK,      DONE,    DONE,    DENIED,  OK),
        "staff":       (OK,      OK,       DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK),
        # Granted one of its projects (projects.grants, an evaluator): that project's page is a door
        # (tests/portal/test_cross_tenant.py); the network itself stays closed to them.
        "donor":       (MISSING, MISSING,  MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "evaluator":   (MISSING, MISSING,  MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
    },
}
# fmt: on

CASES = [
    pytest.param(visibility, role, action, expected, id=f"{visibility}-{role}-{action}")
    for visibility, rows in TABLE.items()
    for role, answers in rows.items()
    for action, expected in zip(COLUMNS, answers, strict=True)
]


def test_the_table_covers_every_role_and_action():
    for rows in TABLE.values():
        assert set(rows) == set(TABLE[Network.Visibility.PUBLIC])
        assert all(len(answers) == len(COLUMNS) for answers in rows.values())


def make_person(network, role):
    if role == "anonymous":
        return None
    if role == "staff":
        return UserFactory(is_staff=True)
    if role == "outsider":
        return AffiliationFactory().user
    if role == "suspended":
        return person_in(network, Role.MEMBER, status=Membership.Status.SUSPENDED)
    if role in ("donor", "evaluator"):
        return granted_person(network, role)
    return person_in(network, role)


def granted_person(network, role):
    """A person granted a private project of `network` and holding no role in it."""
    project = ProjectFactory(network=network, visibility="private")
    if role == "donor":
        donor = AffiliationFactory(organisation__kind="donor").user
        PartnerFactory(project=project, organisation=donor.affiliations.get().organisation, role="funder")
        assert permissions.check("view_project", donor, project)
        return donor
    evaluator = UserFactory()
    with scopes_disabled():
        ProjectEvaluator.objects.create(
            network=network, project=project, user=evaluator, until=datetime.date.today() + datetime.timedelta(30)
        )
    assert permissions.check("view_project", evaluator, project)
    return evaluator


@pytest.mark.parametrize(("visibility", "role", "action", "expected"), CASES)
def test_permission_table(client, visibility, role, action, expected):
    network = NetworkFactory(visibility=visibility)
    person_in(network, Role.COORDINATOR)
    requester = AffiliationFactory().user
    request = MembershipFactory(
        network=network,
        organisation=requester.affiliations.get().organisation,
        status=Membership.Status.REQUESTED,
        requested_by=requester,
    )
    user = requester if role == "requester" else make_person(network, role)
    if user is not None:
        client.force_login(user)
    method, path, data = ACTIONS[action]
    path = f"/networks/{network.slug}/" + path.format(request=request.pk)

    response = getattr(client, method)(path, data or {})

    answer = str(response.status_code)
    if response.status_code == 302:
        location = response["Location"]
        answer = {f"/accounts/login/?next={path}": LOGIN, "/organisations/new/?" + urlencode({"next": path}): ADD}.get(
            location, DONE
        )
    assert answer == expected, f"{role} {action} {path}: got {response.status_code} {response.get('Location', '')}"
    with scopes_disabled():
        request.refresh_from_db()
        invited = Invitation.objects.filter(network=network).exists()
    assert (request.status == Membership.Status.ACTIVE) == (action == "approve" and expected == DONE)
    assert invited == (action == "invite" and expected == DONE)


# --- the same rules through the API, for session and token callers alike -------------------------------

# action: (method, path under /api/v1/networks/<slug>/, POST body)
API_ACTIONS = {
    "members": ("get", "members/", None),
    "member": ("get", "members/{member}/", None),
    "requests": ("get", "membership-requests/", None),
    "request": ("get", "membership-requests/{request}/", None),
    "ask": ("post", "membership-requests/", {"organisation_id": "{own_org}"}),
    "approve": ("post", "membership-requests/{request}/approve/", {"role": "member"}),
}
API_COLUMNS = tuple(API_ACTIONS)
CREATED, INVALID, UNAUTH = "201", "400", "401"

# Anonymous callers are asked to authenticate: 401 with `WWW-Authenticate: Token` (TokenAuthentication
# is listed first, so DRF has a scheme to name), where a signed-in caller would get 403. Members asking
# to join again are 400 ("already"); staff administer no organisation, so they have nobody to ask for.
# fmt: off
API_TABLE = {
    Network.Visibility.PUBLIC: {
        #               members member requests request ask      approve
        "anonymous":   (OK,     OK,    UNAUTH,  UNAUTH, UNAUTH,  UNAUTH),
        "outsider":    (OK,     OK,    DENIED,  DENIED, CREATED, DENIED),
        "requester":   (OK,     OK,    DENIED,  DENIED, INVALID, DENIED),
        "suspended":   (OK,     OK,    DENIED,  DENIED, INVALID, DENIED),
        "observer":    (OK,     OK,    DENIED,  DENIED, INVALID, DENIED),
        "member":      (OK,     OK,    DENIED,  DENIED, INVALID, DENIED),
        "coordinator": (OK,     OK,    OK,      OK,     INVALID, OK),
        "staff":       (OK,     OK,    DENIED,  DENIED, DENIED,  DENIED),
        "donor":       (OK,     OK,    DENIED,  DENIED, CREATED, DENIED),
        "evaluator":   (OK,     OK,    DENIED,  DENIED, DENIED,  DENIED),
    },
    # Private: as on the pages, whoever has no active membership gets 404, as if it did not exist.
    Network.Visibility.PRIVATE: {
        #               members  member   requests request  ask      approve
        "anonymous":   (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "outsider":    (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "requester":   (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "suspended":   (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "observer":    (OK,      OK,      DENIED,  DENIED,  DENIED,  DENIED),
        "member":      (OK,      OK,      DENIED,  DENIED,  DENIED,  DENIED),
        "coordinator": (OK,      OK,      OK,      OK,      DENIED,  OK),
        "staff":       (OK,      OK,      DENIED,  DENIED,  DENIED,  DENIED),
        "donor":       (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
        "evaluator":   (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
    },
}
# fmt: on

API_CASES = [
    pytest.param(visibility, role, action, expected, id=f"{visibility}-{role}-{action}")
    for visibility, rows in API_TABLE.items()
    for role, answers in rows.items()
    for action, expected in zip(API_COLUMNS, answers, strict=True)
]


def test_the_api_table_covers_every_role_and_action():
    assert set(API_TABLE) == set(TABLE)
    for rows in API_TABLE.values():
        assert set(rows) == set(TABLE[Network.Visibility.PUBLIC])
        assert all(len(answers) == len(API_COLUMNS) for answers in rows.values())


@pytest.mark.parametrize(("visibility", "role", "action", "expected"), API_CASES)
def test_api_permission_table(client, client_kind, visibility, role, action, expected):
    network = NetworkFactory(visibility=visibility)
    coordinator = person_in(network, Role.COORDINATOR)
    requester = AffiliationFactory().user
    request = MembershipFactory(
        network=network,
        organisation=requester.affiliations.get().organisation,
        status=Membership.Status.REQUESTED,
        requested_by=requester,
    )
    user = requester if role == "requester" else make_person(network, role)
    sign_in(client, user, client_kind)
    with scopes_disabled():
        member = Membership.objects.get(network=network, organisation__affiliations__user=coordinator)
    own_org = user.affiliations.values_list("organisation_id", flat=True).first() if user else None
    method, path, data = API_ACTIONS[action]
    path = f"/api/v1/networks/{network.slug}/" + path.format(request=request.pk, member=member.pk)
    data = {key: (own_org or 0) if value == "{own_org}" else value for key, value in (data or {}).items()}
    with scopes_disabled():
        open_before = Membership.objects.filter(network=network).count()

    response = getattr(client, method)(path, data, content_type="application/json") if data else client.get(path)

    assert str(response.status_code) == expected, f"{client_kind} {role} {action} {path}: {response.content[:200]}"
    assert response.get("WWW-Authenticate") == ("Token" if expected == UNAUTH else None)
    with scopes_disabled():
        request.refresh_from_db()
        open_after = Membership.objects.filter(network=network).count()
    assert (request.status == Membership.Status.ACTIVE) == (action == "approve" and expected == OK)
    assert (open_after - open_before) == (1 if expected == CREATED else 0)


# --- the rules module itself -----------------------------------------------------------------------------


def test_check_refuses_unknown_rule_names():
    with pytest.raises(LookupError, match="No permission rule named can_fly"):
        permissions.check("fly", UserFactory(), NetworkFactory())


def test_check_answers_known_rules_with_a_bool():
    network = NetworkFactory()
    assert permissions.check("view_network", UserFactory(), network) is True
    assert permissions.check("manage_members", UserFactory(), network) is False


def test_the_template_tag_asks_the_same_module(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    request = rf.get("/")
    request.user = AnonymousUser()
    template = Template('{% can "no_such_rule" %}')
    with pytest.raises(LookupError):
        template.render(Context({"request": request}))


def test_a_person_in_two_member_organisations_gets_the_higher_role():
    network = NetworkFactory()
    person = person_in(network, Role.OBSERVER)
    coordinating = AffiliationFactory(user=person).organisation
    MembershipFactory(network=network, organisation=coordinating, role=Role.COORDINATOR)
    assert network_role(person, network) == Role.COORDINATOR


def test_only_active_memberships_give_a_role():
    network = NetworkFactory()
    for status in (Membership.Status.REQUESTED, Membership.Status.SUSPENDED, Membership.Status.LEFT):
        assert network_role(person_in(network, Role.COORDINATOR, status=status), network) is None


def test_colleagues_who_are_not_admins_share_the_role_but_cannot_act_for_the_organisation():
    network = NetworkFactory()
    admin = person_in(network, Role.MEMBER)
    colleague = AffiliationFactory(organisation=admin.affiliations.get().organisation, is_admin=False).user
    with scopes_disabled():
        membership = Membership.objects.get(network=network)
    assert network_role(colleague, network) == Role.MEMBER
    assert permissions.check("leave_membership", admin, membership)
    assert not permissions.check("leave_membership", colleague, membership)
    assert not permissions.check("request_to_join", colleague, NetworkFactory())


@pytest.mark.django_db
def test_ensure_visible_hides_what_a_user_may_not_see_and_asks_visitors_to_log_in(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    from portal import permissions
    from tests.factories import AffiliationFactory, NetworkFactory

    private = NetworkFactory(visibility="private")
    outsider = AffiliationFactory().user
    request = rf.get("/")

    request.user = AnonymousUser()
    with pytest.raises(permissions.LoginRequired):
        permissions.ensure_visible(request, "view_network", private)
    with pytest.raises(permissions.LoginRequired):
        permissions.ensure_visible(request, "view_network", None)  # missing: the same answer

    request.user = outsider
    with pytest.raises(Http404):
        permissions.ensure_visible(request, "view_network", private)
    with pytest.raises(Http404):
        permissions.ensure_visible(request, "view_network", None)
    public = NetworkFactory()
    assert permissions.ensure_visible(request, "view_network", public) is public
