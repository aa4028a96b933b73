"""`manage.py load_demo`: the five seed networks, their organisations and the demo logins."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import CommandError, call_command
from django_scopes import scope, scopes_disabled

from members.models import Affiliation, Organisation, User
from network.demo_data import JOIN_DEMO, NETWORKS, STAFF_LOGIN
from network.management.commands.load_demo import DEMO_PASSWORD
from network.models import Invitation, Membership, Network, NetworkObjective, Role
from portal.permissions import can_request_to_join, network_role

pytestmark = pytest.mark.django_db

EXPECTED_NETWORKS = {
    # slug: (name, active member organisations)
    "pep": ("Partnership for Education Promotion Network", 5),
    "karierna-vzgoja": ("Partnerstvo NVO in šol za karierno vzgojo", 3),
    "podkarpackie": ("Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie", 3),
    "alliance": (
        "Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation",
        11,
    ),
    "vet-for-the-future": ("VET for the Future", 4),
}

NETWORK_LOGINS = [
    (entry["network"]["slug"], org["login"]["email"], org["role"], org["name"])
    for entry in NETWORKS
    for org in entry["organisations"]
    if "login" in org
]


def load(**options):
    out = StringIO()
    call_command("load_demo", force=True, stdout=out, **options)  # tests run with DEBUG off
    return out.getvalue()


@pytest.fixture
def demo():
    load(quiet=True)


def row_counts():
    models = (
        Network, Organisation, Membership, User, Affiliation, Invitation, NetworkObjective, EmailAddress
    )  # fmt: skip
    with scopes_disabled():  # counting across every network
        return {model.__name__: model.objects.count() for model in models}


def test_loads_the_five_networks_with_their_members(demo):
    assert {n.slug: n.name for n in Network.objects.all()} == {s: v[0] for s, v in EXPECTED_NETWORKS.items()}
    for slug, (_name, members) in EXPECTED_NETWORKS.items():
        network = Network.objects.get(slug=slug)
        with scope(network=network):
            active = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
            assert active.count() == members, slug
            assert active.filter(role=Role.COORDINATOR).count() == 1, slug


def test_counts(demo):
    assert row_counts() == {
        "Network": 5,
        "Organisation": 27,  # 26 in networks + Demo Youth NGO
        "Membership": 26,
        "User": 18,  # 15 network logins, ngo@, admin@ and the data steward (cannot log in)
        "Affiliation": 27,
        "Invitation": 21,  # every membership except the five founding coordinators'
        "NetworkObjective": 16,
        "EmailAddress": 17,
    }


def test_running_twice_creates_nothing_new(demo):
    before = row_counts()
    output = load()
    assert row_counts() == before
    assert "created: 0 networks, 0 organisations, 0 memberships, 0 accounts" in output


def test_each_network_login_works_and_has_its_role(demo, client):
    # One loop rather than 15 parametrized tests: each test would load the demo again.
    networks = {network.slug: network for network in Network.objects.all()}
    for slug, email, role, organisation in NETWORK_LOGINS:
        assert client.login(email=email, password=DEMO_PASSWORD), email
        client.logout()
        user = User.objects.get(email=email)
        assert user.is_active and not user.is_staff, email
        address = EmailAddress.objects.get(user=user, email=email)
        assert address.verified and address.primary, email
        assert Affiliation.objects.filter(user=user, organisation__name=organisation, is_admin=True).exists()
        # Its role in its network, and none in the others.
        roles = {other_slug: network_role(user, network) for other_slug, network in networks.items()}
        assert roles == {other_slug: role if other_slug == slug else None for other_slug in networks}, email


def test_the_ngo_login_is_in_no_network_and_may_ask_to_join(demo, client):
    email = JOIN_DEMO["login"]["email"]
    assert client.login(email=email, password=DEMO_PASSWORD)
    user = User.objects.get(email=email)
    assert Affiliation.objects.get(user=user, is_admin=True).organisation.name == "Demo Youth NGO"
    for network in Network.objects.all():
        assert network_role(user, network) is None
        assert can_request_to_join(user, network)


def test_the_admin_login_is_a_staff_superuser(demo, client):
    assert client.login(email=STAFF_LOGIN["email"], password=DEMO_PASSWORD)
    user = User.objects.get(email=STAFF_LOGIN["email"])
    assert user.is_staff and user.is_superuser
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()


def test_the_data_steward_cannot_log_in(demo):
    steward = User.objects.get(email="demo-data@demo.partnera.org")
    assert not steward.is_active and not steward.has_usable_password()


def test_seed_facts_are_stored_verbatim(demo):
    for name in (
        "Sisian Adult Education Center Foundation",
        "Armenian Lifelong Learning League Union of Legal Entities",
        "Kuratorium Oświaty w Rzeszowie",
        "Instytut Badań Edukacyjnych",
        "AXHENSIONI I PERKRAHJES SE PUNESIMIT NE KOSOVE",
        "SHOQATES ALBANIAN SKILLS- NATIONALASSOCIATION FOR SKILLS COMPETITIONS",
        "Ministry of Science and Education of the Republic of Azerbaijan",
    ):
        assert Organisation.objects.filter(name=name).count() == 1, name
    assert Organisation.objects.get(acronym="P&T").name == "Partnership and Teaching"
    assert Organisation.objects.get(name="Instytut Badań Edukacyjnych").city == "Warszawa"

    pep = Network.objects.get(slug="pep")
    assert pep.countries == ["AM"]
    assert "Commitment to Constructive Dialogue" in pep.description
    assert pep.founding_statement.startswith("- Highlighting the reforms and development issues")
    assert pep.founding_statement.endswith("create Partnership for Education Promotion Network.")
    with scope(network=pep):
        objectives = list(NetworkObjective.objects.filter(network=pep).values_list("text", flat=True))
    assert len(objectives) == 10
    assert objectives[0].startswith("Promote the role of CSOs in education")
    assert objectives[-1] == "Develop recommendations package for VET reforms."

    podkarpackie = Network.objects.get(slug="podkarpackie")
    assert str(podkarpackie.founded_on) == "2020-12-08"
    assert podkarpackie.founded_in == "Rzeszów"
    assert {u.full_name for u in User.objects.filter(email__endswith="@podkarpackie.demo.partnera.org")} == {
        "Katarzyna Wielguszewska",
        "Małgorzata Rauch",
        "Wiesław Pałka",
    }

    alliance = Network.objects.get(slug="alliance")
    assert {"XK", "AL"} <= {country.code for country in alliance.countries}
    assert Organisation.objects.get(name="AXHENSIONI I PERKRAHJES SE PUNESIMIT NE KOSOVE").country == "XK"

    slovenian = Network.objects.get(slug="karierna-vzgoja")
    with scope(network=slovenian):
        (objective,) = NetworkObjective.objects.filter(network=slovenian)
    assert objective.text.startswith("Končni cilj je uveljavitev modela sodelovanja med šolami in NVO")
    assert "The ultimate goal is to establish a cooperation model" in objective.text


def test_invented_organisations_say_so(demo):
    for organisation in Organisation.objects.filter(name__startswith="Demo"):
        assert organisation.description.startswith("Demo data"), organisation.name


def test_sends_no_mail_to_the_demo_addresses(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        load(quiet=True)
    assert len(callbacks) == 21  # one invitation job each; it finds the invitation accepted
    assert mail.outbox == []


def test_prints_the_logins_and_where_to_log_in(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    output = load()
    lines = output.splitlines()
    for slug, email, role, organisation in NETWORK_LOGINS:
        (line,) = [line for line in lines if line.startswith(email + " ")]
        assert line.split()[1:3] == [role, slug] and line.endswith(organisation), line
    assert "ngo@demo.partnera.org" in output and "admin@demo.partnera.org" in output
    assert f"Password for all demo logins: {DEMO_PASSWORD}" in output
    assert "Log in at http://127.0.0.1:8000/accounts/login/" in output


def test_quiet_prints_nothing():
    assert load(quiet=True) == ""


def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", quiet=True)
    assert not Network.objects.exists()
