"""The activity log's search document (projects.search) and, on PostgreSQL, its tsvector as a generated
column with a GIN index; and the index the list's order (newest first) and count read.

The generated column and its index are made here, not in the model, because SQLite has neither tsvector,
GIN nor to_tsvector; the ORM never reads or writes the column (projects.search names it in queries).
"""

from django.db import migrations, models

INDEX = "entry_search"


def fill_documents(apps, schema_editor):
    from projects.search import entry_document

    entries = apps.get_model("projects", "ActivityEntry")._base_manager.using(schema_editor.connection.alias)
    batch = []
    for entry in entries.select_related("organisation").iterator(chunk_size=2000):
        entry.search_document = entry_document(entry)
        batch.append(entry)
        if len(batch) == 2000:
            entries.bulk_update(batch, ["search_document"])
            batch = []
    entries.bulk_update(batch, ["search_document"])


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE projects_activityentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple'::regconfig, COALESCE(search_document, ''))) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {INDEX} ON projects_activityentry USING gin (search_vector)")


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE projects_activityentry DROP COLUMN IF EXISTS search_vector")


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
        migrations.RunPython(add_vector, drop_vector),
        migrations.AddIndex(
            model_name="activityentry",
            index=models.Index(
                condition=models.Q(("deleted_at__isnull", True)),
                fields=["network", "-start_date", "-id"],
                name="entry_network_date",
            ),
        ),
    ]
