import pytest

from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.factories import make_guide, make_job, make_role, make_salary_records


@pytest.fixture
def pair(db):
    """Two published roles with pay at two levels, open jobs and skills, and a third role."""
    first = make_role(
        name="Analytics Engineer",
        slug="analytics-engineer",
        skills="SQL\nPyTorch\ndbt",
        tools="Programming languages: SQL, Python\nVisualization: Looker",
        industries="Finance: revenue reporting\nE-commerce",
    )
    second = make_role(
        name="Data Analyst",
        slug="data-analyst",
        skills="sql\npytorch \nExcel",
        tools="programming languages: sql, R\nData processing: pandas",
        industries="Finance: budgets\nHealthcare",
    )
    make_role(name="Data Engineer", slug="data-engineer")
    for role, base in ((first, 100_000), (second, 80_000)):
        title = SalaryTitle.objects.get(slug=role.slug)
        for level, extra in (("mid", 0), ("senior", 30_000)):
            amounts = [base + extra + 1000 * i for i in range(6)]
            make_salary_records(title, amounts, level=level)
    refresh_stats()
    for n in range(4):
        make_job(role=first, title=f"Analytics engineer {n}", skills="SQL, dbt, Looker")
    make_job(role=second, title="Data analyst", skills="sql, Excel")
    return first, second


@pytest.fixture
def editors_guide(pair):
    first, second = pair
    return make_guide(
        title="Analytics Engineer vs Data Analyst", slug="ae-vs-da", first_role=second,
        second_role=first,
    )  # fmt: skip
