"""The activity log's search document (projects.search) and, on PostgreSQL, its GIN index.

The index is on the very expression projects.search._vector() builds (Django's SearchVector with the
`simple` configuration, which wraps the column in COALESCE), so the planner uses it; a test reads the
plan. It is made here rather than in Meta.indexes because SQLite has neither GIN nor to_tsvector.
"""

from django.db import migrations, models

INDEX = "entry_search"


def fill_documents(apps, schema_editor):
    from projects.search import entry_document

    entries = apps.get_model("projects", "ActivityEntry")._base_manager.using(schema_editor.connection.alias)
    for entry in entries.select_related("organisation").iterator(chunk_size=1000):
        entry.search_document = entry_document(entry)
        entry.save(update_fields=["search_document"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON projects_activityentry "
            "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_document, '')))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_activity_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="activityentry",
            name="search_document",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_documents, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
