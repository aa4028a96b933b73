"""The activity log's text search: one stored search document per entry, and the query that reads it.

`ActivityEntry.search_document` holds, in lower case, every language of the entry's title, description
and outcomes and its organisation's name and acronym. projects.services.entries refreshes it
(`refresh_document`) whenever it writes those texts, so a search reads one column of one table instead of
casting three JSON columns and joining the organisations.

On PostgreSQL the column is searched with full-text search in the `simple` configuration (no stemming:
the texts are in six languages, and a stemmer for one language mangles the others), each word of the
search as a prefix (`guid` finds "guidance"), all words required; migration 0005 adds the GIN index on
exactly the expression `_vector()` builds, so a search over 100,000 entries reads the index, not the table.
Elsewhere (SQLite, in development and tests) each word must occur in the document (`icontains`).
"""

import re

from django.db import connection

# What the search reads of the entry's texts (all their languages).
DOCUMENT_TEXTS = ("title", "description", "outcomes")
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
MAX_WORDS = 10  # a pasted paragraph is not a search


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


def _vector():
    from django.contrib.postgres.search import SearchVector

    return SearchVector("search_document", config="simple")


def matching(entries, search):
    """The entries among `entries` whose document holds every word of `search` (none when the search holds
    no word at all, such as "!!")."""
    terms = words(search)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # Only letters and digits reach the query, so the raw tsquery syntax (& and :*) is ours alone.
        query = SearchQuery(" & ".join(f"{term}:*" for term in terms), search_type="raw", config="simple")
        return entries.alias(_search=_vector()).filter(_search=query)
    for term in terms:
        entries = entries.filter(search_document__contains=term)  # the document is in lower case already
    return entries
