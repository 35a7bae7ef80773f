"""Indexes for the location filter on PostgreSQL: it matches part of a city or remote region
(`icontains`, which PostgreSQL runs as UPPER(column) LIKE '%…%'), the region exactly and the
country, joined by OR. Trigram indexes serve the substring matches, so every branch of the OR
has an index and a rare city is found without reading the table. SQLite has no trigram
indexes: there the migration does nothing, and the filter reads the table as before."""

from django.db import migrations

INDEXES = {
    "job_city_trgm": "USING gin (UPPER(city::text) gin_trgm_ops)",
    "job_remote_region_trgm": "USING gin (UPPER(remote_region::text) gin_trgm_ops)",
    "job_region_upper": "(UPPER(region::text))",
    "job_country": "(country)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON jobs_job {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("jobs", "0007_role_newest_and_salary_indexes")]

    operations = [migrations.RunPython(create, drop)]
