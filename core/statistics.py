"""Planner statistics after bulk loads.

A database filled in one go has no statistics until autovacuum gets to it (minutes later, or
never for a table that is not written again), and PostgreSQL plans blind meanwhile: pages took
0.1–1.5 s on a freshly generated 100,000-job database until it was analyzed. The commands that
load in bulk (`generate_jobs`, `load_demo`, `import_salaries`) call `analyze()` when they finish.
"""

from django.db import DEFAULT_DB_ALIAS, connections


def analyze(using: str = DEFAULT_DB_ALIAS) -> bool:
    """ANALYZE the whole database on PostgreSQL (seconds even at a million postings: it samples
    each table). SQLite plans well enough without statistics for the data it holds here, and its
    ANALYZE could change plans the tests were written against, so it is left alone. Statistics
    reach physical replicas with the rest of the primary's data. Whether ANALYZE ran."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True
