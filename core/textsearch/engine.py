"""Matching and ranking a parsed query, on PostgreSQL and on SQLite, behind one interface.

PostgreSQL: full-text search. Each searchable model names its fields by weight (A above B above
C); a model may keep the weighted vector in an indexed column (jobs do, filled by a database
trigger, and so do guides), otherwise the vector is built on the fly (roles: a few dozen rows).
Words are stemmed in English ("engineers" finds "engineer"), ranking is `ts_rank` with the
default weights (A 1.0, B 0.4, C 0.2), phrases use the `<->` operator and the last word of a
query may match as a prefix (`pyto:*`).

SQLite (the embedded demo): a simpler fallback with the same interface and the same syntax.
Every word matches the start of a word in the fields (a regular expression, so "engineer" also
finds "engineering" but "engineers" does not find "engineer": no stemming), a phrase matches its
words in order separated by anything but letters and digits, and the rank adds 1.0, 0.4 or 0.2
per term by the best field it is found in. English stop words ("the", "of") count on SQLite
and are ignored on PostgreSQL.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import add, and_, or_
from typing import Any

import psycopg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce

from core.textsearch.query import Query, Term, parse

CONFIG = "english"  # also the configuration of the jobs trigger (jobs/migrations/0005_job_search)
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}  # PostgreSQL's ts_rank defaults, used on SQLite too


@dataclass(frozen=True)
class Fields:
    """A model's searchable fields by weight, and the column holding their vector, if any."""

    a: tuple[str, ...]
    b: tuple[str, ...] = ()
    c: tuple[str, ...] = ()
    vector_column: str | None = None
    # Fields that count only under a condition (a related record's name while it is public),
    # for the SQLite fallback; a stored vector applies the same rule when it is filled.
    only_when: dict[str, Q] = field(default_factory=dict)

    def by_weight(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(w, names) for w, names in (("A", self.a), ("B", self.b), ("C", self.c)) if names]


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def as_query(query: "str | Query") -> Query:
    return query if isinstance(query, Query) else parse(query)


def matching[QS: QuerySet](queryset: QS, query: "str | Query", fields: Fields) -> QS:
    """The rows that match. A query with nothing to look for leaves the queryset as it is."""
    query = as_query(query)
    if not query:
        return queryset
    if uses_full_text(queryset):
        vector = _vector(fields)
        return queryset.alias(search_vector_=vector).filter(search_vector_=_tsquery(query))
    return queryset.filter(_sqlite_match(query, fields))


def with_rank[QS: QuerySet](queryset: QS, query: "str | Query", fields: Fields) -> QS:
    """Matching rows with a `search_rank` annotation (higher is better), in their own order."""
    query = as_query(query)
    queryset = matching(queryset, query, fields)
    if not query:
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
    if uses_full_text(queryset):
        rank = SearchRank(F("search_vector_"), _tsquery(query))
    else:
        rank = _sqlite_rank(query, fields)
    return queryset.annotate(search_rank=rank)


def ranked[QS: QuerySet](queryset: QS, query: "str | Query", fields: Fields) -> QS:
    """Matching rows with a `search_rank` annotation, best first (ties keep their order)."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    return with_rank(queryset, query, fields).order_by("-search_rank", *ordering)


# What matching a row's stored vector costs, as the planner should see it (in units of
# cpu_operator_cost; PostgreSQL says 1). Postings' vectors are large and kept out of the row
# (TOAST): reading and decompressing one costs about half a page read. Told, the planner asks the
# GIN index for a common word under a LIMIT instead of checking row after row (a capped count of
# a keyword and a level: 70–90 ms to 20 ms at 100,000 postings; a keyword, a city and the
# highest pay first: 700 ms to 30 ms). Set by core/migrations/0003 where the database user may.
MATCH_COST = 200
MATCH_FUNCTION = "ts_match_vq(tsvector, tsquery)"


def tell_the_planner_what_a_match_costs(
    connection: BaseDatabaseWrapper, cost: int = MATCH_COST
) -> bool:
    """Sets the cost of `vector @@ query` in this database, when the user may change it (a
    superuser, or the function's owner); False when it may not (a managed PostgreSQL often
    keeps that to the provider: planned_from_the_index then steers the capped counts)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_has_role(proowner, 'USAGE') FROM pg_proc WHERE oid = %s::regprocedure",
            [MATCH_FUNCTION],
        )
        if not cursor.fetchone()[0]:
            return False
        cursor.execute(f"ALTER FUNCTION {MATCH_FUNCTION} COST {int(cost)}")
    return True


@lru_cache
def _planner_knows_the_match_cost(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT procost FROM pg_proc WHERE oid = %s::regprocedure", [MATCH_FUNCTION])
        return cursor.fetchone()[0] >= MATCH_COST


def matches_words(queryset: QuerySet) -> bool:
    """True when `queryset` matches words against PostgreSQL's stored vector (search())."""
    return "search_vector_" in queryset.query.annotations


# A capped count of a keyword's matches planned from the indexes alone (bitmap scans: the GIN
# index for the words, ANDed with the other filters' indexes), sent in one message with its
# statement: PostgreSQL runs such a message as one transaction, so the settings end with it.
# Planned freely, a count whose words are rare among the other filters' rows walked an index or
# the table and read each row's vector: "senior" with the entry and executive levels 165–220 ms,
# a keyword and a role 15–45 ms, where the GIN index answers in a few milliseconds. Over the
# bench's first views, keyword counts went from 5.0 to 3.4 ms on average (the API's, to 1,000,
# 4.8 to 4.0) and their p99 from 18 to 10 ms.
STEERED = ("enable_seqscan", "enable_indexscan")
FROM_THE_INDEXES = "".join(f"SET LOCAL {name} = off; " for name in STEERED)


def count_from_the_indexes(connection: BaseDatabaseWrapper, sql: str, params: Sequence) -> int:
    """The count `sql` selects, planned from the indexes alone (a keyword count, above); as
    planned freely where the statements cannot share a message (a cursor that binds parameters
    on the server takes one statement a message)."""
    with connection.cursor() as cursor:
        if not isinstance(cursor.cursor, psycopg.ClientCursor):
            cursor.execute(sql, params)
            return cursor.fetchone()[0]
        # Inside a transaction of the caller's the settings would last to its end: they are
        # put back as they were (read first, one more round trip, only there).
        before = _settings(cursor) if connection.in_atomic_block else dict.fromkeys(STEERED)
        restore = "".join(
            f"; SET LOCAL {name} TO {'DEFAULT' if value is None else value}"
            for name, value in before.items()
        )
        cursor.execute(f"{FROM_THE_INDEXES}{sql}{restore}", params)
        while cursor.description is None:  # past the settings' results to the count's
            if not cursor.nextset():
                raise RuntimeError("the count's message returned no count")
        return cursor.fetchone()[0]


def _settings(cursor: Any) -> dict[str, str]:
    cursor.execute(f"SELECT {', '.join('current_setting(%s)' for _ in STEERED)}", STEERED)
    values = cursor.fetchone()
    return {
        name: "on" if value == "on" else "off" for name, value in zip(STEERED, values, strict=True)
    }


@contextmanager
def planned_from_the_index(queryset: QuerySet) -> Iterator[None]:
    """Inside, PostgreSQL plans without sequential scans when `queryset` matches words against a
    stored (indexed) vector and the planner was not told what a match costs (MATCH_COST);
    elsewhere it changes nothing.

    Untold, the planner counts checking a row's words as nearly free, so under a LIMIT (a
    count that stops at 1,000) it reads the table in order and matches each row's vector: 60–100
    ms to find a thousand matches of a common word among 100,000 postings, against 15–20 ms
    from the index. The setting is the transaction's own (SET LOCAL), so it ends with it, even
    behind a pooler that hands the connection to another client; inside a transaction already
    open it lasts until that one ends."""
    connection = connections[queryset.db]
    if (
        connection.vendor != "postgresql"
        or not matches_words(queryset)
        or _planner_knows_the_match_cost(queryset.db)
    ):
        yield
        return
    with transaction.atomic(using=queryset.db, savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


# --- PostgreSQL ------------------------------------------------------------------------------


def _vector(fields: Fields) -> Combinable:
    if fields.vector_column:
        return F(fields.vector_column)
    parts = [
        SearchVector(*names, config=CONFIG, weight=weight) for weight, names in fields.by_weight()
    ]
    return reduce(add, parts)


def _tsquery_term(term: Term) -> SearchQuery:
    if term.prefix:
        # Only letters and digits reach here (core.textsearch.query), so the raw syntax is safe.
        return SearchQuery(f"{term.words[0]}:*", search_type="raw", config=CONFIG)
    if term.is_phrase:
        return SearchQuery(" ".join(term.words), search_type="phrase", config=CONFIG)
    return SearchQuery(term.words[0], search_type="plain", config=CONFIG)


def _tsquery(query: Query) -> SearchQuery:
    clauses = [reduce(or_, map(_tsquery_term, clause)) for clause in query.clauses]
    wanted = reduce(and_, clauses)
    for term in query.excluded:
        wanted &= ~_tsquery_term(term)
    return wanted


# --- SQLite ----------------------------------------------------------------------------------


def _pattern(term: Term) -> str:
    # Python's re (Django registers it as SQLite's REGEXP): a word start, then the words in order.
    return r"\b" + r"[\W_]+".join(re.escape(word) for word in term.words)


def _term_in(term: Term, names: tuple[str, ...], fields: Fields) -> Q:
    pattern = _pattern(term)
    return reduce(
        or_,
        (Q(**{f"{name}__iregex": pattern}) & fields.only_when.get(name, Q()) for name in names),
    )


def _sqlite_match(query: Query, fields: Fields) -> Q:
    names = tuple(name for _, group in fields.by_weight() for name in group)
    wanted = reduce(
        and_,
        (reduce(or_, (_term_in(t, names, fields) for t in clause)) for clause in query.clauses),
    )
    for term in query.excluded:
        wanted &= ~_term_in(term, names, fields)
    return wanted


def _sqlite_rank(query: Query, fields: Fields) -> Coalesce:
    scores = []
    for term in query.terms:
        whens = [
            When(_term_in(term, names, fields), then=Value(WEIGHTS[weight]))
            for weight, names in fields.by_weight()
        ]
        scores.append(Case(*whens, default=Value(0.0), output_field=FloatField()))
    return Coalesce(reduce(add, scores), Value(0.0))
