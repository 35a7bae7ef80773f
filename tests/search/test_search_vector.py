"""The jobs' search column on PostgreSQL stays current however a posting is written."""

import pytest
from django.db import connection

from jobs.models import Company, Job
from roles.models import Role, Status
from tests.factories import make_company, make_job, make_role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the column is filled by a PostgreSQL trigger (empty on SQLite)",
    ),
]


def found(text: str) -> set[str]:
    return set(Job.objects.search(text).values_list("title", flat=True))


def vector(job: Job) -> str:
    return Job.objects.filter(pk=job.pk).values_list("search_vector", flat=True).get()


def test_weights_title_a_company_and_skills_b_description_c():
    job = make_job(
        title="Vision Engineer",
        company=make_company(name="Acme Robotics"),
        skills="PyTorch",
        description="Ship detection models.",
    )
    stored = vector(job)
    assert "'vision':1A" in stored and "'acm':" in stored and "B" in stored.split("'acm':")[1][:4]
    assert "'pytorch':" in stored and "'detect':" in stored
    assert stored.split("'detect':")[1].split()[0].endswith("C")


def test_save_update_and_bulk_writes_keep_it_current():
    job = make_job(title="Alpha Analyst")
    assert found("alpha") == {"Alpha Analyst"}
    job.title = "Beta Analyst"
    job.save()
    assert found("alpha") == set() and found("beta") == {"Beta Analyst"}
    Job.objects.filter(pk=job.pk).update(description="Gamma pipelines.")
    assert found("gamma") == {"Beta Analyst"}
    company = make_company()
    Job.objects.bulk_create(
        [
            Job(title=f"Delta {n}", slug=f"delta-{n}", company=company, description="x",
                country="DE", city="Berlin", apply_url="https://x.example")
            for n in range(3)
        ]
    )  # fmt: skip
    assert found("delta") == {"Delta 0", "Delta 1", "Delta 2"}


def test_a_loaded_posting_saves_without_writing_the_column_back():
    make_job(title="Epsilon Analyst")
    job = Job.objects.get(title="Epsilon Analyst")
    assert "search_vector" in job.get_deferred_fields()
    job.skills = "Zeta"
    job.save()
    assert found("zeta") == {"Epsilon Analyst"}


def test_renaming_a_company_or_a_role_refreshes_its_postings():
    company = make_company(name="Old Name Labs")
    role = make_role(name="Eta Specialist", status=Status.DRAFT)
    make_job(title="Analyst", company=company, role=role)
    assert found("old name") == {"Analyst"}
    assert found("eta") == set()  # a draft role's name is not searchable
    Company.objects.filter(pk=company.pk).update(name="Theta Systems")
    assert found("old name") == set() and found("theta") == {"Analyst"}
    Role.objects.filter(pk=role.pk).update(status=Status.PUBLISHED)
    assert found("eta") == {"Analyst"}
    role.name = "Iota Specialist"
    role.status = Status.PUBLISHED
    role.save()
    assert found("eta") == set() and found("iota") == {"Analyst"}
    role.delete()
    assert found("iota") == set()


def test_the_search_index_is_used():
    make_job(title="Kappa Analyst")
    sql = str(Job.objects.search("kappa").query)
    assert '"jobs_job"."search_vector" @@' in sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'job_search'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]
