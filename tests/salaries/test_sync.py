"""The salary sync: what a posting write leaves for it, in a fixed number of statements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobs.models import Job
from roles.models import Role
from salaries.models import SalaryRecord, SalaryTitle, TitleAlias
from salaries.sync import sync_postings
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db


def test_a_role_saved_since_the_last_run_gets_its_salary_titles():
    Role.objects.create(name="Prompt Engineer", slug="prompt-engineer", status="published",
                        broader_titles="Engineer")  # fmt: skip
    assert not SalaryTitle.objects.filter(name="Prompt Engineer").exists()
    sync_postings()
    assert set(SalaryTitle.objects.values_list("name", flat=True)) >= {
        "Prompt Engineer",
        "Engineer",
    }


def test_roles_are_matched_through_the_editors_aliases():
    role = make_role(name="Data Scientist", broader_titles="")
    TitleAlias.objects.create(alias="Decision Scientist", title=SalaryTitle.objects.get())
    job = make_job(title="Senior Decision Scientist")
    sync_postings()
    job.refresh_from_db()
    assert job.role == role


def measure(count: int) -> int:
    company = make_company()
    for n in range(count):
        make_job(company=company, title="Data Engineer" if n % 2 else f"Weaver {n}")
    with CaptureQueriesContext(connection) as queries:
        result = sync_postings()
    assert result.postings == count
    return len(queries)


def test_the_sync_runs_the_same_statements_for_few_or_many_postings():
    make_role(name="Data Engineer", broader_titles="")
    few = measure(4)
    Job.objects.all().delete()
    SalaryRecord.objects.all().delete()
    assert measure(40) == few


def test_a_posting_saved_during_a_sync_is_flagged_again_for_the_next():
    make_role(name="Data Engineer", broader_titles="")
    job = make_job(title="Data Engineer")
    sync_postings()
    job.salary_max = 90_000
    job.save()
    assert sync_postings().postings == 1
    assert SalaryRecord.objects.get(job_id=job.pk).amount_usd == 75_000
