"""The activity log's text search: one stored search document per entry, and the query that reads it.

`ActivityEntry.search_document` holds, in lower case, every language of the entry's title, description
and outcomes and its organisation's name and acronym. projects.services.entries refreshes it
(`refresh_document`) whenever it writes those texts, so a search reads one column of one table instead of
casting three JSON columns and joining the organisations.

On PostgreSQL, migration 0005 adds `search_vector`, a generated column holding the document's tsvector in
the `simple` configuration (no stemming: the texts are in six languages, and a stemmer for one mangles
the others), with a GIN index. The database keeps it in step with the document on every write (bulk
writes included), and the ORM never sees it: the model has no such field, so SQLite and PostgreSQL share
one model, and `_SearchVector` names the column in the PostgreSQL query alone. Stored, the vector is not
recomputed per row when the planner walks the date index instead of the GIN index (a search matching many
entries), which is what keeps such a page fast at 100,000 entries. Each word of the search must match the
beginning of a word (`guid` finds "guidance"), all words required.

Elsewhere (SQLite, in development and tests) each word must occur in the document (`contains`).

An organisation's new name or acronym reaches the documents of the entries it logged through a job
(projects.tasks.refresh_organisation_documents, one per network, queued after the commit by the signals
below, connected in ProjectsConfig.ready(): members knows nothing of the log).
"""

import re

from django.db import connection
from django.db.models import Expression

# What the search reads of the entry's texts (all their languages).
DOCUMENT_TEXTS = ("title", "description", "outcomes")
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
MAX_WORDS = 10  # a pasted paragraph is not a search
PREFIX_FROM = 3  # shorter words match whole words only: "a" as a prefix is nearly every entry
VECTOR_COLUMN = "search_vector"  # PostgreSQL only (migration 0005)


def entry_document(entry):
    """The text `entry` is found by: its texts in every language, then its organisation's name."""
    parts = []
    for name in DOCUMENT_TEXTS:
        text = getattr(entry, name)
        parts.extend(str(text.text(code)) for code in text.languages)
    organisation = entry.organisation
    parts.extend([organisation.name, organisation.acronym or ""])
    return " ".join(part for part in parts if part).lower()


def refresh_document(entry):
    """Set the entry's search document from its current texts (the services call it before saving)."""
    entry.search_document = entry_document(entry)


def words(search):
    return _WORD.findall(search.lower())[:MAX_WORDS]


class _SearchVector(Expression):
    """The generated `search_vector` column of the query's own table (aliases followed into subqueries)."""

    def __init__(self, alias=None):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.alias = alias

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.{connection.ops.quote_name(VECTOR_COLUMN)}", []


def matching(entries, search):
    """The entries among `entries` whose document holds every word of `search` (none when the search holds
    no word at all, such as "!!")."""
    terms = words(search)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # Only letters and digits reach the query, so the raw tsquery syntax (& and :*) is ours alone.
        raw = " & ".join(f"{term}:*" if len(term) >= PREFIX_FROM else term for term in terms)
        return entries.alias(_search=_SearchVector()).filter(
            _search=SearchQuery(raw, search_type="raw", config="simple")
        )
    for term in terms:
        entries = entries.filter(search_document__contains=term)  # the document is in lower case already
    return entries


# --- an organisation renamed (pre_save and post_save of members.Organisation) -------------------------------

_NAMES = ("name", "acronym")


def organisation_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Note the names the organisation had, for `organisation_saved` to compare (one query per save of an
    organisation that exists, only when its names may be written)."""
    if raw or instance.pk is None or (update_fields is not None and not set(update_fields) & set(_NAMES)):
        return
    instance._names_before = sender._base_manager.filter(pk=instance.pk).values_list(*_NAMES).first()


def organisation_saved(sender, instance, created=False, raw=False, **kwargs):
    from projects.models import ActivityEntry
    from projects.tasks import refresh_organisation_documents

    before = instance.__dict__.pop("_names_before", None)
    if created or raw or before is None or before == tuple(getattr(instance, name) for name in _NAMES):
        return
    networks = ActivityEntry._base_manager.filter(organisation=instance).order_by().values_list("network_id", flat=True)
    for network_id in networks.distinct():
        refresh_organisation_documents.delay(network=network_id, organisation_id=instance.pk)
