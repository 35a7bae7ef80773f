"""Tells PostgreSQL's planner what matching a posting's stored search vector costs
(core.textsearch.engine.MATCH_COST), where the database user may; nothing elsewhere."""

from django.db import migrations

from core.textsearch.engine import tell_the_planner_what_a_match_costs


def told(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        tell_the_planner_what_a_match_costs(schema_editor.connection)


def untold(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        tell_the_planner_what_a_match_costs(schema_editor.connection, cost=1)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_page_generation")]

    operations = [migrations.RunPython(told, untold, elidable=False)]
