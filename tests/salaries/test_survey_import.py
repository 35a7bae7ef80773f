"""import_salaries: the public data set's columns, bad rows reported by line, idempotent."""

import io

import pytest
from django.core.management import CommandError, call_command

from salaries.models import SalaryRecord, SalaryStat, SalaryTitle, UnmatchedTitle
from salaries.survey import COLUMNS, import_survey
from tests.factories import make_role

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD = [
    "2024,SE,FT,Sr. ML Engineer II,150000,USD,150000,US,100,US,L",
    "2024,MI,FT,Machine Learning Engineer,70000,EUR,75600,DE,50,DE,M",
    "2023,EN,FT,ML Engineer,90000,USD,90000,US,0,US,S",
    '2025,EX,FT,"Machine Learning Engineer, Search",250000,USD,250000,US,100,US,L',
    "2025,SE,PT,Data Wrangler,40000,USD,40000,CA,0,CA,S",
]


def write_csv(tmp_path, lines, name="survey.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def run(path, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_salaries", str(path), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def ml_title():
    make_role(name="Machine Learning Engineer", broader_titles="")
    return SalaryTitle.objects.get(name="Machine Learning Engineer")


def test_imports_rows_normalizes_titles_and_refreshes_figures(tmp_path, ml_title):
    out, err = run(write_csv(tmp_path, GOOD))
    assert err == ""
    assert "Read 5 rows" in out and "imported 5" in out and "skipped 0" in out
    records = SalaryRecord.objects.order_by("pk")
    assert records.count() == 5
    first = records[0]
    assert (first.title, first.level, first.year, first.country, first.amount_usd) == (
        ml_title,
        "senior",
        2024,
        "US",
        150_000,
    )
    assert first.raw_title == "Sr. ML Engineer II" and first.employment_type == "full_time"
    assert records[1].amount_usd == 75_600  # the survey's own dollar figure
    assert records[3].title == ml_title  # "…, Search" qualifier dropped
    assert records[4].title is None and records[4].employment_type == "part_time"
    assert UnmatchedTitle.objects.get().example == "Data Wrangler"
    stat = SalaryStat.objects.get(title=ml_title, country="", level="", year=0)
    assert stat.count == 4 and stat.p50 == 120_000


def test_bad_rows_are_reported_with_line_numbers_and_the_rest_load(tmp_path, ml_title):
    lines = [
        GOOD[0],
        "2024,XX,FT,Data Scientist,1,USD,1,US,0,US,M",  # line 3
        "2024,SE,FT,Data Scientist,100000,USD,lots,US,0,US,M",  # line 4
        "2024,SE,FT,Data Scientist,100000,USD,100000,ZZ,0,US,M",  # line 5
        "2024,SE,FT,,100000,USD,100000,US,0,US,M",  # line 6
        "1999,SE,FT,Data Scientist,100000,USD,100000,US,0,US,M",  # line 7
        "2024,SE,FT,Data Scientist,100000,USD,100000,US,0",  # line 8
        "2024,SE,XX,Data Scientist,100000,USD,100000,US,0,US,M",  # line 9
        "2024,SE,FT,Data Scientist,100000,USD,-5,US,0,US,M",  # line 10
        "2024,SE,FT,Data Scientist,100000,USD,100000,US,0,US,M,extra",  # line 11
        GOOD[1],
    ]
    out, err = run(write_csv(tmp_path, lines))
    assert "imported 2" in out and "skipped 9 bad row(s)" in out
    reported = err.strip().splitlines()
    assert len(reported) == 9
    expected = {
        3: "experience_level 'XX' is not one of EN, MI, SE, EX",
        4: "salary_in_usd 'lots' is not a number",
        5: "employee_residence 'ZZ' is not an ISO 3166 country code",
        6: "job_title is empty",
        7: "work_year 1999 is outside",
        8: "9 fields, expected 11",
        9: "employment_type 'XX' is not one of FT, PT, CT, FL",
        10: "salary_in_usd -5 is outside 1 to 10,000,000",
        11: "12 fields, expected 11",
    }
    for line, message in zip(expected.items(), reported, strict=True):
        number, reason = line
        assert message.startswith(f"survey.csv, line {number}: {reason}"), message
    assert SalaryRecord.objects.count() == 2


def test_a_quoted_title_spanning_lines_reports_the_right_line(tmp_path, ml_title):
    lines = [
        '2024,SE,FT,"Machine Learning\nEngineer",1,USD,1,US,0,US,M',
        "2024,SE,FT,X,1,USD,x,US,0,US,M",
    ]
    _, err = run(write_csv(tmp_path, lines))
    assert "line 4: salary_in_usd 'x' is not a number" in err


def test_importing_again_replaces_the_data_set(tmp_path, ml_title):
    path = write_csv(tmp_path, GOOD)
    run(path)
    out, _ = run(path)
    assert SalaryRecord.objects.count() == 5
    assert "replaced 5 from its last import" in out
    # A shorter version of the same data set replaces the longer one.
    run(write_csv(tmp_path, GOOD[:2]))
    assert SalaryRecord.objects.count() == 2
    # Another data set is added beside it.
    run(write_csv(tmp_path, GOOD[:3]), dataset="another survey")
    assert SalaryRecord.objects.count() == 5


def test_rows_stream_in_batches(ml_title):
    lines = [HEADER + "\n"] + [row + "\n" for row in GOOD * 7]
    bad = []
    result = import_survey(
        iter(lines), dataset="batches", on_bad_row=lambda *a: bad.append(a), batch_size=4
    )
    assert (result.rows, result.imported, result.bad, result.unmatched) == (35, 35, 0, 7)
    assert SalaryRecord.objects.filter(dataset="batches").count() == 35


def test_a_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,pay\nAda,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        run(path)
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "missing.csv")


def test_a_leading_index_column_and_extra_columns_are_ignored(tmp_path, ml_title):
    path = tmp_path / "kaggle.csv"
    path.write_text(f",{HEADER},note\n0,{GOOD[0]},hello\n1,{GOOD[1]},\n", encoding="utf-8")
    out, err = run(path)
    assert err == "" and "imported 2" in out
