"""The search columns on PostgreSQL: jobs' and guides' stay current however a posting, a guide
or a role is written, with the fields and weights of the vector built on the fly."""

import pytest
from django.db import connection

from jobs.models import Company, Job
from roles.models import Guide, Role, Status
from tests.factories import make_company, make_guide, make_job, make_role

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


# --- guides (roles/migrations/0016) ---


def guides_found(text: str) -> set[str]:
    return set(Guide.objects.best_matches(text).values_list("title", flat=True))


def guide_vector(guide: Guide) -> str:
    return Guide.objects.filter(pk=guide.pk).values_list("search_vector", flat=True).get()


def test_title_a_subtitle_and_roles_b_text_c():
    role = make_role(name="Vision Engineer", slug="vision-engineer")
    guide = make_guide(
        title="Choosing a path", subtitle="Careers in robotics", first_role=role, sections=False
    )
    Guide.objects.filter(pk=guide.pk).update(body_text="Kubernetes clusters everywhere.")
    vector = guide_vector(guide)
    assert "'choos':1A" in vector
    assert "'robot':" in vector and vector.split("'robot':")[1].split()[0].endswith("B")
    assert vector.split("'vision':")[1].split()[0].endswith("B")
    assert vector.split("'kubernet':")[1].split()[0].endswith("C")  # body text, by update()
    assert guides_found("kubernetes") == {"Choosing a path"}


def test_the_same_guides_are_found_and_ranked_as_by_the_vector_built_on_the_fly():
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    make_guide(title="Data engineering", subtitle="Pipelines", sections=False)
    make_guide(title="Careers", subtitle="Data for everyone", sections=False)
    make_guide(title="Other", introduction="Some data work.", sections=False)
    on_the_fly = (
        SearchVector("title", config="english", weight="A")
        + SearchVector("subtitle", "first_role__name", "second_role__name", config="english",
                       weight="B")
        + SearchVector("introduction", "outlook", "conclusion", "body_text", config="english",
                       weight="C")
    )  # fmt: skip
    query = SearchQuery("data", config="english")
    expected = (
        Guide.objects.annotate(v=on_the_fly, r=SearchRank(on_the_fly, query))
        .filter(v=query)
        .order_by("-r", "title")
        .values_list("title", "r")
    )
    ranked = Guide.objects.best_matches("data").order_by("-search_rank", "title")
    assert [(g.title, pytest.approx(g.search_rank)) for g in ranked] == list(expected)


def test_renaming_a_role_refreshes_its_guides():
    role = make_role(name="Quant Analyst", slug="quant-analyst")
    make_guide(title="Numbers", first_role=role, sections=False)
    assert guides_found("quant") == {"Numbers"}
    role.name = "Risk Modeller"
    role.save()
    assert guides_found("quant") == set() and guides_found("modeller") == {"Numbers"}


def test_the_column_is_never_loaded_versioned_or_drafted():
    guide = make_guide(title="Deferred", sections=False)
    loaded = Guide.objects.get(pk=guide.pk)
    assert "search_vector" in loaded.get_deferred_fields()
    from django.core import serializers

    assert "search_vector" not in serializers.serialize("json", [loaded])
