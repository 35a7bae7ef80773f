"""A posting write does only what its code says: no hidden salary or role work, a fixed and small
number of statements, and the flag that asks the salary sync to look at it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobs.choices import JobStatus
from jobs.models import Job
from salaries.models import SalaryRecord
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db

# What the issue asked of the layout work: at most 12 statements each (about 40 and 33 before,
# when signals rewrote salary records and percentile tables on every save).
BUDGET = 12


def test_creating_a_published_posting_runs_a_few_statements(django_capture_on_commit_callbacks):
    make_role(name="Data Engineer")
    company = make_company()
    job = Job(
        title="Senior Data Engineer",
        company=company,
        description="Build **pipelines**.",
        city="Berlin",
        country="DE",
        salary_min=90_000,
        salary_max=110_000,
        salary_currency="EUR",
        apply_url="https://jobs.example/1",
        status=JobStatus.PUBLISHED,
    )
    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        job.save()
    # The slug's uniqueness check and the insert; nothing reads or writes salary tables.
    assert len(queries) == 2, [q["sql"] for q in queries]
    assert len(queries) <= BUDGET
    assert job.needs_salary_sync and job.role is None
    assert not SalaryRecord.objects.exists()


def test_editing_a_published_posting_runs_one_statement(django_capture_on_commit_callbacks):
    job = make_job(title="Data Engineer")
    job.title = "Lead Data Engineer"
    job.salary_max = 150_000
    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        job.save()
    assert len(queries) == 1, [q["sql"] for q in queries]
    job.refresh_from_db()
    assert job.needs_salary_sync


def test_a_save_with_update_fields_still_flags_the_posting():
    job = make_job()
    Job.objects.filter(pk=job.pk).update(needs_salary_sync=False)
    job.status = JobStatus.FILLED
    job.save(update_fields=["status"])
    job.refresh_from_db()
    assert job.needs_salary_sync
