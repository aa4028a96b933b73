"""network 0004: the plain text columns become multilingual JSON values in their record's language."""

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

migration = importlib.import_module("network.migrations.0004_multilingual_texts")

OLD, NEW = [("network", "0003_notification_sent_markers")], [("network", "0004_multilingual_texts")]


def test_a_networks_language_is_its_first_known_language_else_english():
    assert migration.first_language(["sl", "en"]) == "sl"
    assert migration.first_language(["xx", "pl"]) == "pl"
    assert migration.first_language([]) == "en"
    assert migration.first_language(None) == "en"


def test_fold_and_unfold():
    assert migration.fold(" Opis ", "sl") == {"sl": {"text": "Opis", "source": "original"}}
    assert migration.fold("", "sl") == {}
    value = {"sl": {"text": "Cilj", "source": "original"}, "en": {"text": "Goal", "source": "human"}}
    assert migration.unfold(value, " / ") == "Cilj / Goal"  # a long text keeps its translations
    assert migration.unfold(value, None) == "Cilj"  # a title keeps its original


@pytest.mark.django_db(transaction=True)
def test_the_migration_folds_the_texts_with_their_records_language_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    old = executor.loader.project_state(OLD).apps
    Network = old.get_model("network", "Network")
    network = Network.objects.create(name="Karierna vzgoja", slug="kv", languages=["sl", "en"], description="Opis")
    english = Network.objects.create(name="Other", slug="other", languages=[], founding_statement="We agree")
    old.get_model("network", "HistoricalNetwork").objects.create(
        id=network.pk, name="Karierna vzgoja", slug="kv", languages=["sl"], description="Star opis",
        colour="#000000", visibility="public", show_members=True, created_at=datetime.datetime(2020, 1, 1,
        tzinfo=datetime.UTC), history_date=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC), history_type="+",
    )  # fmt: skip
    old.get_model("network", "NetworkObjective").objects.create(network=network, text="Cilj")
    agreement = old.get_model("network", "PartnershipAgreement").objects.create(
        network=network, title="Dogovor", purpose="Namen", framework="Projekt X", signed_on=datetime.date(2020, 1, 1)
    )
    old.get_model("network", "AgreementArea").objects.create(network=network, agreement=agreement, number=1, text="A")
    old.get_model("network", "NewsPost").objects.create(network=english, title="News", body="Body", link_label="")

    executor = MigrationExecutor(connection)
    executor.migrate(NEW)
    new = executor.loader.project_state(NEW).apps
    network = new.get_model("network", "Network").objects.get(slug="kv")
    assert network.language == "sl"
    assert network.description.as_json() == {"sl": {"text": "Opis", "source": "original"}}
    assert network.founding_statement.as_json() == {}
    other = new.get_model("network", "Network").objects.get(slug="other")
    assert other.language == "en" and other.founding_statement.original_language == "en"
    history = new.get_model("network", "HistoricalNetwork").objects.get()
    assert (history.language, history.description.text("sl")) == ("sl", "Star opis")
    assert new.get_model("network", "NetworkObjective").objects.get().text.as_json() == {
        "sl": {"text": "Cilj", "source": "original"}
    }
    agreement = new.get_model("network", "PartnershipAgreement").objects.get()
    assert agreement.language == "sl"
    assert (agreement.title.text("sl"), agreement.purpose.text("sl"), agreement.framework.text("sl")) == (
        "Dogovor", "Namen", "Projekt X",
    )  # fmt: skip
    assert new.get_model("network", "AgreementArea").objects.get().text.text("sl") == "A"
    post = new.get_model("network", "NewsPost").objects.get()
    assert post.language == "en" and post.title.text("en") == "News" and post.link_label.as_json() == {}
    # A translation added after the migration is kept when migrating back, after the original.
    new.get_model("network", "NetworkObjective").objects.update(
        text={"sl": {"text": "Cilj", "source": "original"}, "en": {"text": "Goal", "source": "human"}}
    )

    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    old = executor.loader.project_state(OLD).apps
    network = old.get_model("network", "Network").objects.get(slug="kv")
    assert (network.description, network.founding_statement) == ("Opis", "")
    assert old.get_model("network", "NetworkObjective").objects.get().text == "Cilj / Goal"
    agreement = old.get_model("network", "PartnershipAgreement").objects.get()
    assert (agreement.title, agreement.purpose, agreement.framework) == ("Dogovor", "Namen", "Projekt X")
    assert old.get_model("network", "NewsPost").objects.get().title == "News"
    assert old.get_model("network", "HistoricalNetwork").objects.get().description == "Star opis"
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
