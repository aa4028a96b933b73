"""The network app's texts are multilingual (portal.texts): forms, services, pages, the API and the admin."""

import datetime

import pytest
from django.contrib.admin.sites import site
from django.db import connection
from django.test import RequestFactory
from django_scopes import scope, scopes_disabled

from network.forms import AgreementForm, MultilingualLinesField, NetworkForm
from network.models import Network, NetworkObjective, NewsPost, PartnershipAgreement, Role
from network.services.agreements import agreement_import
from network.services.networks import network_update
from network.services.news import news_post_create
from tests.factories import AgreementFactory, NetworkFactory, UserFactory, person_in
from tests.pages import text

pytestmark = pytest.mark.django_db

DESCRIPTION = {"sl": {"text": "Opis", "source": "original"}, "en": {"text": "Description", "source": "human"}}


@pytest.fixture
def network():
    return NetworkFactory(name="Karierna vzgoja", slug="kv", languages=["sl", "en"], language="sl")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Koordinator NVO", acronym="")


def _objectives(network):
    with scope(network=network):
        return list(NetworkObjective.objects.filter(network=network))


# --- the lines editor -----------------------------------------------------------------------------------


def _network_form(data, network):
    return NetworkForm({"name": "KV", "colour": "#000000", "visibility": "public", **data}, instance=network)


def test_objectives_are_one_line_per_row_in_each_languages_box(network):
    form = _network_form(
        {"objectives": "Prvi cilj\nDrugi cilj", "objectives__en": "First goal\n-", "objectives__en__source": "machine"},
        network,
    )
    assert form.is_valid(), form.errors
    assert form.objective_lines() == [
        {"sl": {"text": "Prvi cilj", "source": "original"}, "en": {"text": "First goal", "source": "machine"}},
        {"sl": {"text": "Drugi cilj", "source": "original"}},  # "-": left untranslated
    ]


def test_a_translation_with_another_number_of_lines_is_refused_with_the_counts(network):
    form = _network_form({"objectives": "Prvi cilj\nDrugi cilj", "objectives__en": "First goal"}, network)
    assert not form.is_valid()
    (message,) = form.errors["objectives"]
    assert "The English list has 1 lines, the original (Slovenian) has 2" in message


def test_the_editor_starts_from_the_stored_rows_and_saving_them_again_loses_nothing(network, coordinator):
    rows = [{"sl": "Prvi", "en": "First"}, {"sl": "Drugi"}, {"sl": "Tretji", "en": "Third"}]
    with scope(network=network):
        network_update(network=network, data={}, acting_user=coordinator, objectives=rows, tasks_=[])
    initial = MultilingualLinesField.initial_from(_objectives(network))
    assert (initial.original, initial.text("en")) == ("Prvi\nDrugi\nTretji", "First\n-\nThird")

    form = _network_form({"objectives": initial.original, "objectives__en": initial.text("en")}, network)
    assert form.is_valid(), form.errors
    with scope(network=network):
        network_update(network=network, data={}, acting_user=coordinator, objectives=form.objective_lines(), tasks_=[])
    assert [o.text.as_json() for o in _objectives(network)] == [
        {"sl": {"text": "Prvi", "source": "original"}, "en": {"text": "First", "source": "human"}},
        {"sl": {"text": "Drugi", "source": "original"}},
        {"sl": {"text": "Tretji", "source": "original"}, "en": {"text": "Third", "source": "human"}},
    ]


def test_the_edit_page_shows_a_box_per_language_for_texts_and_objectives(client, network, coordinator):
    client.force_login(coordinator)
    page = client.get(f"/networks/{network.slug}/edit/").content.decode()
    for name in ("description__en", "founding_statement__en", "objectives__en", "tasks__en"):
        assert f'name="{name}"' in page, name


def test_editing_on_the_page_keeps_the_translations(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/networks/{network.slug}/edit/",
        {
            "name": "KV", "colour": "#000000", "visibility": "public", "language": "sl", "languages": ["sl", "en"],
            "description": "Opis", "description__en": "Description", "description__en__source": "human",
            "tasks": "Naloga", "tasks__en": "Task",
        },
    )  # fmt: skip
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.description.as_json() == {
        "sl": {"text": "Opis", "source": "original"},
        "en": {"text": "Description", "source": "human"},
    }
    (task,) = _objectives(network)
    assert (task.kind, task.text.text("sl"), task.text.text("en")) == ("task", "Naloga", "Task")


def test_an_agreements_areas_have_their_translations_and_the_form_starts_in_the_networks_language(network):
    form = AgreementForm(network=network)
    assert form["language"].value() == "sl"
    form = AgreementForm(
        {"title": "Dogovor", "signed_on": "2020-12-08", "visibility": "public", "areas": "Prvo\nDrugo",
         "areas__en": "First\nSecond"},
        network=network,
    )  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "sl"
    assert [row["en"]["text"] for row in form.area_lines()] == ["First", "Second"]


# --- services -------------------------------------------------------------------------------------------


def test_an_objective_in_a_language_the_network_does_not_write_in_is_refused_and_nothing_saved(network, coordinator):
    from django.core.exceptions import ValidationError

    with scope(network=network), pytest.raises(ValidationError) as error:
        network_update(
            network=network, data={"name": "Changed"}, acting_user=coordinator, objectives=[{"xx": "?"}], tasks_=[]
        )
    assert "objectives" in error.value.message_dict
    network.refresh_from_db()
    assert network.name == "Karierna vzgoja" and _objectives(network) == []


def test_agreements_and_news_are_written_in_the_networks_first_language_unless_they_say(network, coordinator):
    with scope(network=network):
        post = news_post_create(network=network, data={"title": "Novica", "body": "Besedilo"}, acting_user=coordinator)
        english = news_post_create(
            network=network, data={"language": "en", "title": "News", "body": "Text"}, acting_user=coordinator
        )
    assert (post.language, post.title.original_language, post.body.original_language) == ("sl", "sl", "sl")
    assert (english.language, english.title.original_language) == ("en", "en")


def test_importing_an_agreement_again_finds_it_by_its_original_title(network, coordinator):
    other = person_in(network, Role.MEMBER, name="Šola", acronym="")
    parties = [{"organisation": "Koordinator NVO"}, {"organisation": "Šola"}]
    data = {"title": {"sl": "Dogovor", "en": "Agreement"}, "signed_on": "2020-12-08", "parties": parties}
    with scope(network=network):
        first = agreement_import(network=network, data=data, acting_user=coordinator)
        again = agreement_import(
            network=network, data={**data, "title": "Dogovor", "purpose": "Namen"}, acting_user=coordinator
        )
        assert PartnershipAgreement.objects.filter(network=network).count() == 1
    assert again.pk == first.pk and again.purpose.text("sl") == "Namen"
    assert other is not None


# --- pages ----------------------------------------------------------------------------------------------


def test_the_network_page_shows_the_original_and_the_readers_translation(client, network):
    Network.objects.filter(pk=network.pk).update(description=DESCRIPTION)
    with scope(network=network):
        NetworkObjective.objects.create(network=network, text={"sl": "Cilj", "en": "Goal"})
    page = client.get(f"/networks/{network.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="sl">Opis</div>' in page and 'lang="en">Description</div>' in page
    assert "Cilj" in text(client.get(f"/networks/{network.slug}/")) and "Goal" in page
    directory = text(client.get("/networks/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Description" in directory  # the reader's translation, else the original


def test_a_news_post_shows_its_body_in_the_original_and_translated(client, network):
    with scope(network=network):
        post = NewsPost.objects.create(
            network=network, language="sl", title={"sl": "Novica", "en": "News"}, body={"sl": "Besedilo", "en": "Text"},
            published_on=datetime.date(2024, 1, 1),
        )  # fmt: skip
    page = text(client.get(f"/networks/{network.slug}/news/{post.pk}/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Novica" in page and "News" in page and "Besedilo" in page and "Text" in page


# --- API ------------------------------------------------------------------------------------------------


def test_the_api_gives_the_resolved_description_and_every_translation(client, network):
    Network.objects.filter(pk=network.pk).update(description=DESCRIPTION)
    body = client.get(f"/api/v1/networks/{network.slug}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert (body["language"], body["description"]) == ("sl", "Description")
    assert body["description_translations"] == {
        "sl": {"text": "Opis", "source": "original"},
        "en": {"text": "Description", "source": "human"},
    }
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"description_translations" in schema.content


# --- admin search ---------------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite stores non-ASCII letters escaped in JSON")
def test_the_admin_finds_agreements_and_posts_by_words_of_any_language_of_their_texts(network):
    AgreementFactory(network=network, language="sl", title={"sl": "Sporazum o šolah", "en": "Schools agreement"})
    AgreementFactory(network=network, title="Something else")
    request = RequestFactory().get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    with scopes_disabled():
        admin = site._registry[PartnershipAgreement]
        for words in ("šolah", "ŠOLAH", "Schools agreement"):
            found, _duplicates = admin.get_search_results(request, PartnershipAgreement.objects.all(), words)
            assert [str(a.title.original) for a in found] == ["Sporazum o šolah"], words
