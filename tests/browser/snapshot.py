"""A copy of every table's rows, to put the demo content back without running load_demo again.

The browser tests are transactional: each one ends with the database emptied, and the next needs
the demo content again. load_demo takes seconds (Markdown, generated jobs, the salary survey and
its figures); putting the same rows back takes a fraction of that. The first browser test in a
process runs load_demo itself and takes the copy.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

Tables = list[tuple[str, list[str], list[tuple]]]


def _models_in_insert_order() -> list:
    """Every model with a table, each after the models its foreign keys point to (PostgreSQL's
    search trigger reads a job's company and role when the job is inserted)."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    ordered, placed = [], set()

    def place(model, visiting: frozenset) -> None:
        if model in placed or model in visiting:  # a cycle: the deferred checks allow it
            return
        for field in model._meta.concrete_fields:
            target = field.related_model
            if target is not None and target is not model and target in models:
                place(target, visiting | {model})
        placed.add(model)
        ordered.append(model)

    for model in models:
        place(model, frozenset())
    return ordered


def take() -> Tables:
    tables = []
    with connection.cursor() as cursor:
        for model in _models_in_insert_order():
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table}")
            columns = [column[0] for column in cursor.description]
            tables.append((model._meta.db_table, columns, cursor.fetchall()))
    return tables


def restore(tables: Tables) -> None:
    """Empties every table and puts the copied rows back, as one transaction."""
    quote = connection.ops.quote_name
    names = [name for name, _, _ in tables]
    with transaction.atomic(), connection.cursor() as cursor:
        # Foreign keys are checked at commit (Django creates them deferrable on both backends).
        for sql in connection.ops.sql_flush(no_style(), names, allow_cascade=True):
            cursor.execute(sql)
        for name, columns, rows in tables:
            if rows:
                placeholders = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(name)} ({', '.join(map(quote, columns))}) "
                    f"VALUES ({placeholders})",
                    rows,
                )
        # PostgreSQL: the next ids follow the restored rows (SQLite keeps track by itself).
        for sql in connection.ops.sequence_reset_sql(no_style(), _models_in_insert_order()):
            cursor.execute(sql)
