"""projects.services: who may write, what is refused (with the field it concerns), how activities are
numbered, and importing a whole project from a dict."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from members.models import Affiliation, Organisation
from portal.inputs import UnknownInput
from projects.models import (
    Activity,
    Component,
    FundingLink,
    IatiOrganisationRole,
    IndicatorValue,
    Objective,
    PartnerRole,
    Project,
    ProjectPartner,
    Site,
)
from projects.services.imports import project_import
from projects.services.items import project_item_add, project_item_move, project_item_remove, project_item_update
from projects.services.projects import project_create, project_update
from tests.factories import ActivityFactory, ComponentFactory, MembershipFactory, OrganisationFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]

ALLIANCE = {
    "title": "Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation",
    "acronym": "ALLIANCE",
    "programme": "Capacity Building in VET",
    "reference": "101183414",
    "start_date": "2025-01-01",
    "end_date": "2027-12-31",
    "budget_amount": "399542.28",
    "budget_currency": "EUR",
    "countries": ["SK", "GR", "DE"],
}


def codes(project):
    return list(Activity.objects.filter(project=project).order_by("component__position", "position").values_list(
        "code", "title"
    ))  # fmt: skip


def add(project, item_kind, user, parent=None, /, **data):
    return project_item_add(project=project, kind=item_kind, data=data, acting_user=user, parent=parent)


# --- project facts ---------------------------------------------------------------------------------------


def test_a_coordinator_creates_a_project_with_a_derived_address_and_duration(network, coordinator):
    project = project_create(network=network, data=ALLIANCE, acting_user=coordinator)

    assert project.slug == "alliance"
    assert project.budget_amount == Decimal("399542.28") and project.budget_currency == "EUR"
    assert project.duration_months == 36
    assert [c.code for c in project.countries] == ["SK", "GR", "DE"]
    assert project.history.count() == 1


def test_members_may_not_create_or_edit_projects(network, member, project):
    with pytest.raises(PermissionDenied):
        project_create(network=network, data=ALLIANCE, acting_user=member)
    with pytest.raises(PermissionDenied):
        project_update(project=project, data={"title": "Renamed"}, acting_user=member)
    with pytest.raises(PermissionDenied):
        add(project, "need", member, text="A need")


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"start_date": "2027-01-01", "end_date": "2025-12-31"}, "end_date", "cannot end before it starts"),
        ({"budget_amount": "-1"}, "budget_amount", "cannot be negative"),
        ({"budget_currency": "EURO"}, "budget_currency", "not an ISO 4217 currency code"),
        ({"budget_currency": "XYZ"}, "budget_currency", "not an ISO 4217 currency code"),
        ({"budget_currency": ""}, "budget_currency", "Give the currency"),
        ({"language": "en", "title": {"sl": "Naslov"}}, "title", "Give the text in English, the original"),
        ({"summary": {"en": "Summary", "xx": "?"}}, "summary", "“xx” is not a language code"),
        ({"summary": {"sl": "Povzetek"}}, "summary", "A translation needs the original text too (in English)"),
        ({"title": {"en": "T" * 301}}, "title", "The English text has 301 characters; at most 300 fit."),
        ({"title": {"en": "Title", "sl": ["not", "text"]}}, "title", "The Slovenian text must be text."),
    ],
)
def test_bad_project_input_is_refused_on_its_field_and_nothing_is_saved(network, coordinator, change, field, words):
    with pytest.raises(ValidationError) as caught:
        project_create(network=network, data={**ALLIANCE, **change}, acting_user=coordinator)

    assert field in caught.value.message_dict
    assert words in " ".join(caught.value.message_dict[field])
    assert not Project.objects.filter(network=network).exists()


def test_a_currency_in_small_letters_is_accepted_as_its_code(network, coordinator):
    project = project_create(network=network, data={**ALLIANCE, "budget_currency": " azn "}, acting_user=coordinator)
    assert project.budget_currency == "AZN"


def test_addresses_are_unique_in_the_network_and_never_a_reserved_word(network, coordinator):
    first = project_create(network=network, data=ALLIANCE, acting_user=coordinator)
    second = project_create(network=network, data=ALLIANCE, acting_user=coordinator)
    new = project_create(network=network, data={"title": "New"}, acting_user=coordinator)
    assert (first.slug, second.slug, new.slug) == ("alliance", "alliance-2", "new-2")
    with pytest.raises(ValidationError) as caught:
        project_create(network=network, data={**ALLIANCE, "slug": "alliance"}, acting_user=coordinator)
    assert "already exists" in caught.value.message_dict["slug"][0]


def test_update_keeps_the_address_and_records_history(project, coordinator):
    # The address is not a field project_update takes: naming it is refused, not quietly skipped.
    with pytest.raises(UnknownInput, match="'slug'"):
        project_update(
            project=project, data={"title": "VET for the Future II", "slug": "other", "status": "closed"},
            acting_user=coordinator,
        )  # fmt: skip
    project.refresh_from_db()
    assert (project.title, project.slug, project.history.count()) == ("VET for the Future", "vet4f", 1)

    project_update(
        project=project, data={"title": "VET for the Future II", "status": "closed"}, acting_user=coordinator
    )
    project.refresh_from_db()
    assert (project.title, project.slug, project.status) == ("VET for the Future II", "vet4f", "closed")
    assert project.history.count() == 2


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2025, 1, 1), date(2027, 12, 31), 36),
        (date(2025, 1, 15), date(2025, 2, 14), 1),
        (date(2024, 3, 1), date(2025, 8, 31), 18),
        (date(2025, 1, 31), date(2025, 2, 27), 1),
        (date(2025, 1, 1), date(2025, 1, 10), 0),
        (date(2024, 1, 31), date(2024, 2, 28), 1),  # the month after 31 January ends with February
        (date(2025, 1, 1), date(2025, 1, 15), 1),  # 15 days round up
        (date(2025, 1, 1), date(2025, 1, 14), 0),
    ],
)
def test_duration_in_months_counts_both_ends(start, end, months):
    assert Project(start_date=start, end_date=end).duration_months == months


def test_every_partner_role_maps_to_an_iati_organisation_role():
    assert {role: role.iati_role for role in PartnerRole} == {
        PartnerRole.LEAD: IatiOrganisationRole.ACCOUNTABLE,
        PartnerRole.PARTNER: IatiOrganisationRole.IMPLEMENTING,
        PartnerRole.FUNDER: IatiOrganisationRole.FUNDING,
        PartnerRole.EXTENDING: IatiOrganisationRole.EXTENDING,
        PartnerRole.IMPLEMENTING: IatiOrganisationRole.IMPLEMENTING,
        PartnerRole.ASSOCIATED: IatiOrganisationRole.IMPLEMENTING,
        PartnerRole.BENEFICIARY: IatiOrganisationRole.IMPLEMENTING,
    }
    assert {r.value for r in IatiOrganisationRole} == {1, 2, 3, 4}


# --- activity numbering --------------------------------------------------------------------------------------


def test_activities_are_numbered_by_component_and_position(project, coordinator):
    pillar1 = add(project, "component", coordinator, kind="pillar", title="Introduction of innovations")
    pillar2 = add(project, "component", coordinator, kind="pillar", title="Infrastructure and equipment")
    add(project, "activity", coordinator, pillar1, title="Institutional capacity")
    add(project, "activity", coordinator, pillar2, title="Procurement")
    add(project, "activity", coordinator, pillar1, title="Innovative VET services", code="1.2")

    assert (pillar1.position, pillar2.position) == (1, 2)
    assert codes(project) == [
        ("1.1", "Institutional capacity"), ("1.2", "Innovative VET services"), ("2.1", "Procurement"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1.1", "Activity 1.1 already exists in this project. Leave the number empty to add this one as 1.3"),
        ("2.3", "Activities of Pillar 1 are numbered 1.1, 1.2… The next is 1.3."),
        ("1.7", "The next number in Pillar 1 is 1.3"),
    ],
)
def test_a_typed_number_that_is_not_the_next_one_is_refused_on_the_number_field(project, coordinator, typed, words):
    pillar = ComponentFactory(project=project, position=1, kind="pillar")
    ActivityFactory(component=pillar, position=1)
    ActivityFactory(component=pillar, position=2)

    with pytest.raises(ValidationError) as caught:
        add(project, "activity", coordinator, pillar, title="Career guidance", code=typed)

    assert list(caught.value.message_dict) == ["code"]
    assert words in caught.value.message_dict["code"][0]
    assert Activity.objects.filter(project=project).count() == 2


def test_moving_activities_and_components_renumbers_every_code(project, coordinator):
    p1 = add(project, "component", coordinator, title="One")
    p2 = add(project, "component", coordinator, title="Two")
    a, b = (add(project, "activity", coordinator, p1, title=t) for t in ("A", "B"))
    add(project, "activity", coordinator, p2, title="C")

    project_item_move(item=b, direction="up", acting_user=coordinator)  # 1.1 ↔ 1.2, unique per row
    assert codes(project) == [("1.1", "B"), ("1.2", "A"), ("2.1", "C")]

    project_item_move(item=p1, direction="down", acting_user=coordinator)
    assert codes(project) == [("1.1", "C"), ("2.1", "B"), ("2.2", "A")]

    project_item_move(item=Component.objects.get(pk=p1.pk), direction="up", acting_user=coordinator)
    assert codes(project) == [("1.1", "B"), ("1.2", "A"), ("2.1", "C")]

    project_item_move(item=a, direction="down", acting_user=coordinator)  # already last: nothing moves
    assert codes(project) == [("1.1", "B"), ("1.2", "A"), ("2.1", "C")]


def test_removing_rows_closes_the_gaps(project, coordinator):
    p1 = add(project, "component", coordinator, title="One")
    p2 = add(project, "component", coordinator, title="Two")
    a, b, c = (add(project, "activity", coordinator, p1, title=t) for t in ("A", "B", "C"))
    add(project, "activity", coordinator, p2, title="D")

    project_item_remove(item=b, acting_user=coordinator)
    assert codes(project) == [("1.1", "A"), ("1.2", "C"), ("2.1", "D")]

    project_item_remove(item=p1, acting_user=coordinator)
    assert codes(project) == [("1.1", "D")]
    assert list(Component.objects.filter(project=project).values_list("position", flat=True)) == [1]


def test_an_activity_moved_to_another_component_is_numbered_last_there(project, coordinator):
    p1 = add(project, "component", coordinator, title="One")
    p2 = add(project, "component", coordinator, title="Two")
    a, b = (add(project, "activity", coordinator, p1, title=t) for t in ("A", "B"))
    add(project, "activity", coordinator, p2, title="C")

    project_item_update(item=a, data={"component": p2, "title": "A moved"}, acting_user=coordinator)

    assert codes(project) == [("1.1", "B"), ("2.1", "C"), ("2.2", "A moved")]


def test_a_component_of_another_project_is_refused(project, coordinator):
    other = ComponentFactory(project=ProjectFactory(network=project.network))
    with pytest.raises(ValueError, match="another project"):
        add(project, "activity", coordinator, other, title="Smuggled")


# --- partners, funding, indicators ----------------------------------------------------------------------------


def test_partners_are_found_by_name_or_acronym_and_new_ones_get_no_admin(project, coordinator):
    undp = Organisation.objects.get(acronym="UNDP")
    by_name = add(project, "partner", coordinator, organisation_name="united nations development programme",
                  role="lead")  # fmt: skip
    by_acronym = add(project, "partner", coordinator, organisation_name="UNDP", role="implementing")
    details = {"kind": "donor", "country": "", "website": "https://european-union.europa.eu"}
    eu = add(project, "partner", coordinator, organisation_name="European Union", role="funder",
             organisation_details=details)  # fmt: skip

    assert by_name.organisation == by_acronym.organisation == undp
    assert (eu.organisation.name, eu.organisation.kind) == ("European Union", "donor")
    assert eu.iati_role == IatiOrganisationRole.FUNDING
    assert not Affiliation.objects.filter(organisation=eu.organisation).exists()  # nobody may edit the EU's profile


def test_the_same_organisation_in_the_same_role_twice_is_refused_on_the_organisation_field(project, coordinator):
    add(project, "partner", coordinator, organisation_name="UNDP", role="lead")
    with pytest.raises(ValidationError) as caught:
        add(project, "partner", coordinator, organisation_name="UNDP", role="lead")
    assert "already in this project as Lead partner" in caught.value.message_dict["organisation_name"][0]


def test_a_new_partner_with_a_bad_country_is_refused_on_that_field_and_no_organisation_is_made(project, coordinator):
    before = Organisation.objects.count()
    with pytest.raises(ValidationError) as caught:
        add(project, "partner", coordinator, organisation_name="Nowhere NGO", role="partner",
            organisation_details={"country": "ZZ"})  # fmt: skip
    assert list(caught.value.message_dict) == ["organisation_country"]
    assert Organisation.objects.count() == before


def test_a_partner_whose_role_changes_goes_last_in_the_new_role(project, coordinator):
    first, second = (
        add(project, "partner", coordinator, organisation_name=n, role="partner") for n in ("AKMI", "KPT SHPK")
    )
    add(project, "partner", coordinator, organisation_name="EVBB", role="lead")

    project_item_update(item=first, data={"role": "lead"}, acting_user=coordinator)

    rows = ProjectPartner.objects.filter(project=project).order_by("role", "position")
    assert [(p.role, p.position, p.organisation.name) for p in rows] == [
        ("lead", 1, "EVBB"), ("lead", 2, "AKMI"), ("partner", 1, "KPT SHPK"),
    ]  # fmt: skip


def test_funding_links_and_sites_link_organisations_the_network_knows(project, coordinator):
    MembershipFactory(network=project.network, organisation=OrganisationFactory(name="European Union", acronym="EU"))
    OrganisationFactory(name="Commitment to Constructive Dialogue")  # on Partnera, but unknown to this network
    eu = add(project, "funding", coordinator, kind="funder", name="European Union")
    ccd = add(project, "funding", coordinator, kind="intermediary", name="Commitment to Constructive Dialogue")
    site = add(project, "site", coordinator, name="Ganja State Vocational School", city="Ganja", country="AZ")

    assert eu.organisation.name == "European Union" and ccd.organisation is None and site.organisation is None
    assert [f.position for f in FundingLink.objects.filter(project=project)] == [1, 2]
    assert Site.objects.get().country.code == "AZ"


def test_indicator_values_need_a_sound_and_unique_period(project, coordinator):
    result = add(project, "result", coordinator, level="outcome", title="Better career guidance")
    indicator = add(project, "indicator", coordinator, result, name="Schools with a career office",
                    unit="schools", baseline="0", target="7")  # fmt: skip
    add(project, "value", coordinator, indicator, period_start="2025-01-01", period_end="2025-12-31", value="3")

    with pytest.raises(ValidationError) as caught:
        add(project, "value", coordinator, indicator, period_start="2026-01-01", period_end="2025-12-31", value="1")
    assert "cannot end before it starts" in caught.value.message_dict["period_end"][0]
    with pytest.raises(ValidationError) as caught:
        add(project, "value", coordinator, indicator, period_start="2025-01-01", period_end="2025-12-31", value="4")
    assert "already a value" in caught.value.message_dict["period_start"][0]


def test_the_database_keeps_one_value_per_period_and_the_service_says_so_on_the_field(project, coordinator):
    result = add(project, "result", coordinator, level="outcome", title="Better career guidance")
    indicator = add(project, "indicator", coordinator, result, name="Schools with a career office")
    kept = add(project, "value", coordinator, indicator, period_start="2025-01-01", period_end="2025-12-31", value="3")
    other = add(project, "value", coordinator, indicator, period_start="2026-01-01", period_end="2026-12-31", value="5")

    with pytest.raises(IntegrityError), transaction.atomic():  # the constraint itself, under any service
        IndicatorValue.objects.create(
            project=project, network=project.network, indicator=indicator,
            period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), value=9,
        )  # fmt: skip
    # Moving another value onto a taken period: refused on the field, and nothing of it is saved.
    with pytest.raises(ValidationError) as caught:
        project_item_update(
            item=other, data={"period_start": "2025-01-01", "period_end": "2025-12-31", "value": "7"},
            acting_user=coordinator,
        )  # fmt: skip
    assert caught.value.message_dict == {"period_start": ["There is already a value for this period."]}
    other.refresh_from_db()
    assert (other.period_start, other.value) == (date(2026, 1, 1), Decimal("5"))
    assert list(IndicatorValue.objects.filter(indicator=indicator).values_list("pk", flat=True)) == [kept.pk, other.pk]


def test_objectives_are_numbered_within_their_kind(project, coordinator):
    add(project, "objective", coordinator, kind="specific", text="First specific")
    add(project, "objective", coordinator, kind="overall", text="The overall one")
    add(project, "objective", coordinator, kind="specific", text="Second specific")
    assert list(Objective.objects.filter(project=project).values_list("kind", "position", "text")) == [
        ("overall", 1, "The overall one"), ("specific", 1, "First specific"), ("specific", 2, "Second specific"),
    ]  # fmt: skip


def test_a_row_cannot_be_moved_sideways(project, coordinator):
    need = add(project, "need", coordinator, text="A need")
    with pytest.raises(ValidationError):
        project_item_move(item=need, direction="left", acting_user=coordinator)


# --- a whole project from a dict ---------------------------------------------------------------------------

VET_FOR_THE_FUTURE = {
    "title": "VET for the Future: development of VET providers’ excellence in Azerbaijan",
    "countries": ["AZ"],
    "status": "active",
    "summary": "The project … is intended to support the modernisation of VET institutions in Azerbaijan.",
    "funding_chain": [{"kind": "funder", "name": "European Union"}],
    "partners": [
        {"organisation": "UNDP", "role": "lead"},
        {"organisation": "UNDP", "role": "implementing"},
        {
            "organisation": "State Agency on Vocational Education",
            "role": "implementing",
            "organisation_details": {"kind": "government_agency", "country": "AZ"},
        },
        {"organisation": "European Union", "role": "funder", "organisation_details": {"kind": "donor"}},
    ],  # fmt: skip
    "objectives": {
        "overall": [
            "The project’s main goal is to support the Government of Azerbaijan in strengthening the "
            "quality of the VET system."
        ],
    },  # fmt: skip
    "components": [
        {
            "kind": "pillar",
            "title": "Introduction of innovations in the target group of selected VET providers",
            "activities": [
                {"code": "1.1", "title": "Improvement of institutional & human resource capacity"},
                {"code": "1.2", "title": "Introduction of innovative VET services into selected VET providers"},
            ],
        },
        {
            "kind": "pillar",
            "title": "Infrastructure and equipment modernisation in selected VET providers",
            "activities": ["Procurement of infrastructure, equipment and supplies"],
        },
        {
            "kind": "component",
            "title": "Horizontal measures to support system delivery",
            "activities": [{"code": "3.1", "title": "Support of the Communication Department"}],
        },
    ],  # fmt: skip
    "results": [
        {
            "level": "output",
            "title": "Seven pilot VET schools modernised",
            "indicators": [
                {
                    "name": "Pilot schools with new equipment",
                    "unit": "schools",
                    "baseline": "0",
                    "target": "7",
                    "values": [{"period_start": "2024-01-01", "period_end": "2024-12-31", "value": "4"}],
                },
            ],
        },
    ],  # fmt: skip
    "needs": ["Better labour-market relevance of VET"],
    "target_groups": ["VET providers", {"name": "Young people"}],
    "sites": [{"name": f"Pilot VET school {i}", "city": "Baku", "country": "AZ"} for i in (1, 2, 3, 4)]
    + [{"name": f"Pilot VET centre in {c}", "city": c, "country": "AZ"} for c in ("Ganja", "Jalilabad", "Sheki")],
}


def test_import_builds_the_whole_project(network, coordinator, member):
    organisations_before = Organisation.objects.count()

    project = project_import(network=network, data=VET_FOR_THE_FUTURE, acting_user=coordinator)

    assert codes(project) == [
        ("1.1", "Improvement of institutional & human resource capacity"),
        ("1.2", "Introduction of innovative VET services into selected VET providers"),
        ("2.1", "Procurement of infrastructure, equipment and supplies"),
        ("3.1", "Support of the Communication Department"),
    ]
    partners = ProjectPartner.objects.filter(project=project).select_related("organisation")
    assert sorted((p.organisation.acronym or p.organisation.name, p.role) for p in partners) == [
        ("European Union", "funder"), ("State Agency on Vocational Education", "implementing"),
        ("UNDP", "implementing"), ("UNDP", "lead"),
    ]  # fmt: skip
    assert Organisation.objects.count() == organisations_before + 1  # the EU; the State Agency is the member
    assert project.sites.count() == 7 and project.needs.count() == 1 and project.target_groups.count() == 2
    indicator = project.indicators.get()
    assert (indicator.target, indicator.values.get().value) == (Decimal("7"), Decimal("4"))
    assert project.funding_links.get().organisation.name == "European Union"


def test_import_keeps_both_languages(network, coordinator):
    project = project_import(
        network=network,
        acting_user=coordinator,
        data={
            "title": {"sl": "Sistemska spregledanost NVO v izobraževanju",
                      "en": "Systemic neglect of CSOs in education"},
            "language": "sl",
            "summary": {
                "sl": "Projekt se osredotoča na prepoznavanje in odpravljanje sistemske spregledanosti NVO.",
                "en": {"text": "The project focuses on identifying and addressing the systemic neglect of CSOs.",
                       "source": "machine"},
            },
            "results": [{"level": "outcome",
                         "title": {"sl": "Večje razumevanje in priznanje vloge NVO v karierni vzgoji.",
                                   "en": "Increased understanding and recognition by schools of the role of "
                                         "CSOs in career guidance."}}],
        },
    )  # fmt: skip
    project.refresh_from_db()
    result = project.results.get()
    assert project.language == "sl" and project.title.languages == ["sl", "en"]
    assert project.title.text("en") == "Systemic neglect of CSOs in education"
    assert (project.summary.source("sl"), project.summary.source("en")) == ("original", "machine")
    assert result.title.original.startswith("Večje") and result.title.text("en").startswith("Increased")
    assert result.title.original_language == "sl"  # a row's original is in its project's language


def test_import_reports_every_bad_row_by_its_place_and_saves_nothing(network, coordinator):
    data = {
        **VET_FOR_THE_FUTURE,
        "components": [
            {"title": "Pillar one", "activities": [{"code": "1.1", "title": "A"}, {"code": "1.1", "title": "B"}]},
            {"title": "", "activities": ["Lost with its component"]},
        ],
        "partners": [{"organisation": "UNDP", "role": "sponsor"}],
        "sites": [{"name": "Somewhere", "country": "ZZ"}],
    }
    organisations_before = Organisation.objects.count()

    with pytest.raises(ValidationError) as caught:
        project_import(network=network, data=data, acting_user=coordinator)

    errors = caught.value.message_dict
    assert set(errors) == {
        "components[0].activities[1].code", "components[1].title", "partners[0].role", "sites[0].country",
    }  # fmt: skip
    assert "Activity 1.1 already exists" in errors["components[0].activities[1].code"][0]
    with scopes_disabled():
        assert not Project.objects.exists() and not Activity.objects.exists()
    assert Organisation.objects.count() == organisations_before


def test_import_refuses_bad_project_fields_first(network, coordinator):
    with pytest.raises(ValidationError) as caught:
        project_import(
            network=network, data={**VET_FOR_THE_FUTURE, "budget_amount": "-5", "budget_currency": "EUR"},
            acting_user=coordinator,
        )  # fmt: skip
    assert list(caught.value.message_dict) == ["budget_amount"]


def test_only_coordinators_import(network, member):
    with pytest.raises(PermissionDenied):
        project_import(network=network, data=VET_FOR_THE_FUTURE, acting_user=member)


def test_malformed_values_from_an_import_are_field_errors_not_crashes(network, coordinator, project):
    with pytest.raises(ValidationError) as caught:
        project_import(
            network=network, data={"title": "X", "start_date": "2025-13-01", "end_date": "2026-01-01"},
            acting_user=coordinator,
        )  # fmt: skip
    assert list(caught.value.message_dict) == ["start_date"]
    result = add(project, "result", coordinator, title="R")
    indicator = add(project, "indicator", coordinator, result, name="I")
    with pytest.raises(ValidationError) as caught:
        add(project, "value", coordinator, indicator, period_start="soon", period_end="2025-12-31", value="x")
    assert set(caught.value.message_dict) == {"period_start", "value"}
