"""Partnership agreements: services, the expiry reminders, forms, pages, permissions and query counts."""

import datetime
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from network import tasks
from network.forms import AgreementForm, AgreementPartyFormSet
from network.models import (
    AgreementArea,
    AgreementParty,
    AgreementSignatory,
    ContentVisibility,
    Network,
    PartnershipAgreement,
    Role,
)
from network.services.agreements import (
    agreement_create,
    agreement_delete,
    agreement_import,
    agreement_update,
)
from tests.factories import (
    AffiliationFactory,
    AgreementFactory,
    AgreementPartyFactory,
    NetworkFactory,
    NewsPostFactory,
    OrganisationFactory,
    person_in,
)
from tests.pages import network_url, query_count

pytestmark = pytest.mark.django_db

# The partnership of seed 002, as the demo loader would import it.
AREAS = [
    "upowszechnianie idei uczenia się przez całe życie – Lifelong Learning (LLL) i rozwiązań Zintegrowanego "
    "Systemu Kwalifikacji (ZSK) poprzez organizowanie wydarzeń, konferencji, seminariów, prelekcji,",
    "inicjowanie, konsultowanie i wspieranie procesu opisu oraz włączania kwalifikacji rynkowych,",
    "prowadzenie działań stymulujących przyrost liczby kwalifikacji rynkowych oraz zwiększenie liczby "
    "Instytucji Certyfikujących w regionie,",
    "sieciowanie i wymiana doświadczeń z podmiotami działającymi w sferze edukacji oraz rynku pracy, w "
    "szczególności w zakresie tematyki dotyczącej podnoszenia kompetencji i zdobywania kwalifikacji,",
    "pilotaż modelowych rozwiązań systemowych na rzecz uczenia się przez całe życie poprzez wdrożenie "
    "rozwiązań ZSK na poziomie regionalnym i lokalnym,",
    "prowadzenie badań i analiz regionalnych w zakresie zapotrzebowania na kwalifikacje,",
    "sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi.",
]
FRAMEWORK = (
    "Wsparcie rozwoju ZSK w szczególności na poziomie regionalnym poprzez wdrażanie rozwiązań i inicjatyw "
    "skierowanych do użytkowników końcowych systemu – ZSK 4 (Program Operacyjny Wiedza Edukacja Rozwój)"
)


@pytest.fixture
def network():
    return NetworkFactory(name="Podkarpackie partnerstwo", slug="podkarpackie")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Instytut Badań Edukacyjnych", acronym="IBE")


@pytest.fixture
def member(network):
    return person_in(network, Role.MEMBER, name="Kuratorium Oświaty w Rzeszowie", acronym="")


@pytest.fixture
def observer(network):
    return person_in(network, Role.OBSERVER, name="Podkarpackie Centrum Mediacji", acronym="")


@pytest.fixture
def outsider():
    return AffiliationFactory().user


def _org(user):
    return user.affiliations.get().organisation


def polish_agreement(**overrides):
    data = {
        "title": "Porozumienie o partnerstwie na rzecz uczenia się przez całe życie",
        "purpose": "Upowszechnianie i wdrażanie Zintegrowanego Systemu Kwalifikacji.",
        "framework": FRAMEWORK,
        "signed_on": "2020-12-08",
        "signed_in": "Rzeszów",
        "valid_until": datetime.date(2022, 6, 30),
        "parties": [
            {"organisation": "Instytut Badań Edukacyjnych", "role": "Lider Partnerstwa"},
            {"organisation": "Kuratorium Oświaty w Rzeszowie", "role": "Partner Wiodący"},
            {"organisation": "Podkarpackie Centrum Mediacji", "role": "Partner Biznesowy"},
        ],
        "signatories": [
            {"name": "Katarzyna Wielguszewska", "title": "", "organisation": "IBE"},
            {
                "name": "Małgorzata Rauch",
                "title": "Podkarpacki Kurator Oświaty",
                "organisation": "Kuratorium Oświaty w Rzeszowie",
            },
            {"name": "Wiesław Pałka", "title": "Prezes", "organisation": "Podkarpackie Centrum Mediacji"},
        ],
        "areas": AREAS,
    }
    return {**data, **overrides}


def _rows(agreement):
    with scope(network=agreement.network):
        return (
            [(p.organisation.name, p.role) for p in agreement.parties.select_related("organisation")],
            [(s.name, s.title, s.organisation.name if s.organisation else None) for s in agreement.signatories.all()],
            [(a.number, a.text) for a in agreement.areas.all()],
        )


def _counts():
    with scopes_disabled():
        models = (PartnershipAgreement, AgreementParty, AgreementSignatory, AgreementArea)
        return tuple(model.objects.count() for model in models)


# --- services -------------------------------------------------------------------------------------


def test_import_builds_the_polish_agreement_with_its_parties_signatories_and_numbered_areas(
    network, coordinator, member, observer, in_scope
):
    agreement = agreement_import(network=network, data=polish_agreement(), acting_user=coordinator)

    assert agreement.signed_on == datetime.date(2020, 12, 8)
    assert agreement.signed_in == "Rzeszów"
    assert agreement.valid_until == datetime.date(2022, 6, 30)
    assert agreement.framework == FRAMEWORK
    assert agreement.created_by == coordinator
    parties, signatories, areas = _rows(agreement)
    assert parties == [
        ("Instytut Badań Edukacyjnych", "Lider Partnerstwa"),
        ("Kuratorium Oświaty w Rzeszowie", "Partner Wiodący"),
        ("Podkarpackie Centrum Mediacji", "Partner Biznesowy"),
    ]
    assert signatories[1] == ("Małgorzata Rauch", "Podkarpacki Kurator Oświaty", "Kuratorium Oświaty w Rzeszowie")
    assert signatories[0][2] == "Instytut Badań Edukacyjnych"  # found by acronym
    assert [number for number, _text in areas] == [1, 2, 3, 4, 5, 6, 7]
    assert areas[6][1] == "sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi."
    with scopes_disabled():
        assert {row.network_id for row in AgreementParty.objects.all()} == {network.pk}
        assert {row.network_id for row in AgreementArea.objects.all()} == {network.pk}


def test_importing_the_same_title_again_replaces_the_agreement_instead_of_adding_one(
    network, coordinator, member, observer, in_scope
):
    agreement_import(network=network, data=polish_agreement(), acting_user=coordinator)
    again = agreement_import(
        network=network, data=polish_agreement(areas=["jedno", "dwa"], signed_in="Warszawa"), acting_user=coordinator
    )

    assert _counts() == (1, 3, 3, 2)
    assert again.signed_in == "Warszawa"
    assert _rows(again)[2] == [(1, "jedno"), (2, "dwa")]


def test_import_refuses_an_organisation_that_is_not_a_member_of_the_network(network, coordinator, member, in_scope):
    OrganisationFactory(name="Somebody Else")  # exists, but not in this network
    data = polish_agreement(
        parties=[{"organisation": "IBE", "role": "Lider"}, {"organisation": "Somebody Else", "role": "Partner"}],
        signatories=[],
    )

    with pytest.raises(ValidationError) as error:
        agreement_import(network=network, data=data, acting_user=coordinator)

    assert "Somebody Else" in error.value.message_dict["parties"][0]
    assert _counts() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"signed_on": datetime.date(2020, 12, 8), "valid_until": datetime.date(2020, 12, 7)}, "before it is signed"),
        (
            {
                "signed_on": datetime.date(2020, 12, 8),
                "valid_from": datetime.date(2021, 1, 1),
                "valid_until": datetime.date(2020, 12, 31),
            },
            "before it starts",
        ),
    ],
)
def test_an_agreement_ending_before_it_is_signed_or_starts_is_refused_on_the_field_and_nothing_is_saved(
    network, coordinator, member, dates, message, in_scope
):
    parties = [{"organisation": _org(coordinator), "role": "Lider"}, {"organisation": _org(member), "role": ""}]

    with pytest.raises(ValidationError) as error:
        agreement_create(
            network=network,
            data={"title": "Umowa", **dates},
            parties=parties,
            signatories=[{"name": "A. Person", "title": "", "organisation": None}],
            areas=["one"],
            acting_user=coordinator,
        )

    assert list(error.value.message_dict) == ["valid_until"]
    assert message in error.value.message_dict["valid_until"][0]
    assert _counts() == (0, 0, 0, 0)


def test_the_database_refuses_an_agreement_ending_before_it_is_signed_even_without_validation(network):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic(), scopes_disabled():
        PartnershipAgreement.objects.create(
            network=network, title="x", signed_on=datetime.date(2021, 1, 2), valid_until=datetime.date(2021, 1, 1)
        )


def test_an_agreement_needs_two_distinct_parties_and_signatories_sign_for_a_party(
    network, coordinator, member, in_scope
):
    ibe, kuratorium = _org(coordinator), _org(member)

    with pytest.raises(ValidationError) as error:
        agreement_create(
            network=network,
            data={"title": "Umowa", "signed_on": datetime.date(2021, 1, 1)},
            parties=[{"organisation": ibe, "role": "Lider"}, {"organisation": ibe, "role": "Partner"}],
            signatories=[{"name": "Małgorzata Rauch", "title": "", "organisation": kuratorium}],
            acting_user=coordinator,
        )

    errors = error.value.message_dict
    assert any("listed twice" in e for e in errors["parties"])
    assert any("at least two parties" in e for e in errors["parties"])
    assert "not a party" in errors["signatories"][0]
    assert _counts() == (0, 0, 0, 0)


def test_only_coordinators_record_agreements(network, coordinator, member, observer, in_scope):
    parties = [{"organisation": _org(coordinator)}, {"organisation": _org(member)}]
    for user in (member, observer, AffiliationFactory().user):
        with pytest.raises(PermissionDenied):
            agreement_create(
                network=network,
                data={"title": "Umowa", "signed_on": datetime.date(2021, 1, 1)},
                parties=parties,
                acting_user=user,
            )
    assert _counts() == (0, 0, 0, 0)


def test_update_replaces_the_rows_and_a_new_end_date_brings_the_reminders_back(
    network, coordinator, member, observer, in_scope
):
    agreement = agreement_import(network=network, data=polish_agreement(), acting_user=coordinator)
    PartnershipAgreement.objects.filter(network=network, pk=agreement.pk).update(reminded_60_at=timezone.now())
    agreement.refresh_from_db()

    same_end = agreement_update(
        agreement=agreement,
        data={"signed_in": "Rzeszów (Urząd Wojewódzki)"},
        parties=[{"organisation": _org(member), "role": "Lider"}, {"organisation": _org(observer), "role": ""}],
        signatories=[],
        areas=["tylko jedno"],
        acting_user=coordinator,
    )
    assert same_end.reminded_60_at is not None
    assert _rows(same_end) == (
        [("Kuratorium Oświaty w Rzeszowie", "Lider"), ("Podkarpackie Centrum Mediacji", "")],
        [],
        [(1, "tylko jedno")],
    )

    renewed = agreement_update(
        agreement=same_end,
        data={"valid_until": datetime.date(2024, 6, 30)},
        parties=[{"organisation": _org(member)}, {"organisation": _org(observer)}],
        signatories=[],
        areas=[],
        acting_user=coordinator,
    )
    assert renewed.reminded_60_at is None and renewed.reminded_14_at is None


def test_deleting_an_agreement_keeps_the_news_about_it(network, coordinator):
    agreement = AgreementFactory(network=network)
    post = NewsPostFactory(network=network, agreement=agreement)

    with scope(network=network):
        agreement_delete(agreement=agreement, acting_user=coordinator)
        post.refresh_from_db()
        assert post.agreement is None
        assert not PartnershipAgreement.objects.exists()


# --- the expiry reminders ---------------------------------------------------------------------------
# The e-mails are queued after commit; `sweep` runs the service with its on-commit callbacks.


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    def run(today):
        with django_capture_on_commit_callbacks(execute=True):
            return tasks.agreement_expiry_reminders(today=today)

    return run


def _reminders_sent(mailoutbox, agreement):
    return [m for m in mailoutbox if str(agreement.title) in m.subject]


def test_coordinators_get_one_reminder_60_days_and_one_14_days_before_the_end_however_often_the_job_runs(
    network, coordinator, member, mailoutbox, sweep
):
    end = datetime.date(2022, 6, 30)
    agreement = AgreementFactory(network=network, signed_on=datetime.date(2020, 12, 8), valid_until=end)

    def run(day):
        sweep(day)
        return len(_reminders_sent(mailoutbox, agreement))

    assert run(end - timedelta(days=61)) == 0
    assert run(end - timedelta(days=60)) == 1
    assert run(end - timedelta(days=60)) == 1  # the same day again
    assert run(end - timedelta(days=59)) == 1
    assert run(end - timedelta(days=15)) == 1
    assert run(end - timedelta(days=14)) == 2
    assert run(end - timedelta(days=14)) == 2
    assert run(end - timedelta(days=3)) == 2
    assert run(end + timedelta(days=1)) == 2

    first, second = _reminders_sent(mailoutbox, agreement)
    assert first.to == second.to == [coordinator.email]  # coordinators only, not the member
    assert "in 60 days" in first.subject and "in 14 days" in second.subject
    url = reverse("network:agreement", kwargs={"network_slug": network.slug, "agreement_id": agreement.pk})
    assert settings.SITE_URL.rstrip("/") + url in first.body
    assert "30 June 2022" in first.body


def test_an_agreement_first_seen_inside_14_days_gets_only_the_14_day_reminder(network, coordinator, mailoutbox, sweep):
    today = datetime.date(2025, 3, 1)
    agreement = AgreementFactory(
        network=network, signed_on=datetime.date(2024, 1, 1), valid_until=today + timedelta(days=10)
    )

    assert sweep(today) == [(agreement.pk, 10)]
    assert sweep(today + timedelta(days=1)) == []

    assert len(_reminders_sent(mailoutbox, agreement)) == 1
    agreement.refresh_from_db()
    assert agreement.reminded_14_at is not None and agreement.reminded_60_at is not None


def test_the_sweep_works_network_by_network_and_skips_open_ended_and_ended_agreements(mailoutbox, sweep):
    today = datetime.date(2025, 3, 1)
    first, second = NetworkFactory(), NetworkFactory()
    first_coordinator = person_in(first, Role.COORDINATOR)
    second_coordinator = person_in(second, Role.COORDINATOR)
    ends_soon = AgreementFactory(network=first, signed_on=today - timedelta(400), valid_until=today + timedelta(30))
    also_soon = AgreementFactory(network=second, signed_on=today - timedelta(400), valid_until=today + timedelta(50))
    AgreementFactory(network=second, signed_on=today - timedelta(400), valid_until=None)
    AgreementFactory(network=second, signed_on=today - timedelta(400), valid_until=today - timedelta(1))
    AgreementFactory(network=second, signed_on=today - timedelta(400), valid_until=today + timedelta(61))

    queued = sweep(today)

    assert sorted(queued) == sorted([(ends_soon.pk, 30), (also_soon.pk, 50)])
    assert [m.to for m in _reminders_sent(mailoutbox, ends_soon)] == [[first_coordinator.email]]
    assert [m.to for m in _reminders_sent(mailoutbox, also_soon)] == [[second_coordinator.email]]


def test_the_daily_job_is_scheduled_and_runs_the_sweep_for_today(
    network, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    schedule = settings.CELERY_BEAT_SCHEDULE["agreement-expiry-reminders"]
    assert schedule["task"] == "network.tasks.agreement_expiry_sweep"
    agreement = AgreementFactory(
        network=network,
        signed_on=timezone.localdate() - timedelta(days=300),
        valid_until=timezone.localdate() + timedelta(days=14),
    )

    # apply() runs the job here as a worker would (beat sends it outside any transaction); the reminder
    # it queues goes when the block commits, and then the next day's run finds nothing left to send.
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.agreement_expiry_sweep.apply().get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.agreement_expiry_sweep.apply().get() == 0
    assert len(_reminders_sent(mailoutbox, agreement)) == 1


# --- forms --------------------------------------------------------------------------------------------


def test_the_form_shows_an_end_before_signing_on_the_valid_until_field():
    form = AgreementForm(
        {"title": "Umowa", "signed_on": "2020-12-08", "valid_until": "2020-06-30", "visibility": "public"}
    )

    assert not form.is_valid()
    assert list(form.errors) == ["valid_until"]
    assert "cannot end before it is signed" in form.errors["valid_until"][0]


def test_the_form_shows_an_end_before_the_start_on_the_valid_until_field():
    form = AgreementForm(
        {
            "title": "Umowa",
            "signed_on": "2020-12-08",
            "valid_from": "2021-01-01",
            "valid_until": "2020-12-31",
            "visibility": "public",
        }
    )

    assert not form.is_valid()
    assert "cannot end before it starts" in form.errors["valid_until"][0]


def test_the_party_rows_skip_empty_and_removed_rows():
    first, second, third = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    organisations = {o.pk: o for o in (first, second, third)}
    data = {
        "parties-TOTAL_FORMS": "4", "parties-INITIAL_FORMS": "0",
        "parties-0-organisation": str(first.pk), "parties-0-role": " Lider Partnerstwa ",
        "parties-1-organisation": str(second.pk), "parties-1-role": "", "parties-1-DELETE": "on",
        "parties-2-organisation": str(third.pk), "parties-2-role": "Partner Biznesowy",
        "parties-3-organisation": "", "parties-3-role": "",
    }  # fmt: skip

    formset = AgreementPartyFormSet(data, prefix="parties", form_kwargs={"organisations": organisations})

    assert formset.is_valid(), formset.errors
    assert formset.rows() == [
        {"organisation": first, "role": "Lider Partnerstwa"},
        {"organisation": third, "role": "Partner Biznesowy"},
    ]


def test_a_party_row_with_a_role_but_no_organisation_is_an_error_on_that_row():
    data = {"parties-TOTAL_FORMS": "1", "parties-INITIAL_FORMS": "0", "parties-0-role": "Lider"}
    formset = AgreementPartyFormSet(data, prefix="parties", form_kwargs={"organisations": {}})

    assert not formset.is_valid()
    assert "organisation" in formset.forms[0].errors


# --- pages --------------------------------------------------------------------------------------------


def _post_data(parties, **overrides):
    data = {
        "title": "Porozumienie partnerskie",
        "purpose": "",
        "framework": FRAMEWORK,
        "signed_on": "2020-12-08",
        "signed_in": "Rzeszów",
        "valid_from": "",
        "valid_until": "2022-06-30",
        "visibility": "public",
        "areas": "pierwszy obszar\n\ndrugi obszar\n",
        "parties-TOTAL_FORMS": "3", "parties-INITIAL_FORMS": "0",
        "signatories-TOTAL_FORMS": "3", "signatories-INITIAL_FORMS": "0",
        "signatories-0-name": "Małgorzata Rauch", "signatories-0-title": "Podkarpacki Kurator Oświaty",
        "signatories-0-organisation": str(parties[-1][0].pk),
    }  # fmt: skip
    for i, (organisation, role) in enumerate(parties):
        data[f"parties-{i}-organisation"] = str(organisation.pk)
        data[f"parties-{i}-role"] = role
    data.update(overrides)
    return data


def test_the_optional_rows_of_parties_and_signatories_mark_no_field_required(client, network, coordinator):
    """A row left empty is skipped, so no field of a row says it is required; the agreement's own fields do."""
    client.force_login(coordinator)
    html = client.get(network_url("agreement_create", network)).content.decode()
    rows = re.findall(r'<fieldset class="row">(.*?)</fieldset>', html, re.S)
    assert len(rows) == 6  # three empty parties, three empty signatories
    assert all('class="req"' not in row for row in rows)
    assert '<label for="id_parties-0-organisation">Organisation</label>' in rows[0]
    before_rows = html.split('<fieldset class="rows">')[0]
    assert re.search(r'<label for="id_signed_on">[^<]*<span class="req"', before_rows)


def test_a_coordinator_records_an_agreement_with_parties_signatories_and_areas_in_one_form(
    client, network, coordinator, member
):
    client.force_login(coordinator)
    page = client.get(network_url("agreement_create", network))
    assert page.status_code == 200
    assert b'<datalist id="party-role-suggestions">' in page.content
    assert "Leader of the Partnership" in page.content.decode()

    response = client.post(
        network_url("agreement_create", network),
        _post_data([(_org(coordinator), "Lider Partnerstwa"), (_org(member), "Partner Wiodący")]),
    )

    with scope(network=network):
        agreement = PartnershipAgreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == network_url("agreement", network, agreement_id=agreement.pk)
    parties, signatories, areas = _rows(agreement)
    assert parties == [
        ("Instytut Badań Edukacyjnych", "Lider Partnerstwa"),
        ("Kuratorium Oświaty w Rzeszowie", "Partner Wiodący"),
    ]
    assert signatories == [("Małgorzata Rauch", "Podkarpacki Kurator Oświaty", "Kuratorium Oświaty w Rzeszowie")]
    assert areas == [(1, "pierwszy obszar"), (2, "drugi obszar")]


def test_an_end_before_signing_comes_back_with_the_message_on_the_field_and_nothing_saved(
    client, network, coordinator, member
):
    client.force_login(coordinator)

    response = client.post(
        network_url("agreement_create", network),
        _post_data([(_org(coordinator), "Lider"), (_org(member), "")], valid_until="2020-01-31"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_valid_until_error"' in html
    assert "The agreement cannot end before it is signed: choose 8 December 2020 or later." in html
    assert _counts() == (0, 0, 0, 0)


def test_a_single_party_comes_back_with_the_message_above_the_parties_and_nothing_saved(client, network, coordinator):
    client.force_login(coordinator)

    response = client.post(network_url("agreement_create", network), _post_data([(_org(coordinator), "Lider")]))

    assert response.status_code == 200
    assert "An agreement needs at least two parties." in response.content.decode()
    assert _counts() == (0, 0, 0, 0)


def test_the_edit_form_starts_from_the_saved_rows_and_saves_changes(client, network, coordinator, member, observer):
    with scope(network=network):  # the services' caller enters the scope
        agreement = agreement_import(network=network, data=polish_agreement(), acting_user=coordinator)
    client.force_login(coordinator)

    page = client.get(network_url("agreement_edit", network, agreement_id=agreement.pk))
    assert page.status_code == 200
    assert page.context["parties"].forms[2].initial["role"] == "Partner Biznesowy"
    assert len(page.context["parties"].forms) == 6  # three saved rows and three empty ones
    assert "Partner Wiodący" in page.context["role_suggestions"]

    data = _post_data(
        [(_org(coordinator), "Lider Partnerstwa"), (_org(observer), "Partner Biznesowy")],
        title=agreement.title,
        valid_until="2023-06-30",
    )
    response = client.post(network_url("agreement_edit", network, agreement_id=agreement.pk), data)

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.valid_until == datetime.date(2023, 6, 30)
    assert [name for name, _role in _rows(agreement)[0]] == [
        "Instytut Badań Edukacyjnych",
        "Podkarpackie Centrum Mediacji",
    ]


def test_the_agreement_page_shows_the_polish_agreement(client, network, coordinator, member, observer):
    with scope(network=network):  # the services' caller enters the scope
        agreement = agreement_import(network=network, data=polish_agreement(), acting_user=coordinator)

    response = client.get(network_url("agreement", network, agreement_id=agreement.pk))

    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "8 December 2020, Rzeszów",
        "until 30 June 2022",
        "Lider Partnerstwa",
        "Partner Wiodący",
        "Partner Biznesowy",
        "Małgorzata Rauch</strong>, Podkarpacki Kurator Oświaty",
        '<li value="7">sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi.</li>',
        "ZSK 4",
    ):
        assert text in html, text
    absolute = settings.SITE_URL.rstrip("/") + network_url("agreement", network, agreement_id=agreement.pk)
    assert "https://www.facebook.com/sharer/sharer.php?u=" + _quoted(absolute) in html
    assert "Edit the agreement" not in html


def _quoted(url):
    from urllib.parse import quote

    return quote(url, safe="")


def test_deleting_needs_the_confirmation_box(client, network, coordinator):
    agreement = AgreementFactory(network=network)
    client.force_login(coordinator)
    url = network_url("agreement_delete", network, agreement_id=agreement.pk)

    assert client.post(url).status_code == 302
    assert _counts()[0] == 1
    response = client.post(url, {"confirm": "on"})
    assert response["Location"] == network_url("agreements", network)
    assert _counts()[0] == 0


def test_the_network_page_lists_public_agreements_for_everyone_and_members_only_ones_for_members(
    client, network, member
):
    AgreementFactory(network=network, title="Public agreement")
    AgreementFactory(network=network, title="Internal agreement", visibility=ContentVisibility.MEMBERS)

    anonymous = client.get(network_url("detail", network)).content.decode()
    assert "Public agreement" in anonymous and "Internal agreement" not in anonymous

    client.force_login(member)
    as_member = client.get(network_url("detail", network)).content.decode()
    assert "Public agreement" in as_member and "Internal agreement" in as_member
    assert "Members only" in as_member  # a status pill: first letter capital, as every pill


# --- permissions: role × action × expected status -------------------------------------------------


@pytest.fixture
def people(network, coordinator, member, observer, outsider):
    return {"anonymous": None, "outsider": outsider, "observer": observer, "member": member, "coordinator": coordinator}


ANON, OUT, OBS, MEM, COORD = "anonymous", "outsider", "observer", "member", "coordinator"
PERMISSION_TABLE = [
    # (method, url name, on the members-only agreement?, expected status per role)
    ("get", "agreements", False, {ANON: 200, OUT: 200, OBS: 200, MEM: 200, COORD: 200}),
    ("get", "agreement", False, {ANON: 200, OUT: 200, OBS: 200, MEM: 200, COORD: 200}),
    ("get", "agreement", True, {ANON: 302, OUT: 404, OBS: 200, MEM: 200, COORD: 200}),
    ("get", "agreement_create", False, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 200}),
    ("get", "agreement_edit", False, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 200}),
    ("get", "agreement_edit", True, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 200}),
    ("post", "agreement_delete", True, {ANON: 302, OUT: 403, OBS: 403, MEM: 403, COORD: 302}),
]


@pytest.mark.parametrize(("method", "name", "private", "expected"), PERMISSION_TABLE)
@pytest.mark.parametrize("role", [ANON, OUT, OBS, MEM, COORD])
def test_permissions(client, network, people, method, name, private, expected, role):
    visibility = ContentVisibility.MEMBERS if private else ContentVisibility.PUBLIC
    agreement = AgreementFactory(network=network, visibility=visibility)
    kwargs = {} if name in ("agreements", "agreement_create") else {"agreement_id": agreement.pk}
    if people[role] is not None:
        client.force_login(people[role])

    response = getattr(client, method)(
        network_url(name, network, **kwargs), {"confirm": "on"} if method == "post" else {}
    )

    assert response.status_code == expected[role]
    if expected[role] == 302 and role == ANON:
        assert response["Location"].startswith(reverse("account_login"))


def test_the_list_shows_members_only_agreements_to_members_only(client, network, member, observer, outsider):
    AgreementFactory(network=network, title="Public agreement")
    AgreementFactory(network=network, title="Internal agreement", visibility=ContentVisibility.MEMBERS)
    for user, sees_internal in ((None, False), (outsider, False), (observer, True), (member, True)):
        client.logout()
        if user:
            client.force_login(user)
        html = client.get(network_url("agreements", network)).content.decode()
        assert "Public agreement" in html
        assert ("Internal agreement" in html) is sees_internal


def test_another_networks_agreement_is_a_404_even_for_a_coordinator(client, network, coordinator):
    elsewhere = AgreementFactory(network=NetworkFactory())
    client.force_login(coordinator)

    for name in ("agreement", "agreement_edit"):
        assert client.get(network_url(name, network, agreement_id=elsewhere.pk)).status_code == 404
    delete = client.post(network_url("agreement_delete", network, agreement_id=elsewhere.pk), {"confirm": "on"})
    assert delete.status_code == 404


def test_a_private_networks_agreements_are_hidden_from_outsiders(client, outsider):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    agreement = AgreementFactory(network=private)
    client.force_login(outsider)

    assert client.get(network_url("agreements", private)).status_code == 404
    assert client.get(network_url("agreement", private, agreement_id=agreement.pk)).status_code == 404


# --- query counts ---------------------------------------------------------------------------------


def _add_agreements(network, count):
    for _ in range(count):
        agreement = AgreementFactory(network=network)
        for _ in range(3):
            AgreementPartyFactory(agreement=agreement)


def test_the_agreement_list_costs_the_same_queries_for_two_and_for_eight_agreements(client, network, member):
    client.force_login(member)
    _add_agreements(network, 2)
    few = query_count(client, network_url("agreements", network))
    _add_agreements(network, 6)
    many = query_count(client, network_url("agreements", network))

    assert few == many
    assert many <= 7  # session, user, role, the count for the pages, agreements, parties (+1 spare)


def test_the_network_page_costs_the_same_queries_for_few_and_many_agreements_and_news(client, network, member):
    client.force_login(member)
    _add_agreements(network, 1)
    NewsPostFactory(network=network)
    few = query_count(client, network_url("detail", network))
    _add_agreements(network, 6)
    for _ in range(6):
        NewsPostFactory(network=network)
    many = query_count(client, network_url("detail", network))

    assert few == many
