"""A comparison runs a fixed number of queries whatever the data size (at most six, as every
public page), and so do the index and the API; measured uncached, with small and ten times
the data."""

import pytest
from django.core.cache import caches

from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.factories import make_guide, make_job, make_role, make_salary_records

ADDRESSES = {
    "/roles/compare/analytics-engineer-vs-data-analyst/": 6,
    "/roles/compare/": 3,
    "/roles/compare/?a=data-analyst": 3,
    "/roles/data-analyst/": 5,  # the picker comes with the role
    "/api/v1/roles/compare/?a=data-analyst&b=analytics-engineer": 6,
    "/sitemap-comparisons.xml": 5,
}


def grow(pair, times: int) -> None:
    first, second = pair
    for n in range(times):
        role = make_role(skills=f"Skill {n}\nSQL")
        for owner in (first, second, role):
            make_job(role=owner, skills=f"SQL, Skill {n}, Python")
        make_guide(first_role=first, second_role=role)
        make_guide(first_role=second)
        for slug in (first.slug, second.slug):
            title = SalaryTitle.objects.get(slug=slug)
            make_salary_records(title, [90_000 + n * 100 + i for i in range(6)], level="entry")
    refresh_stats()


@pytest.mark.parametrize("address", ADDRESSES)
def test_queries_stay_fixed_as_the_data_grows(client, pair, address, django_assert_num_queries):
    for times in (1, 9):  # then ten times the first data
        grow(pair, times)
        for cache in caches.all():
            cache.clear()
        with django_assert_num_queries(ADDRESSES[address]):
            assert client.get(address).status_code == 200
