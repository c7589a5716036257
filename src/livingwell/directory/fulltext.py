"""Full-text search of listings, one contract on both databases.

``fulltext_filter`` keeps the services whose name or description has any of the words searched for
(after English stemming, ignoring common words) and annotates ``text_rank``: higher is better, more of
the words rank higher, and a match in the name counts for more than one in the description.
"""

import re

from django.db import connection
from django.db.models import BooleanField, F, FloatField, QuerySet, Value
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


def fulltext_filter(services: QuerySet[Service], text: str) -> QuerySet[Service]:
    words = search_words(text)
    if not words:
        return services.none().annotate(text_rank=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        # Only letters and digits reach to_tsquery, so the words cannot be read as query syntax.
        query = " | ".join(words)
        matched = RawSQL(
            "directory_service.search_document @@ to_tsquery('english', %s)", (query,), output_field=BooleanField()
        )
        rank = RawSQL(
            "ts_rank(directory_service.search_document, to_tsquery('english', %s))",
            (query,),
            output_field=FloatField(),
        )
        # Filtering on the expression itself (not "= true") lets PostgreSQL use the GIN index.
        return services.filter(matched).annotate(text_rank=rank)
    # SQLite FTS5: quote each word so nothing in it is read as query syntax.
    match = " OR ".join('"' + word.replace('"', '""') + '"' for word in words)
    ids = RawSQL("SELECT service_id FROM directory_service_fts WHERE directory_service_fts MATCH %s", (match,))
    rank = RawSQL(
        "SELECT -bm25(directory_service_fts, 0.0, 10.0, 1.0) FROM directory_service_fts"
        " WHERE directory_service_fts MATCH %s AND service_id = directory_service.id",
        (match,),
        output_field=FloatField(),
    )
    return services.filter(pk__in=ids).annotate(text_rank=rank)


def by_relevance(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.order_by(F("text_rank").desc(), "name", "id")
