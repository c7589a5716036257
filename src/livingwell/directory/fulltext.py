"""Full-text search of listings, one contract on both databases.

``fulltext_filter`` keeps the services whose name or description has any of the words searched for
(after English stemming, ignoring common words). ``by_relevance`` orders them: more of the words rank
higher, and a match in the name counts for more than one in the description.

The filter is a self-contained subquery, so a filtered queryset can itself be used inside another
query (``service__in=...``) on both databases. ``each_matching`` answers the same question for a
few listings already found some other way (near a postcode, say), one row lookup each, rather than
working out every match in the directory.
"""

import re

from django.db import connection
from django.db.models import BooleanField, F, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from livingwell.directory.models import Service

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)
MAX_WORDS = 12


def search_words(text: str) -> list[str]:
    """The words to search for: letters and digits only, no common words, at most a dozen."""
    words = [word.lower() for word in re.findall(r"\w+", text)]
    return [word for word in words if word not in STOP_WORDS][:MAX_WORDS]


def _postgresql_query(words: list[str]) -> str:
    # Only letters and digits reach to_tsquery, so the words cannot be read as query syntax.
    return " | ".join(words)


def _sqlite_query(words: list[str]) -> str:
    # FTS5: quote each word so nothing in it is read as query syntax.
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in words)


def fulltext_filter(services: QuerySet[Service], text: str) -> QuerySet[Service]:
    words = search_words(text)
    if not words:
        return services.none()
    if connection.vendor == "postgresql":
        matching = RawSQL(
            "SELECT id FROM directory_service WHERE search_document @@ to_tsquery('english', %s)",
            (_postgresql_query(words),),
        )
    else:
        matching = RawSQL(
            "SELECT r.service_id FROM directory_service_fts"
            " JOIN directory_service_fts_row r ON r.row = directory_service_fts.rowid"
            " WHERE directory_service_fts MATCH %s",
            (_sqlite_query(words),),
        )
    return services.filter(pk__in=matching)


def each_matching(services: QuerySet[Service], text: str) -> QuerySet[Service]:
    """Keep the ``services`` that match ``text``, checking each one on its own.

    For a query already narrowed to a few listings, and run as the outermost query.
    """
    words = search_words(text)
    if not words:
        return services.none()
    if connection.vendor == "postgresql":
        match = RawSQL(
            "directory_service.search_document @@ to_tsquery('english', %s)",
            (_postgresql_query(words),),
            output_field=BooleanField(),
        )
    else:
        match = RawSQL(
            "EXISTS (SELECT 1 FROM directory_service_fts_row r JOIN directory_service_fts"
            " ON directory_service_fts.rowid = r.row"
            " WHERE r.service_id = directory_service.id AND directory_service_fts MATCH %s)",
            (_sqlite_query(words),),
            output_field=BooleanField(),
        )
    return services.filter(match)


def fulltext_tidy() -> None:
    """Merge SQLite's full-text index into one piece after many changes (under a second for 100,000 listings).

    Each change adds a small piece that FTS5 merges later; a lookup by row reads every piece, so
    after a bulk import "which of these listings match?" is several times faster once merged.
    PostgreSQL's index needs nothing: autovacuum keeps it.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO directory_service_fts (directory_service_fts) VALUES ('optimize')")


def by_relevance(services: QuerySet[Service], text: str) -> QuerySet[Service]:
    """Order by how well each listing matches ``text`` (best first), then by name."""
    words = search_words(text)
    if not words:
        return services.order_by("name", "id")
    # The rank is worked out for the outermost query only, where the table goes by its own name.
    if connection.vendor == "postgresql":
        rank = RawSQL(
            "ts_rank(directory_service.search_document, to_tsquery('english', %s))",
            (_postgresql_query(words),),
            output_field=FloatField(),
        )
    else:
        rank = RawSQL(
            "SELECT -bm25(directory_service_fts, 10.0, 1.0) FROM directory_service_fts"
            " WHERE directory_service_fts MATCH %s AND directory_service_fts.rowid ="
            " (SELECT row FROM directory_service_fts_row WHERE service_id = directory_service.id)",
            (_sqlite_query(words),),
            output_field=FloatField(),
        )
    return services.annotate(text_rank=rank).order_by(F("text_rank").desc(), "name", "id")
