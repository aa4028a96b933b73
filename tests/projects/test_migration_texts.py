"""projects 0002: the old text pairs (text + *_translation + translation_language) become one JSON value."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

migration = importlib.import_module("projects.migrations.0002_multilingual_texts")

# The network app at the state these migrations were written against, so its tables match the models
# the test creates rows with (its later migrations add columns those models do not know).
NETWORK = ("network", "0003_notification_sent_markers")
OLD, NEW = [("projects", "0001_initial"), NETWORK], [("projects", "0002_multilingual_texts"), NETWORK]


def test_combine_keeps_both_texts_with_their_languages():
    assert migration.combine("Naslov", "Title", "sl", "en") == {
        "sl": {"text": "Naslov", "source": "original"},
        "en": {"text": "Title", "source": "human"},
    }
    assert migration.combine("Title", "", "en", "") == {"en": {"text": "Title", "source": "original"}}
    assert migration.combine("", "", "en", "") == {}


def test_combine_loses_nothing_when_the_second_language_was_never_given():
    assert migration.combine("Naslov", "Title", "sl", "") == {
        "sl": {"text": "Naslov", "source": "original"},
        "en": {"text": "Title", "source": "human"},
    }
    assert migration.combine("Title", "Second", "en", "")["en"]["text"] == "Title\n\nSecond"


def test_split_gives_back_the_old_pair():
    value = migration.combine("Naslov", "Title", "sl", "en")
    assert migration.split(value, "en") == ("Naslov", "Title")


@pytest.mark.django_db(transaction=True)
def test_the_migration_folds_the_pairs_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    old = executor.loader.project_state(OLD).apps
    Network = old.get_model("network", "Network")
    Project, Component, Need = (old.get_model("projects", m) for m in ("Project", "Component", "Need"))
    network = Network.objects.create(name="Karierna vzgoja", slug="kv")
    project = Project.objects.create(
        network=network, slug="model", language="sl", title="Model sodelovanja", summary="Projekt …",
        translation_language="en", title_translation="Cooperation model", summary_translation="The project …",
    )  # fmt: skip
    Component.objects.create(
        network=network, project=project, title="Raziskava", title_translation="A study", description="Opis"
    )
    Need.objects.create(network=network, project=project, text="Potreba")

    executor = MigrationExecutor(connection)
    executor.migrate(NEW)
    new = executor.loader.project_state(NEW).apps
    project = new.get_model("projects", "Project").objects.get()
    assert project.title.as_json() == {
        "sl": {"text": "Model sodelovanja", "source": "original"},
        "en": {"text": "Cooperation model", "source": "human"},
    }
    assert (project.summary.original, project.summary.text("en")) == ("Projekt …", "The project …")
    component = new.get_model("projects", "Component").objects.get()
    assert (component.title.text("sl"), component.title.text("en")) == ("Raziskava", "A study")
    assert component.description.as_json() == {"sl": {"text": "Opis", "source": "original"}}
    assert new.get_model("projects", "Need").objects.get().text.original_language == "sl"

    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    old = executor.loader.project_state(OLD).apps
    project = old.get_model("projects", "Project").objects.get()
    assert (project.title, project.title_translation, project.translation_language) == (
        "Model sodelovanja", "Cooperation model", "en",
    )  # fmt: skip
    assert (project.summary, project.summary_translation) == ("Projekt …", "The project …")
    component = old.get_model("projects", "Component").objects.get()
    assert (component.title, component.title_translation, component.description) == ("Raziskava", "A study", "Opis")
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
