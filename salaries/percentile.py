"""A continuous percentile aggregate computed in the database.

PostgreSQL has `percentile_cont(f) WITHIN GROUP (ORDER BY x)`. SQLite has no such function, so
`register_sqlite_percentile` adds one to every SQLite connection, computed exactly the way
PostgreSQL does (linear interpolation between the two nearest ranks, in double precision), so
both databases give identical figures.
"""

import json
import math

from django.db.models import Aggregate, FloatField, TextField

SQLITE_FUNCTION = "JOBBOARD_PERCENTILE_CONT"
SQLITE_SALARY_FUNCTION = "JOBBOARD_SALARY_PERCENTILES"
# The percentiles salary pages show, in order.
SALARY_FRACTIONS = (0.1, 0.25, 0.5, 0.75, 0.9)


class PercentileCont(Aggregate):
    function = "percentile_cont"
    name = "PercentileCont"
    output_field = FloatField()
    arity = 1

    def __init__(self, expression, fraction: float, **extra):
        fraction = float(fraction)
        if not 0 <= fraction <= 1:
            raise ValueError("A percentile fraction lies between 0 and 1.")
        # A float we made ourselves, written into the SQL as a literal (no user input).
        super().__init__(expression, fraction=repr(fraction), **extra)

    # Aggregate.as_sql() takes the same arguments as this; the stubs give it Func's signature.
    def as_sql(self, compiler, connection, **extra_context):  # type: ignore[override]
        extra_context.setdefault(
            "template", "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
        )
        return super().as_sql(compiler, connection, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function=SQLITE_FUNCTION,
            template="%(function)s(%(expressions)s, %(fraction)s)",
            **extra_context,
        )


class SalaryPercentilesSqlite(Aggregate):
    """SQLite only: SALARY_FRACTIONS' percentiles of a group in one pass (one sort instead of
    five), as a JSON list; the same arithmetic as PercentileCont."""

    function = SQLITE_SALARY_FUNCTION
    name = "SalaryPercentilesSqlite"
    output_field = TextField()
    arity = 1


def interpolated_percentile(ordered: list[float], fraction: float) -> float:
    """PostgreSQL's percentile_cont over values already sorted."""
    position = fraction * (len(ordered) - 1)
    first, second = math.floor(position), math.ceil(position)
    low, high = float(ordered[first]), float(ordered[second])
    if first == second:
        return low
    return low + (high - low) * (position - first)


class _SqlitePercentile:
    def __init__(self):
        self.values: list[float] = []
        self.fraction = 0.5

    def step(self, value, fraction):
        if value is not None:
            self.values.append(float(value))
            self.fraction = fraction

    def finalize(self):
        if not self.values:
            return None
        self.values.sort()
        return interpolated_percentile(self.values, self.fraction)


class _SqliteSalaryPercentiles:
    def __init__(self):
        self.values: list[float] = []

    def step(self, value):
        if value is not None:
            self.values.append(float(value))

    def finalize(self):
        if not self.values:
            return None
        self.values.sort()
        return json.dumps([interpolated_percentile(self.values, f) for f in SALARY_FRACTIONS])


def register_sqlite_percentile(sender, connection, **kwargs) -> None:
    """connection_created receiver: give SQLite connections the percentile aggregates."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_FUNCTION, 2, _SqlitePercentile)
        connection.connection.create_aggregate(SQLITE_SALARY_FUNCTION, 1, _SqliteSalaryPercentiles)
