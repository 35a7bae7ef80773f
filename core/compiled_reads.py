"""Reads of a fixed shape whose SQL Django compiles once per process and database.

Django builds and compiles a queryset's SQL every time it is read: for a posting with its
company and role (sixty columns, two joins) that is about 0.7 ms of CPU, an eighth of a job
page's first view, for SQL that differs between two pages only in the slug. A `CompiledRead`
builds its queryset once with stand-in values, compiles it, notes where each stand-in landed
among the statement's parameters, and later runs the same statement with the values of the
moment. Rows become model instances through Django's own iterable (related rows from
select_related, deferred fields, the queryset's fetch mode), as if the queryset had been read.

Values may be strings, whole numbers or aware datetimes: each reaches the statement as a
parameter whatever it is (a None would compile to IS NULL, a list to as many placeholders as it
has items, so neither is accepted). A value that Django writes into the SQL text itself, or that
does not reach the parameters, is refused when the read is first compiled. A value may also be a
statement of its own (`RawSQL`, such as the ids of a page's rows), written into the statement
where its stand-in was, with its parameters among the others.
"""

import itertools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.query import ModelIterable


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet = field(repr=False)  # (its repr would read it)
    compiler: Any = field(repr=False)
    sql: str
    # Each parameter: ("value", name) for a value given to the read, else ("constant", value).
    slots: tuple[tuple[str, Any], ...]
    # A statement given as a value: its name, and the statement's text and slots around it.
    inner: tuple[str, str, str, int] | None = None
    # The statement's name when prepared on a session (core/postgresql: a statement whose text is
    # fixed, so not one with a statement given as a value).
    name: str = ""
    # Each connection's converters of the selected columns: Django works them out on every read
    # (about sixty columns for a posting with its company and role: 0.3–0.4 ms of a job page).
    converters: dict[BaseDatabaseWrapper, dict] = field(default_factory=dict, compare=False)


class CompiledRead[M: Model]:
    """`read(**values)`: the rows of `build(**values)`, a queryset of `model`, compiled once.

    `kinds` names each value and its type (str, int, datetime, or RawSQL for at most one); `build`
    must give a queryset of the same shape for any values of those types."""

    def __init__(self, model: type[M], build: Callable[..., QuerySet[M]], **kinds: type) -> None:
        for name, kind in kinds.items():
            if kind not in (str, int, datetime, RawSQL):
                raise TypeError(
                    f"{name}: a compiled read takes str, int, datetime or RawSQL values"
                )
        if list(kinds.values()).count(RawSQL) > 1:
            raise TypeError("a compiled read takes at most one RawSQL value")
        self.model = model
        self.build = build
        self.kinds = kinds
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def __call__(self, using: str | None = None, **values: Any) -> list[M]:
        """The rows for `values`, from the database `using` (by default the one the routers
        pick for reading the model)."""
        if values.keys() != self.kinds.keys():
            raise TypeError(f"a compiled read takes {sorted(self.kinds)}, got {sorted(values)}")
        for name, value in values.items():
            kind = self.kinds[name]
            naive = isinstance(value, datetime) and value.tzinfo is None
            if not isinstance(value, kind) or naive or isinstance(value, bool):
                raise TypeError(
                    f"{name}: expected {'an aware ' if kind is datetime else ''}"
                    f"{kind.__name__}, got {value!r}"
                )
        db = using or router.db_for_read(self.model)
        compiled = self._compiled.get(db) or self._compile(db)
        connection = connections[db]
        sql = compiled.sql
        params = tuple(
            _adapted(connection, values[held]) if slot == "value" else held
            for slot, held in compiled.slots
        )
        if compiled.inner is not None:
            name, before, after, at = compiled.inner
            statement = values[name]
            sql = f"{before}{statement.sql}{after}"
            params = (*params[:at], *statement.params, *params[at:])
        else:
            # PostgreSQL: prepared once per session, then executed by name (planning the job
            # page's posting read was most of its database time).
            prepared = getattr(connection, "prepared_statement", None)
            sql = (prepared and prepared(compiled.name, sql)) or sql
        # A copy of the compiled compiler that answers with this read's parameters (Django's
        # iterable asks the query for a compiler and the compiler for its SQL).
        compiler = _shallow_copy(compiled.compiler)
        compiler.connection = connection  # this thread's: Django's connections are per thread
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        converters = compiled.converters.get(connection)
        if converters is None:
            converters = _converters(compiled, connection)
        # (Asked for by `results_iter` alone, for the statement's selected columns.)
        compiler.get_converters = lambda expressions: converters
        query = _shallow_copy(compiled.queryset.query)
        query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign]
        queryset = _shallow_copy(compiled.queryset)
        queryset.query = query
        return list(ModelIterable(queryset))

    def _compile(self, db: str) -> _Compiled:
        with self._lock:
            if db in self._compiled:
                return self._compiled[db]
            # Compiled twice, with two sets of stand-ins: a value that a shape depends on, or
            # that the ORM turns into something else (a prefix match, a date less a day), gives
            # two statements that differ in more than the values.
            compiled, again = self._compiled_with(db, 0), self._compiled_with(db, 100)
            if _shape(compiled) != _shape(again):
                raise ValueError(
                    "the statement differs with the values in more than their parameters, so "
                    "it cannot be compiled once for every value"
                )
            self._compiled[db] = compiled
            return compiled

    def _compiled_with(self, db: str, first: int) -> _Compiled:
        connection = connections[db]
        stand_ins = {
            name: _stand_in(kind, first + n) for n, (name, kind) in enumerate(self.kinds.items())
        }
        queryset = self.build(**stand_ins).using(db)
        if (
            getattr(queryset, "_prefetch_related_lookups", None)
            or queryset._iterable_class is not ModelIterable
        ):
            raise ValueError("a compiled read reads model instances, without prefetching")
        compiler = queryset.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        adapted = {name: _adapted(connection, value) for name, value in stand_ins.items()}
        slots = []
        for param in params:
            named = [name for name, value in adapted.items() if value == param]
            slots.append(("value", named[0]) if named else ("constant", param))
        placed = {held for slot, held in slots if slot == "value"}
        inner = None
        for name, value in stand_ins.items():
            if isinstance(value, RawSQL):
                parts = sql.split(value.sql)
                if len(parts) != 2:
                    raise ValueError(f"{name!r} is not written into the statement once")
                before, after = parts
                # Parameters before the statement's place ("%%" is a percent sign).
                at = re.findall(r"%%|%s", before).count("%s")
                inner = (name, before, after, at)
            elif name not in placed or str(adapted[name]) in sql:
                raise ValueError(
                    f"{name!r} does not reach the statement's parameters as one value, so "
                    "the statement cannot be compiled once for every value"
                )
        name = f"compiled_read_{next(_names)}"
        return _Compiled(queryset, compiler, sql, tuple(slots), inner, name)


def _converters(compiled: _Compiled, connection: BaseDatabaseWrapper) -> dict:
    """The converters Django applies to the statement's selected columns on `connection`
    (a backend's converters are methods of its connection's operations), kept for the next read."""
    compiler = _shallow_copy(compiled.compiler)
    compiler.connection = connection
    columns = [selected[0] for selected in compiler.select[0 : compiler.col_count]]
    converters = compiler.get_converters(columns)
    if len(compiled.converters) >= CONNECTIONS_KEPT:
        compiled.converters.clear()  # (one connection per thread: only a test server has more)
    compiled.converters[connection] = converters
    return converters


CONNECTIONS_KEPT = 64


# Each compiled statement's name on a database session, unique in the process.
_names = itertools.count(1)


def _shape(compiled: _Compiled) -> tuple:
    """A compiled read without its stand-ins: its text, and its parameters' places."""
    text = compiled.sql if compiled.inner is None else compiled.inner[1:]
    return (text, compiled.slots)


# Stand-ins no query holds as a constant (each value its own, so that two values are told
# apart): a string no page could ask for, a number no row has, a moment in 1901, a statement
# that names itself. The stand-in query is compiled, never run.
def _stand_in(kind: type, n: int) -> Any:
    if kind is str:
        return f"\x1ecompiled-read-value-{n}\x1e"
    if kind is int:
        return -7_319_020_304_050_000 - n
    if kind is RawSQL:
        return RawSQL(f"SELECT NULL /* compiled-read-value-{n} */", ())
    return datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC) + timedelta(microseconds=n + 1)


def _shallow_copy[T](thing: T) -> T:
    """A new object sharing `thing`'s attributes (copy.copy would read a queryset whole: its
    pickling state is its rows)."""
    copied = object.__new__(type(thing))
    copied.__dict__.update(thing.__dict__)
    return copied


def _adapted(connection: BaseDatabaseWrapper, value: Any) -> Any:
    """The value as Django passes it to the database (SQLite writes datetimes as text)."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value
