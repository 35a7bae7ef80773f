"""Postings' long text kept out of the table's rows on PostgreSQL (jobs/migrations/0016), so
that filters, counts and cards read narrow rows; a posting's page still shows all of it."""

import pytest
from django.db import connection

from tests.factories import make_job

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: a table storage parameter (SQLite keeps rows its own way)",
    ),
]


def test_rows_move_long_text_out_and_the_page_still_shows_it(client):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'jobs_job'")
        assert cursor.fetchone()[0] == ["toast_tuple_target=1024"]
    # Words that compress badly, as real descriptions do: several kilobytes, read back whole.
    words = " ".join(f"term{n * 7919 % 100003}" for n in range(600))
    job = make_job(title="Retrieval Engineer", description=f"Build search.\n\n{words}")
    html = client.get(job.get_absolute_url()).content.decode()
    assert f"term{599 * 7919 % 100003}</p>" in html
