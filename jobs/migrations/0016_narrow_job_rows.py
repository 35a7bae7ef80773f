"""Keeps a posting's long text out of the table's rows on PostgreSQL (toast_tuple_target).

A row held its description, its HTML and its search vector inline as far as they fitted: about
3 KB, so 100,000 postings took 166–330 MB of heap, more than a default shared_buffers. Every
filter, count and card read touched those pages. Moved out of line (TOAST) once a row passes
1 KB, the three long values leave rows of about 450 bytes (42 MB for 100,000 postings), and only
a posting's own page reads its description back. Short columns stay in the row: the target is
above what they take together.

Rows written before this migration keep their layout until they are next written; to move them
all at once, run `VACUUM FULL jobs_job` in a quiet minute (it locks the table: seconds at
100,000 postings) or pg_repack (docs/performance.md, "Narrow rows"). Nothing changes on SQLite."""

from django.db import migrations

from core.postgres_sql import on_postgresql

NARROW = "ALTER TABLE jobs_job SET (toast_tuple_target = 1024)"
DEFAULT = "ALTER TABLE jobs_job RESET (toast_tuple_target)"


class Migration(migrations.Migration):
    dependencies = [("jobs", "0015_company_logo_from_library")]

    operations = [migrations.RunPython(on_postgresql(NARROW), on_postgresql(DEFAULT))]
