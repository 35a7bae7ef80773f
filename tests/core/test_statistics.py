"""Bulk loads end with fresh planner statistics on PostgreSQL (ANALYZE), so the pages right after
a load are planned with what the tables hold; SQLite is left alone."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from salaries.survey import COLUMNS

pytestmark = pytest.mark.django_db

SURVEY = [",".join(COLUMNS), "2024,SE,FT,ML Engineer,150000,USD,150000,US,100,US,L"]


def statements(command: str, *args, **options) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        call_command(command, *args, stdout=io.StringIO(), stderr=io.StringIO(), **options)
    return [query["sql"].strip().upper() for query in queries.captured_queries]


def commands(tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text("\n".join(SURVEY) + "\n", encoding="utf-8")
    return {
        "generate_jobs": (("--count", "3"), {}),
        "load_demo": ((), {}),
        "import_salaries": ((str(survey),), {}),
    }


@pytest.mark.parametrize("command", ["generate_jobs", "load_demo", "import_salaries"])
def test_bulk_loads_analyze_when_they_finish(command, tmp_path, settings):
    settings.DEBUG = False  # load_demo makes no demo accounts
    args, options = commands(tmp_path)[command]
    sqls = statements(command, *args, **options)
    if connection.vendor != "postgresql":
        assert "ANALYZE" not in sqls
        return
    assert "ANALYZE" in sqls
    # (generate_jobs writes with COPY, which is not captured: then ANALYZE is simply there)
    writes = [i for i, sql in enumerate(sqls) if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    last_write = max(writes, default=-1)
    assert sqls.index("ANALYZE") > last_write, "ANALYZE ran before the load finished"
