"""`manage.py load_demo`: the five seed networks, their organisations and the demo logins.

The demo is loaded once for the module (the `demo` fixture in tests/conftest.py); each test's own writes
are rolled back after it. Tests of the command on an empty database are in test_load_demo_command.py.
"""

import datetime
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from advocacy.models import AddressedInstitution, AdvocacyOutput, OutputVersion, Recommendation, Submission
from advocacy.selectors import ledger_table, outputs_addressed_to
from config.demo import JOIN_DEMO, NETWORKS, STAFF_LOGIN
from config.demo.common import ENTRY_NOTE, OUTPUT_NOTE
from config.demo.loader import DEMO_PASSWORD
from members.models import Affiliation, Organisation, User
from network.models import (
    AgreementArea,
    AgreementParty,
    AgreementSignatory,
    Invitation,
    Membership,
    Network,
    NetworkObjective,
    NewsPost,
    PartnershipAgreement,
    Role,
)
from network.permissions import can_request_to_join, network_role
from portal import permissions
from portal.models import AuditEntry
from projects.models import (
    Activity,
    ActivityEntry,
    Component,
    FundingLink,
    Need,
    Objective,
    Project,
    ProjectPartner,
    Result,
    Site,
    TargetGroup,
)
from tests.config.demo import NETWORK_LOGINS, load

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


def row_counts():
    models = (
        Network, Organisation, Membership, User, Affiliation, Invitation, NetworkObjective, EmailAddress,
        PartnershipAgreement, AgreementParty, AgreementSignatory, AgreementArea, NewsPost,
        Project, ProjectPartner, FundingLink, Objective, Component, Activity, Result, Need, TargetGroup, Site,
        ActivityEntry, AdvocacyOutput, AddressedInstitution, Recommendation, OutputVersion, Submission,
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
        # 26 in networks, Demo Youth NGO, the two Slovenian institutions the project's official proposal is
        # addressed to (records the network typed in, without an admin) and the Armenian ministry.
        "Organisation": 30,
        "Membership": 26,
        "User": 20,  # 15 network logins, ministry@, donor@eu., ngo@, admin@ and the data steward (cannot log in)
        "Affiliation": 29,  # the donor login is the European Union's second person
        "Invitation": 21,  # every membership except the five founding coordinators'
        "NetworkObjective": 16,
        "EmailAddress": 20,  # one per account, the steward's too (it accepts the loader's invitations)
        # The Polish agreement and the news post about it.
        "PartnershipAgreement": 1,
        "AgreementParty": 3,
        "AgreementSignatory": 3,
        "AgreementArea": 7,
        "NewsPost": 1,
        # Armenia, Slovenia, ALLIANCE, Azerbaijan (the Polish document describes no project of its own).
        "Project": 4,
        # 5 + 11 + 4 (the Slovenian institutions are addressed, not partners; the EU funds PEP, ALLIANCE, Azerbaijan)
        "ProjectPartner": 20,
        "FundingLink": 5,  # EU → CCD; EU → Erasmus+; EU
        "Objective": 5,  # 1 + 3 + 1
        "Component": 8,  # 4 key activities; 3 pillars + horizontal measures
        "Activity": 15,  # 1.1–1.5, 2.1–2.4, 3.1–3.2, 4.1–4.4
        "Result": 10,  # 1 + 5 + 3 + 1 (PEP's: the recommendations package; Azerbaijan's: its first pillar)
        "Need": 8,
        "TargetGroup": 6,
        "Site": 7,
        "ActivityEntry": 56,  # PEP 6, Slovenia 6, Poland 4, ALLIANCE 12, Azerbaijan 28
        "AdvocacyOutput": 6,  # PEP's package; the Slovenian study and proposal; ALLIANCE's three deliverables
        "AddressedInstitution": 3,  # the package → the ministry; the proposal → MVI and the Office for Youth
        "Recommendation": 10,  # 7 + 3
        "OutputVersion": 6,  # each published once
        "Submission": 9,  # PEP: the letter, five at the meeting, one more letter; Slovenia: two letters
    }


def test_running_twice_creates_nothing_new(demo):
    before = row_counts()
    output = load()
    assert row_counts() == before
    assert (
        "created: 0 networks, 0 organisations, 0 memberships, 0 accounts, 0 agreements, 0 news posts, 0 projects, "
        "0 logos, 0 entries, 0 advocacy outputs)" in output
    )


def test_running_again_after_a_partial_load_adds_only_what_is_missing(demo):
    # A project with its entries and outputs, a news post, one Azerbaijani entry and the Armenian package with its
    # ledger deleted by hand come back; nothing else is duplicated.
    before = row_counts()
    with scopes_disabled():
        Submission.objects.filter(network__slug="pep", follows_up__isnull=False).delete()  # the follow-ups first
        Submission.objects.filter(network__slug="pep").delete()
        AdvocacyOutput.objects.filter(network__slug__in=["pep", "alliance"]).delete()
        ActivityEntry.objects.filter(project__slug="alliance").delete()
        Project.objects.get(slug="alliance").delete()
        NewsPost.objects.all().delete()
        ActivityEntry.objects.filter(network__slug="vet-for-the-future", activity__code="2.3").delete()
    output = load()
    assert row_counts() == before
    assert (
        "created: 0 networks, 0 organisations, 0 memberships, 0 accounts, 0 agreements, 1 news posts, 1 projects, "
        "0 logos, 13 entries, 4 advocacy outputs)" in output
    )


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
    assert pep.language == "en"  # its documents are in English, though Armenian is its first language
    assert "Commitment to Constructive Dialogue" in pep.description.original
    assert pep.founding_statement.original.startswith("- Highlighting the reforms and development issues")
    assert pep.founding_statement.original.endswith("create Partnership for Education Promotion Network.")
    with scope(network=pep):
        objectives = list(NetworkObjective.objects.filter(network=pep).values_list("text", flat=True))
    assert len(objectives) == 10
    assert objectives[0].original.startswith("Promote the role of CSOs in education")
    assert objectives[-1].original == "Develop recommendations package for VET reforms."
    assert all(o.original_language == "en" for o in objectives)

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
    assert slovenian.language == "sl"
    assert objective.text.original.startswith("Končni cilj je uveljavitev modela sodelovanja med šolami in NVO")
    assert objective.text.text("en").startswith("The ultimate goal is to establish a cooperation model")
    assert slovenian.description.original.startswith("Projekt se osredotoča")
    assert slovenian.description.text("en").startswith("The project focuses on")
    assert (slovenian.description.source("sl"), slovenian.description.source("en")) == ("original", "human")


def test_seed_projects_agreement_and_news_are_stored(demo):
    with scopes_disabled():
        alliance = Project.objects.get(network__slug="alliance", slug="alliance")
        assert (alliance.reference, alliance.budget_amount, alliance.budget_currency) == (
            "101183414",
            Decimal("399542.28"),
            "EUR",
        )
        assert (str(alliance.start_date), str(alliance.end_date), alliance.duration_months) == (
            "2025-01-01",
            "2027-12-31",
            36,
        )
        assert [c.code for c in alliance.countries] == ["SK", "GR", "DE"]
        assert alliance.partners.get(role="lead").organisation.name == "EVBB"
        assert alliance.partners.filter(role="partner").count() == 9

        azerbaijan = Project.objects.get(network__slug="vet-for-the-future")
        codes = list(azerbaijan.activities.order_by("component__position", "position").values_list("code", flat=True))
        assert codes == [
            "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4"
        ]  # fmt: skip
        assert azerbaijan.activities.get(code="1.4").title == (
            "Strengthening of career guidance services in selected VET providers"
        )
        assert sorted(azerbaijan.sites.values_list("city", flat=True)) == (
            ["Baku"] * 4 + ["Ganja", "Jalilabad", "Sheki"]
        )
        assert {(p.organisation.name, p.role) for p in azerbaijan.partners.all()} == {
            ("European Union", "funder"),
            ("United Nations Development Programme", "implementing"),
            ("State Agency on Vocational Education", "implementing"),
            ("Ministry of Science and Education of the Republic of Azerbaijan", "associated"),
        }

        pep = Project.objects.get(network__slug="pep")
        assert [(link.kind, link.name) for link in pep.funding_links.all()] == [
            ("funder", "European Union"),
            ("intermediary", "Commitment to Constructive Dialogue"),
        ]
        # One European Union: VET for the Future's funder is PEP's too (a partner the demo gives as that record,
        # config.demo.common.SHARED_ORGANISATIONS), and the chain's first link names it.
        eu = azerbaijan.partners.get(role="funder").organisation
        assert eu.name == "European Union"
        assert pep.partners.get(role="funder").organisation == eu
        assert pep.funding_links.first().organisation == eu

        slovenian = Project.objects.get(network__slug="karierna-vzgoja")
        assert slovenian.language == "sl" and slovenian.title.languages == ["sl", "en"]
        assert slovenian.summary.original.startswith("Projekt se osredotoča")
        assert slovenian.summary.text("en").startswith("The project focuses on")
        assert (slovenian.summary.source("sl"), slovenian.summary.source("en")) == ("original", "human")
        results = list(slovenian.results.all())
        assert len(results) == 5 and all(r.title.original and r.title.text("en") for r in results)
        components = list(slovenian.components.all())
        assert len(components) == 4 and all(c.title.languages == ["sl", "en"] for c in components)
        assert slovenian.objectives.get().text.text("en").startswith("The ultimate goal")

        agreement = PartnershipAgreement.objects.get(network__slug="podkarpackie")
        assert (str(agreement.signed_on), agreement.signed_in, str(agreement.valid_until)) == (
            "2020-12-08",
            "Rzeszów",
            "2022-06-30",
        )
        assert [(p.organisation.acronym or p.organisation.name, p.role) for p in agreement.parties.all()] == [
            ("IBE", "Lider Partnerstwa"),
            ("Kuratorium Oświaty w Rzeszowie", "Partner Wiodący"),
            ("Podkarpackie Centrum Mediacji", "Partner Biznesowy"),
        ]
        assert [s.name for s in agreement.signatories.all()] == [
            "Katarzyna Wielguszewska", "Małgorzata Rauch", "Wiesław Pałka"
        ]  # fmt: skip
        assert [a.number for a in agreement.areas.all()] == [1, 2, 3, 4, 5, 6, 7]
        assert agreement.language == "pl" and agreement.title.original_language == "pl"
        framework = agreement.framework.original
        assert "ZSK 4" in framework and "Programu Operacyjnego Wiedza Edukacja Rozwój" in framework
        post = NewsPost.objects.get(network__slug="podkarpackie")
        assert (str(post.published_on), post.agreement) == ("2020-12-15", agreement)
        assert post.language == "pl"
        assert "„Prowadzenie mediacji w oświacie”" in post.body.original


def test_invented_organisations_say_so(demo):
    for organisation in Organisation.objects.filter(name__startswith="Demo"):
        assert organisation.description.startswith("Demo data"), organisation.name


def test_pep_and_alliance_get_a_drawn_logo_through_the_upload_checks(demo, client):
    from config.demo.logos import acronym_logo

    with scopes_disabled():
        with_logo = sorted(Network.objects.exclude(logo="").values_list("slug", flat=True))
        pep = Network.objects.get(slug="pep")
        assert AuditEntry.objects.filter(network=pep, action="network.logo_changed").count() == 1
    assert with_logo == ["alliance", "pep"]
    assert acronym_logo("PEP", "#1f5f8b") == acronym_logo("PEP", "#1f5f8b")  # the same picture each load
    response = client.get(f"/networks/pep/logo/{pep.logo_key}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


# --- the activity log -----------------------------------------------------------------------------------


def _entries(slug):
    with scopes_disabled():
        return list(
            ActivityEntry.objects.filter(network__slug=slug)
            .select_related("project", "activity", "organisation", "created_by", "approved_by", "returned_by")
            .prefetch_related("partners", "target_groups")
        )


def test_every_network_has_entries_in_a_mix_of_statuses(demo):
    statuses = {}
    for slug in EXPECTED_NETWORKS:
        entries = _entries(slug)
        counts = {status: sum(e.status == status for e in entries) for status in ActivityEntry.Status.values}
        statuses[slug] = counts
        # Mostly approved, and at least one waiting for the coordinator in every network.
        assert counts["approved"] > len(entries) / 2 and counts["submitted"] >= 1, (slug, counts)
    assert statuses["vet-for-the-future"] == {"draft": 1, "submitted": 4, "approved": 22, "returned": 1}
    assert statuses["alliance"] == {"draft": 1, "submitted": 2, "approved": 8, "returned": 1}
    assert sum(counts["draft"] for counts in statuses.values()) == 4


def test_each_planned_activity_of_the_azerbaijani_project_has_approved_entries(demo):
    with scopes_disabled():
        project = Project.objects.get(network__slug="vet-for-the-future")
        codes = set(project.activities.values_list("code", flat=True))
    approved = [e for e in _entries("vet-for-the-future") if e.status == ActivityEntry.Status.APPROVED]
    assert {e.activity.code for e in approved} == codes and len(codes) == 15
    assert all(e.project == project for e in approved)
    # Pillar 1 (1.1–1.5) has the most.
    by_pillar = {pillar: sum(e.activity.code.startswith(pillar) for e in approved) for pillar in "1234"}
    assert by_pillar["1"] == max(by_pillar.values())
    # At the pilot schools, or at a named place.
    assert all(e.site_id or e.place for e in approved)
    assert sum(e.participants_total for e in approved) > 1000


def test_the_breakdowns_add_up_and_every_entry_is_valid(demo):
    for slug in EXPECTED_NETWORKS:
        for entry in _entries(slug):
            entry.full_clean()
            total = entry.participants_total
            assert sum(getattr(entry, f) for f in ActivityEntry.SEX_FIELDS) == total, entry
            assert sum(getattr(entry, f) for f in ActivityEntry.AGE_FIELDS) == total, entry
            assert entry.with_disabilities <= total, entry
    with_disabilities = [e for e in _entries("vet-for-the-future") if e.with_disabilities]
    assert len(with_disabilities) >= 3


def test_entries_say_they_are_illustrative(demo):
    for slug in EXPECTED_NETWORKS:
        for entry in _entries(slug):
            assert entry.description.text("en").startswith(ENTRY_NOTE), entry


def test_entries_are_logged_by_the_demo_logins_and_decided_by_the_coordinator(demo):
    for seed in NETWORKS:
        slug = seed["network"]["slug"]
        logins = {o["role"]: (o["login"]["email"], o["name"]) for o in seed["organisations"] if "login" in o}
        entries = _entries(slug)
        assert {(e.created_by.email, e.organisation.name) for e in entries} == {logins["coordinator"], logins["member"]}
        for entry in entries:
            if entry.status == ActivityEntry.Status.APPROVED:
                assert entry.approved_by.email == logins["coordinator"][0]
            if entry.status != ActivityEntry.Status.DRAFT:
                assert entry.submitted_by == entry.created_by
        # Every step through the services: its audit log.
        with scopes_disabled():
            actions = AuditEntry.objects.filter(network__slug=slug, action__startswith="entry.")
            counted = {action: actions.filter(action=f"entry.{action}").count() for action in ("created", "approved")}
        assert counted == {
            "created": len(entries),
            "approved": sum(e.status == ActivityEntry.Status.APPROVED for e in entries),
        }


def test_the_returned_entries_keep_their_reason(demo):
    returned = [e for slug in EXPECTED_NETWORKS for e in _entries(slug) if e.status == ActivityEntry.Status.RETURNED]
    assert len(returned) == 2
    for entry in returned:
        assert entry.returned_reason.startswith("Please ") and entry.returned_by is not None
        with scopes_disabled():
            logged = AuditEntry.objects.get(network=entry.network, action="entry.returned", object_id=entry.pk)
        assert logged.after["returned_reason"] == entry.returned_reason


def test_entries_name_the_project_partners_target_groups_and_places(demo):
    alliance = _entries("alliance")
    with scopes_disabled():
        project = Project.objects.get(slug="alliance")
        partners = set(project.partners.values_list("organisation__name", flat=True))
    assert all(e.project == project and e.activity is None for e in alliance)  # the document numbers no activity
    assert {o.name for e in alliance for o in e.partners.all()} <= partners
    reached = {str(t) for e in alliance for t in e.target_groups.all()}
    assert {"Mobilities Managers", "VET Teachers/Trainers and Staff", "VET Providers"} <= reached
    assert {e.country.code for e in alliance if e.country} >= {"AL", "XK"}
    # The partnership without a project logs network-level work.
    assert all(e.project is None for e in _entries("podkarpackie"))


def test_entries_are_multilingual_where_the_seed_is(demo):
    slovenian = _entries("karierna-vzgoja")
    assert all(e.language == "sl" and e.title.languages == ["sl", "en"] for e in slovenian)
    assert all(e.description.text("sl").startswith("Ponazoritveni vnos") for e in slovenian)
    polish = _entries("podkarpackie")
    assert all(e.language == "pl" and e.title.original_language == "pl" for e in polish)
    assert all(e.title.languages == ["en"] for e in _entries("vet-for-the-future"))


def test_the_alliance_project_page_shows_indicators_computed_from_the_log(demo, client):
    """The two illustrative indicators under "MOOC Platform" count the approved trainings by year: in 2025
    module 1 (18 people, 11 women) and the course's pilot run (64, 38); the 2026 training still waits for
    the coordinator, so 2026 and 2027 count none."""
    response = client.get(reverse("projects:detail", kwargs={"network_slug": "alliance", "project_slug": "alliance"}))
    html = response.content.decode()
    evidence = "/networks/alliance/activities/?project=alliance&amp;status=approved&amp;kind=training"
    for year, people, women in ((2025, 82, 49), (2026, 0, 0), (2027, 0, 0)):
        link = f'<a href="{evidence}&amp;from={year}-01-01&amp;to={year}-12-31"><strong>'
        assert html.count(link) == 2, year
        assert f"{link}{people}</strong>" in html and f"{link}{women}</strong>" in html, year
    assert "Illustrative: people trained on the ALLIANCE training course and its modules" in html


# --- advocacy outputs, the uptake ledger, the ministry's login ----------------------------------------------

ARMENIAN_MINISTRY = "Ministry of Education, Science, Culture and Sports of the Republic of Armenia"


def _outputs(slug):
    with scopes_disabled():
        return {
            output.title.original: output
            for output in AdvocacyOutput.objects.filter(network__slug=slug).select_related("project", "result")
        }


def test_the_armenian_package_its_recommendations_and_its_ledger(demo):
    (package,) = _outputs("pep").values()
    assert (package.kind, package.status, package.visibility, package.version) == (
        "recommendation_package", "published", "restricted", 1
    )  # fmt: skip
    assert package.title.original == "Recommendations package for VET reforms"
    assert package.title.source("hy") == "human"  # the Armenian title is a translation
    assert (package.project.slug, package.result.title.original) == (
        "social-partnership-and-education", "Recommendations package for VET reforms"
    )  # fmt: skip
    ministry = Organisation.objects.get(name=ARMENIAN_MINISTRY)
    assert (ministry.kind, ministry.country.code, ministry.description.startswith("Demo data")) == (
        "ministry",
        "AM",
        True,
    )
    with scopes_disabled():
        assert [a.organisation for a in AddressedInstitution.objects.filter(output=package)] == [ministry]
        recommendations = list(Recommendation.objects.filter(output=package).order_by("position"))
        assert [r.position for r in recommendations] == [1, 2, 3, 4, 5, 6, 7]
        for recommendation in recommendations:
            assert recommendation.institution == ministry
            assert recommendation.text.text("en").startswith(OUTPUT_NOTE), recommendation
            assert recommendation.text.source("hy") == "human", recommendation
        assert package.versions.get().recommendations[0]["text"]["en"]["text"].startswith(OUTPUT_NOTE)
        ledger = ledger_table(package.network, today=datetime.date(2026, 12, 1))
    by_position = {row.recommendation.position if row.recommendation else None: row for row in ledger.rows}
    assert {position: row.outcome for position, row in by_position.items()} == {
        None: "acknowledged",  # the letter with the whole package
        1: "partly_adopted", 2: "adopted", 3: "under_consideration", 4: "", 5: "rejected", 6: "adopted",
        7: None,  # not submitted yet
    }  # fmt: skip
    assert [position for position, row in by_position.items() if row.overdue] == [4]
    assert {row.latest.channel for row in ledger.rows if row.latest and row.recommendation} == {"meeting", "letter"}
    assert all(
        s.response_text.original.startswith(OUTPUT_NOTE) for row in ledger.rows for s in row.submissions if s.outcome
    )


def test_the_ministry_login_finds_the_package_addressed_to_it(demo, client):
    (package,) = _outputs("pep").values()
    assert client.login(email="ministry@demo.partnera.org", password=DEMO_PASSWORD)
    user = User.objects.get(email="ministry@demo.partnera.org")
    assert user.is_active and not user.is_staff
    assert EmailAddress.objects.get(user=user).verified
    assert Affiliation.objects.get(user=user, is_admin=True).organisation.name == ARMENIAN_MINISTRY
    assert all(network_role(user, network) is None for network in Network.objects.all())
    # The grant on the restricted package, and the "documents addressed to us" list holds it alone.
    assert user.has_perm("advocacy.view_advocacyoutput", package)
    assert permissions.check("view_output", user, package)
    assert [output.pk for output in outputs_addressed_to(user)] == [package.pk]
    # Nobody else outside the network reads it.
    ngo_admin = User.objects.get(email=JOIN_DEMO["login"]["email"])
    assert not permissions.check("view_output", ngo_admin, package)


def test_load_demo_prints_the_ministry_login(demo):
    line = next(line for line in load().splitlines() if line.startswith("ministry@demo.partnera.org"))
    assert "institution staff" in line and ARMENIAN_MINISTRY in line


def test_the_slovenian_study_and_proposal_address_the_ministry_and_the_office_not_as_partners(demo):
    outputs = _outputs("karierna-vzgoja")
    study = outputs['Raziskava o "diskriminatornih" oz. slabih praksah']
    proposal = outputs["Uradni predlog za MVI in urad za mladino"]
    assert (study.kind, proposal.kind) == ("study_or_survey", "policy_proposal")
    for output in (study, proposal):
        assert (output.status, output.visibility, output.language, output.project.slug) == (
            "published", "public", "sl", "model-sodelovanja"
        )  # fmt: skip
        assert output.title.text("en") and output.title.source("en") == "human"
    assert proposal.result.title.original.startswith("Uradni predlog za MVI in urad za mladino")
    mvi = Organisation.objects.get(name="Ministrstvo za vzgojo in izobraževanje")
    office = Organisation.objects.get(name="Urad za mladino")
    network = Network.objects.get(slug="karierna-vzgoja")
    assert (mvi.acronym, mvi.kind, mvi.country.code) == ("MVI", "ministry", "SI")
    assert (office.kind, office.country.code) == ("government_agency", "SI")
    # Records the network typed in (nobody administers them), with the notes on what they are.
    for institution in (mvi, office):
        assert institution.created_in_network_id == network.pk
        assert not Affiliation.objects.filter(organisation=institution).exists()
        assert "Addressee of the official proposal" in institution.description
    with scopes_disabled():
        assert {a.organisation for a in AddressedInstitution.objects.filter(output=proposal)} == {mvi, office}
        assert not ProjectPartner.objects.filter(organisation__in=[mvi, office]).exists()
        assert {s.institution for s in Submission.objects.filter(output=proposal)} == {mvi, office}
        assert not AddressedInstitution.objects.filter(output=study).exists()
    assert "Ministry of Education (MVI) and the Office for Youth" in proposal.summary.text("en")


def test_the_alliance_guidebook_methodology_and_training_course(demo):
    outputs = _outputs("alliance")
    assert {title: output.kind for title, output in outputs.items()} == {
        "Guidebook for Set-Up and Operation of the International Offices": "guidebook",
        "Comprehensive Methodology for Project Management, R&D, and International Networking & Cooperation":
            "methodology",
        "ALLIANCE Training Course": "training_course",
    }  # fmt: skip
    for output in outputs.values():
        assert (output.status, output.visibility, output.project.slug) == ("published", "public", "alliance")
        assert [a.name for a in output.authors.all()] == ["EVBB"]
    results = {output.kind: output.result.title.original for output in outputs.values()}
    assert results["training_course"] == "MOOC Platform"
    assert results["guidebook"] == "Guidebook for Set-Up and Operation of the International Offices"
    assert outputs["ALLIANCE Training Course"].summary.original.startswith("The training course will be embedded")


def test_the_pep_project_page_shows_the_indicator_computed_from_the_ledger(demo, client):
    """The package's recommendations 2 and 6 are adopted (1 only partly): 2, over the whole record (the project
    has no dates)."""
    response = client.get(
        reverse("projects:detail", kwargs={"network_slug": "pep", "project_slug": "social-partnership-and-education"})
    )
    html = response.content.decode()
    assert "Illustrative: recommendations of the package adopted by the Ministry" in html
    assert "From the uptake ledger: recommendations of the project&#x27;s outputs adopted" in html
    assert "to date:\n  <strong>2</strong>" in html
