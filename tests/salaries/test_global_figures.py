"""Every title's global figures are one fragment the guides and comparisons share: read once
while the figures stay the same, read again once they change."""

import pytest

from salaries.figures import global_figures_by_name
from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.factories import make_role, make_salary_records

pytestmark = pytest.mark.django_db


def test_figures_are_read_once_and_again_after_a_change(django_assert_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 600
    make_role(name="Data Engineer", broader_titles="")
    make_role(name="Data Analyst", broader_titles="")
    engineer = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(engineer, [100_000, 120_000, 140_000, 160_000, 180_000])
    refresh_stats()

    with django_assert_num_queries(1):
        figures = global_figures_by_name(["Data Engineer", "Data Analyst", "No Such Title"])
    assert list(figures) == ["Data Engineer"]  # the analyst has no records yet
    assert figures["Data Engineer"].overall.p50 == 140_000
    with django_assert_num_queries(0):  # another page naming the same titles
        assert global_figures_by_name(["Data Engineer"])["Data Engineer"].overall.p50 == 140_000

    analyst = SalaryTitle.objects.get(name="Data Analyst")
    make_salary_records(analyst, [60_000, 70_000, 80_000, 90_000, 100_000])
    refresh_stats()  # tells the pages their figures changed
    with django_assert_num_queries(1):
        figures = global_figures_by_name(["Data Analyst", "Data Engineer"])
    assert figures["Data Analyst"].overall.p50 == 80_000
