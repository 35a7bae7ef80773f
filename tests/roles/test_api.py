"""/api/v1/roles/, /api/v1/guides/ and /api/v1/companies/: published records only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.choices import JobStatus
from roles.models import GuideSection, Status
from tests.factories import make_company, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db


def results(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_roles_list_and_detail(client):
    role = make_role(name="Data Engineer", slug="data-engineer")
    make_role(name="Hidden role", slug="hidden-role", status=Status.DRAFT)
    listed = results(client, "/api/v1/roles/")
    assert [r["slug"] for r in listed] == ["data-engineer"]
    assert listed[0]["url"] == "http://testserver/roles/data-engineer/"
    detail = client.get("/api/v1/roles/data-engineer/").json()
    assert detail["definition_html"] == role.definition_html
    assert detail["responsibilities"] == ["Ship models.", "Review code."]
    assert detail["skills"] == ["Python", "Statistics"]
    assert detail["tools"] == [
        {"kind": "Frameworks", "tools": ["PyTorch", "JAX"]},
        {"kind": "Version control", "tools": ["Git"]},
    ]
    assert detail["industries"] == [
        {"industry": "Healthcare", "examples": "medical imaging"},
        {"industry": "Finance", "examples": ""},
    ]
    assert detail["salary_titles"] == ["Data Engineer", "Engineer"]
    assert client.get("/api/v1/roles/hidden-role/").status_code == 404


def test_guides_list_only_published_newest_first(client):
    role = make_role(slug="ml")
    now = timezone.now()
    make_guide(title="Older", slug="older", first_role=role, published_at=now - timedelta(days=9))
    make_guide(title="Newer", slug="newer", published_at=now - timedelta(days=1))
    make_guide(title="Draft", slug="draft", status=Status.DRAFT, published_at=None)
    make_guide(title="Scheduled", slug="scheduled", published_at=now + timedelta(days=1))
    assert [g["slug"] for g in results(client, "/api/v1/guides/")] == ["newer", "older"]
    assert [g["slug"] for g in results(client, "/api/v1/guides/?role=ml")] == ["older"]
    for slug in ("draft", "scheduled"):
        assert client.get(f"/api/v1/guides/{slug}/").status_code == 404


def test_guide_filter_errors_are_a_400(client):
    make_role(slug="draft-role", status=Status.DRAFT)
    for query in ("role=draft-role", "role=missing", "page=0"):
        response = client.get(f"/api/v1/guides/?{query}")
        assert response.status_code == 400, query
        assert response.json()["code"] == "invalid"


def test_guide_detail_has_sections_as_data_and_html(client):
    first = make_role(name="Data Engineer", slug="data-engineer")
    second = make_role(name="ML Engineer", slug="ml-engineer", skills="Math\nPyTorch")
    guide = make_guide(
        title="Data Engineer vs ML Engineer", slug="vs", first_role=first, second_role=second
    )
    GuideSection.objects.create(
        guide=guide,
        kind="custom",
        heading="Salaries",
        position=9,
        first_role_notes="Data pays **well**.",
        second_role_notes="ML pays *better*.",
    )
    response = client.get("/api/v1/guides/vs/")
    assert response.status_code == 200
    body = response.json()
    assert body["url"] == "http://testserver/guides/vs/"
    assert [r["slug"] for r in body["roles"]] == ["data-engineer", "ml-engineer"]
    assert body["introduction_html"] == guide.introduction_html
    kinds = [s["kind"] for s in body["sections"]]
    assert kinds == [
        "definition",
        "responsibilities",
        "skills",
        "education",
        "tools",
        "industries",
        "custom",
    ]
    anchors = [s["anchor"] for s in body["sections"]]
    page = client.get("/guides/vs/").text
    for anchor in anchors:
        assert f'id="{anchor}"' in page  # url#anchor lands on the section
    skills = body["sections"][2]
    assert [b["items"] for b in skills["blocks"]] == [["Python", "Statistics"], ["Math", "PyTorch"]]
    assert skills["blocks"][0]["tools"] is None
    tools = body["sections"][4]["blocks"][0]["tools"]
    assert tools[0] == {"kind": "Frameworks", "tools": ["PyTorch", "JAX"]}
    definition = body["sections"][0]["blocks"][1]
    assert definition["definition_html"] == second.definition_html
    custom = body["sections"][6]
    assert custom["title"] == "Salaries"
    assert [b["notes_html"] for b in custom["blocks"]] == [
        "<p>Data pays <strong>well</strong>.</p>",
        "<p>ML pays <em>better</em>.</p>",
    ]
    assert custom["blocks"][0]["items"] is None
    assert body["tips"] == [{"lead_in": "Start small", "text_html": "Build one."}]
    assert response["Last-Modified"]


def test_guide_queries_are_few(client):
    for _ in range(3):
        make_guide()
    with CaptureQueriesContext(connection) as listed:
        assert client.get("/api/v1/guides/").status_code == 200
    guide = make_guide()
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/api/v1/guides/{guide.slug}/").status_code == 200
    for _ in range(10):
        make_guide()
    with CaptureQueriesContext(connection) as more:
        assert client.get("/api/v1/guides/").status_code == 200
    assert len(listed) == len(more) <= 6
    assert len(one) <= 6


def test_companies_are_those_with_open_jobs(client):
    open_company = make_company(name="Open Co", slug="open-co")
    make_job(company=open_company)
    make_job(company=open_company)
    make_job(company=open_company, status=JobStatus.FILLED)
    quiet = make_company(name="Quiet Co", slug="quiet-co")
    make_job(company=quiet, status=JobStatus.PENDING)
    listed = results(client, "/api/v1/companies/")
    assert [(c["slug"], c["open_jobs"]) for c in listed] == [("open-co", 2)]
    assert listed[0]["url"] == "http://testserver/companies/open-co/"
    assert client.get("/api/v1/companies/open-co/").status_code == 200
    assert client.get("/api/v1/companies/quiet-co/").status_code == 404


def test_companies_queries_do_not_grow(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/companies/").status_code == 200
        return len(queries)

    for _ in range(3):
        make_job(company=make_company())
    small = count()
    for _ in range(20):
        make_job(company=make_company())
    assert count() == small <= 6


def test_role_conditional_get(client):
    make_role(slug="r")
    first = client.get("/api/v1/roles/r/")
    assert client.get("/api/v1/roles/r/", headers={"If-None-Match": first["ETag"]}).status_code == (
        304
    )
    since = first["Last-Modified"]
    assert client.get("/api/v1/roles/r/", headers={"If-Modified-Since": since}).status_code == 304
