"""Percentiles against hand-computed values, the same on SQLite and PostgreSQL; the cuts stored
per title; broader titles; what counts."""

import pytest
from django.db.models import Count

from salaries.models import SalaryRecord, SalaryStat, SalaryTitle
from salaries.percentile import PercentileCont, interpolated_percentile
from salaries.stats import refresh_stats
from tests.factories import make_role, make_salary_records

pytestmark = pytest.mark.django_db


def overall(title, country=""):
    return SalaryStat.objects.get(title=title, country=country, level="", year=0)


def percentiles(stat):
    return (stat.p10, stat.p25, stat.p50, stat.p75, stat.p90)


def test_percentiles_of_five_values_by_hand():
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    # Shuffled on purpose: the database sorts.
    make_salary_records(title, [30_000, 10_000, 50_000, 20_000, 40_000])
    refresh_stats()
    # Rank position = fraction × (n − 1): p10 at 0.4 → 10,000 + 0.4 × 10,000 = 14,000;
    # p90 at 3.6 → 40,000 + 0.6 × 10,000 = 46,000.
    assert percentiles(overall(title)) == (14_000, 20_000, 30_000, 40_000, 46_000)
    assert (overall(title).count, overall(title).surveys, overall(title).postings) == (5, 5, 0)


def test_percentiles_of_an_even_count_interpolate():
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [100_000, 200_000, 400_000, 800_000])
    refresh_stats()
    # Positions 0.3, 0.75, 1.5, 2.25, 2.7 over 100K, 200K, 400K, 800K.
    assert percentiles(overall(title)) == (130_000, 175_000, 300_000, 500_000, 680_000)


# Values whose percentiles fall between ranks at awkward fractions: the database's double
# arithmetic must match PostgreSQL's percentile_cont exactly on every backend.
AWKWARD = [101_333, 87_001, 250_777, 99_999, 120_003, 64_321, 180_555]


def test_database_percentile_matches_the_reference_exactly():
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, AWKWARD)
    ordered = sorted(AWKWARD)
    fractions = [0.1, 0.25, 0.5, 0.75, 0.9, 0.33]
    row = SalaryRecord.objects.aggregate(
        **{f"p{i}": PercentileCont("amount_usd", f) for i, f in enumerate(fractions)}
    )
    for i, fraction in enumerate(fractions):
        assert row[f"p{i}"] == interpolated_percentile(ordered, fraction)
    # Hand-computed: p10 at 0.6 → 64,321 + 0.6 × 22,680 = 77,929; p90 at 5.4 →
    # 180,555 + 0.4 × 70,222 = 208,643.8.
    assert row["p0"] == pytest.approx(77_929.0)
    assert row["p4"] == pytest.approx(208_643.8)


def test_grouped_percentiles_in_one_query(django_assert_num_queries):
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [10, 20, 30], level="entry")
    make_salary_records(title, [100, 300], level="senior")
    with django_assert_num_queries(1):
        rows = list(
            SalaryRecord.objects.values("level")
            .annotate(n=Count("pk"), median=PercentileCont("amount_usd", 0.5))
            .order_by("level")
        )
    assert rows == [
        {"level": "entry", "n": 3, "median": 20.0},
        {"level": "senior", "n": 2, "median": 200.0},
    ]


def test_cuts_by_level_year_and_country():
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [100, 200, 300], level="senior", year=2024, country="US")
    make_salary_records(title, [50, 60], level="entry", year=2025, country="DE")
    refresh_stats()
    stats = {(s.country, s.level, s.year): (s.count, s.p50) for s in title.stats.all()}
    assert stats == {
        ("", "", 0): (5, 100),
        ("", "senior", 0): (3, 200),
        ("", "entry", 0): (2, 55),
        ("", "", 2024): (3, 200),
        ("", "", 2025): (2, 55),
        ("US", "", 0): (3, 200),
        ("US", "senior", 0): (3, 200),
        ("US", "", 2024): (3, 200),
        ("DE", "", 0): (2, 55),
        ("DE", "entry", 0): (2, 55),
        ("DE", "", 2025): (2, 55),
    }


def test_broader_title_counts_the_titles_of_roles_that_name_it():
    make_role(name="Data Engineer", broader_titles="Engineer")
    make_role(name="MLOps Engineer", broader_titles="Engineer")
    data, mlops, engineer = (
        SalaryTitle.objects.get(name=n) for n in ("Data Engineer", "MLOps Engineer", "Engineer")
    )
    make_salary_records(data, [100, 200])
    make_salary_records(mlops, [300])
    make_salary_records(engineer, [400])
    refresh_stats()
    assert overall(engineer).count == 4
    assert overall(engineer).p50 == 250
    assert overall(data).count == 2  # the narrower title keeps only its own


def test_only_full_time_pay_counts_and_sources_are_counted():
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [100, 200, 300])
    make_salary_records(title, [5], employment_type="part_time")
    make_salary_records(title, [7], employment_type="internship")
    make_salary_records(title, [400], source="posting", dataset="", job_id=1)
    refresh_stats()
    stat = overall(title)
    assert (stat.count, stat.surveys, stat.postings) == (4, 3, 1)
    assert stat.p50 == 250


def test_refreshing_one_title_leaves_the_others_and_updates_its_broader_ones():
    make_role(name="Data Engineer", broader_titles="Engineer")
    make_role(name="Data Analyst", broader_titles="Analyst")
    data, analyst = (
        SalaryTitle.objects.get(name="Data Engineer"),
        SalaryTitle.objects.get(name="Data Analyst"),
    )
    make_salary_records(data, [100])
    make_salary_records(analyst, [10])
    refresh_stats()
    make_salary_records(data, [300])
    make_salary_records(analyst, [30])
    assert refresh_stats([data.pk]) == 2  # Data Engineer and Engineer
    assert overall(data).count == 2
    assert overall(SalaryTitle.objects.get(name="Engineer")).count == 2
    assert overall(analyst).count == 1  # not recomputed


def test_stored_figures_round_the_reference_percentiles():
    """The refresh path (GROUPING SETS on PostgreSQL, a one-pass aggregate on SQLite) gives the
    reference percentiles rounded to whole dollars."""
    make_role(name="Data Engineer", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, AWKWARD)
    refresh_stats()
    ordered = sorted(AWKWARD)
    expected = tuple(
        round(interpolated_percentile(ordered, f)) for f in (0.1, 0.25, 0.5, 0.75, 0.9)
    )
    assert percentiles(overall(title)) == expected
    assert expected == (77_929, 93_500, 101_333, 150_279, 208_644)
