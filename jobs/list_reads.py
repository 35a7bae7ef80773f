"""A job list's capped count and its pages, read with plain statements written around the
filters' WHERE clause, which Django compiles once for all of them.

Through the ORM each statement is built and compiled from the whole queryset: the count wraps the
filters in a subquery, and the first page (`FeaturedFirst`) repeats them in each of its parts and
around them, each level a copy of every filter's expressions. The WHERE clause is the only part
that depends on the filters, so it is compiled once here and the statements around it are
written out; the page's postings are read in one query, by the ids those statements pick, with
the queryset's own related rows and deferred fields.

A queryset these statements cannot stand for (a join in its filters, a slice, DISTINCT, a
grouping) is read through the ORM as before: `CompiledFilters.of` returns None for it.
"""

import copy
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.query import ModelIterable

from core.compiled_reads import CompiledRead
from core.textsearch import engine

# A part of `CompiledFilters.rows`: (condition or None, how many rows, after how many).
type Part = tuple[Q | None, int, int]


class CompiledFilters:
    """A queryset's WHERE clause as SQL and parameters, and the statements built around it."""

    def __init__(self, queryset: QuerySet, sql: str | None, params: Sequence[Any]) -> None:
        self.queryset = queryset
        self.model = queryset.model
        self.db = queryset.db
        quote = self.connection.ops.quote_name
        self.table = quote(self.model._meta.db_table)
        self.pk = f"{self.table}.{quote(self.model._meta.pk.column)}"
        self.sql = sql  # None: the filters match nothing
        self.params = tuple(params)

    @property
    def connection(self):
        return connections[self.db]

    @classmethod
    def of(cls, queryset: QuerySet) -> "CompiledFilters | None":
        """The queryset's filters compiled, or None when its query is more than a filter of one
        table's rows read whole: a join, a slice, DISTINCT, a grouping, extra SQL, a selected
        annotation, prefetched or known related objects, values() rows, or a condition on an
        aggregate or a window (`rows` reads the postings back with only the queryset's related
        rows and deferred fields)."""
        query = queryset.query
        # Joins the filters set up and then trimmed (`role=` compares role_id) stay in the
        # alias map, unreferenced.
        joined = [alias for alias in query.alias_map if query.alias_refcount[alias]]
        if (
            joined != [queryset.model._meta.db_table]
            or query.is_sliced
            or query.distinct
            or query.combinator
            or query.group_by is not None
            or query.extra
            or query.extra_tables
            or query.annotation_select
            # (Attributes of Django's QuerySet that the type stubs leave out.)
            or getattr(queryset, "_prefetch_related_lookups", None)
            or getattr(queryset, "_known_related_objects", None)
            or queryset._iterable_class is not ModelIterable
            or query.where.contains_aggregate
            or query.where.contains_over_clause
        ):
            return None
        sql, params = _compiled(queryset, query.where)
        return cls(queryset, sql, params)

    def count_up_to(self, limit: int, column: str, condition: Q | None = None) -> int:
        """How many rows match (and meet `condition`), counting no further than `limit`;
        `column` is the one read (an indexed one lets PostgreSQL count from the index alone)."""
        where, params = self._and(condition)
        if where is None:
            return 0
        quote = self.connection.ops.quote_name
        sql = (
            f"SELECT COUNT(*) FROM (SELECT {self.table}.{quote(column)} FROM {self.table}"
            f"{_where(where)} LIMIT {int(limit)}) counted"
        )
        if engine.matches_words(self.queryset) and self.connection.vendor == "postgresql":
            return engine.count_from_the_indexes(self.connection, sql, params)
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def rows(self, parts: Sequence[Part], order: Sequence[str], gather: bool = False) -> list:
        """Each part's rows in `order`, in one query and in no particular order, with the
        queryset's related rows and deferred fields. A part is a condition the rows also meet
        (None: none), how many are read and after how many: a featured-first list's first page
        is the newest featured rows and the newest others.

        `gather`, for filters known to match few rows: every match is read and then sorted.
        Otherwise PostgreSQL may walk the index in `order` and stop at the page's last row,
        which is quick when matches are many and reads most of the table when they are few
        and it guessed many (a city and remote work: 11 matches, estimated thousands, 100–200
        ms at 100,000 postings; read and sorted, 3 ms)."""
        columns = self._columns(order)
        statements: list[str] = []
        params: list[Any] = []
        for condition, limit, offset in parts:
            where, where_params = self._and(condition) if limit > 0 else (None, [])
            if where is None:
                continue  # the part matches nothing, or none of it is read
            if gather:
                source = self._gathered(columns, where)
                pk, sort = _unqualified(self.pk), self._order(order, qualified=False)
            else:
                source, pk, sort = f"{self.table}{_where(where)}", self.pk, self._order(order)
            statements.append(
                f"SELECT * FROM (SELECT {pk} FROM {source} ORDER BY {sort} "
                f"LIMIT {int(limit)} OFFSET {int(offset)}) part{len(statements)}"
            )
            params += where_params
        if not statements:
            return []
        ids = RawSQL(" UNION ".join(statements), params)
        return _by_ids(self.queryset)(using=self.db, ids=ids)

    def rows_top_pay_first(self, start: int, stop: int) -> list:
        """The rows from `start` to `stop` in "highest salary first" order (TOP_PAY_FIRST, then
        the newest), every match read and then sorted: for filters known to match few rows
        (`gather` in `rows`). In no particular order; `top_pay_first` sorts them."""
        where, params = self._and(None)
        if where is None or stop <= start:
            return []
        pay, posted = self._column("salary_yearly_usd"), self._column("posted_at")
        source = self._gathered([self.pk, f"COALESCE({pay}, 0) AS pay", posted], where)
        ids = RawSQL(
            f"SELECT {_unqualified(self.pk)} FROM {source} "
            f"ORDER BY pay DESC, {_unqualified(posted)} DESC, {_unqualified(self.pk)} DESC "
            f"LIMIT {int(stop - start)} OFFSET {int(start)}",
            params,
        )
        return _by_ids(self.queryset)(using=self.db, ids=ids)

    def _gathered(self, columns: Sequence[str], where: str) -> str:
        """Every matching row's `columns`, as a subquery to sort (`gather` in `rows`)."""
        # OFFSET 0 keeps PostgreSQL from folding the subquery into the sorted read.
        fence = " OFFSET 0" if self.connection.vendor == "postgresql" else ""
        return f"(SELECT {', '.join(columns)} FROM {self.table}{_where(where)}{fence}) gathered"

    def _and(self, condition: Q | None) -> tuple[str | None, list]:
        """The filters and `condition` as one WHERE clause and its parameters (None: no row)."""
        if self.sql is None or condition is None:
            return self.sql, list(self.params)
        more, more_params = _compiled(self.model._default_manager.filter(condition))
        if more is None:
            return None, []
        where = " AND ".join(f"({sql})" for sql in (self.sql, more) if sql)
        return where, [*self.params, *more_params]

    def _order(self, order: Sequence[str], qualified: bool = True) -> str:
        """ORDER BY for field names, "-" first for descending ("pk" is the primary key)."""
        terms = []
        for name in order:
            column = self._column(name) if qualified else _unqualified(self._column(name))
            terms.append(f"{column} DESC" if name.startswith("-") else f"{column} ASC")
        return ", ".join(terms)

    def _columns(self, order: Sequence[str]) -> list[str]:
        """The primary key and each column of `order`, each once."""
        return list(dict.fromkeys([self.pk, *(self._column(name) for name in order)]))

    def _column(self, name: str) -> str:
        """A field's column with its table ("-posted_at", "pk")."""
        meta = self.model._meta
        field = meta.pk if name.lstrip("-") == "pk" else meta.get_field(name.lstrip("-"))
        return f"{self.table}.{self.connection.ops.quote_name(field.column)}"


# Postings by ids with a queryset's related rows and deferred fields, one read compiled once
# per such shape (a list's cards, the API's postings with their roles): compiling it took
# 0.35–0.45 ms of each list's first page.
_reads_by_ids: dict[tuple, CompiledRead] = {}


def _by_ids(queryset: QuerySet) -> CompiledRead:
    query, model = queryset.query, queryset.model
    shape = (model, repr(query.select_related), repr(query.deferred_loading))
    read = _reads_by_ids.get(shape)
    if read is None:
        related, deferred = copy.deepcopy(query.select_related), query.deferred_loading

        def build(ids: RawSQL) -> QuerySet:
            rows = model._default_manager.filter(pk__in=ids).order_by()
            rows.query.select_related = related
            rows.query.deferred_loading = deferred
            return rows

        read = _reads_by_ids[shape] = CompiledRead(model, build, ids=RawSQL)
    return read


def _compiled(queryset: QuerySet, where=None) -> tuple[str | None, Sequence[Any]]:
    """The queryset's WHERE clause: ("", ()) when it matches every row, (None, ()) when none."""
    query = queryset.query
    compiler = query.get_compiler(using=queryset.db)
    try:
        return compiler.compile(query.where if where is None else where)
    except FullResultSet:
        return "", ()
    except EmptyResultSet:
        return None, ()


def _unqualified(column: str) -> str:
    """A column's quoted name without its table's."""
    return column.rsplit(".", 1)[1]


def _where(sql: str) -> str:
    return f" WHERE {sql}" if sql else ""
