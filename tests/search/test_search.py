"""One search over jobs, guides and roles, on SQLite and PostgreSQL: what is found, in which
order, what is never found, and what hostile queries get."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.choices import JobStatus
from jobs.models import Job
from roles.models import Status
from tests.factories import make_company, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite's fallback matches word starts and does not stem",
)


def job_titles(html: str) -> list[str]:
    """Job titles in the order /search/ or /jobs/ shows them (marks dropped)."""
    found = re.findall(r'class="card-title"><a href="/jobs/[^"]+/">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in found]


def searched(client, text: str) -> list[str]:
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    return job_titles(response.text)


def listed(client, text: str) -> list[str]:
    response = client.get("/jobs/", {"q": text})
    assert response.status_code == 200
    return job_titles(response.text)


def ago(**delta):
    return timezone.now() - timedelta(**delta)


@pytest.fixture
def board():
    """Three public jobs that match "vision" in the title, the company or the description only
    (the description one is the newest, so order by rank is not order by date)."""
    make_job(title="Vision Engineer", posted_at=ago(days=3))
    make_job(title="Research Scientist", company=make_company(name="Vision Labs"),
             posted_at=ago(days=2))  # fmt: skip
    make_job(title="Platform Engineer", description="Serve our vision models at scale.",
             posted_at=ago(hours=1))  # fmt: skip
    make_job(title="Machine Learning Engineer", skills="PyTorch, Python", posted_at=ago(days=4))
    make_job(title="Learning Machine Specialist", skills="JAX", posted_at=ago(days=5))
    make_job(title="Data Engineering Intern", skills="SQL", posted_at=ago(days=6))


def test_ranking_puts_title_above_company_above_description(client, board):
    expected = ["Vision Engineer", "Research Scientist", "Platform Engineer"]
    assert searched(client, "vision") == expected
    # /jobs/ keeps its own order (featured first, then newest) over the same matches.
    assert listed(client, "vision") == ["Platform Engineer", "Research Scientist",
                                        "Vision Engineer"]  # fmt: skip


def test_phrase_needs_the_words_together_in_order(client, board):
    assert searched(client, '"machine learning"') == ["Machine Learning Engineer"]
    assert sorted(searched(client, "machine learning")) == [
        "Learning Machine Specialist",
        "Machine Learning Engineer",
    ]


def test_excluded_words_and_or(client, board):
    assert "Data Engineering Intern" in searched(client, "engineer")
    assert "Data Engineering Intern" not in searched(client, "engineer -intern")
    assert "Vision Engineer" not in searched(client, 'engineer -"vision engineer"')
    assert sorted(searched(client, "pytorch or jax")) == [
        "Learning Machine Specialist",
        "Machine Learning Engineer",
    ]
    assert listed(client, "pytorch or jax -specialist") == ["Machine Learning Engineer"]


def test_last_word_matches_as_a_prefix_while_typing(client, board):
    assert searched(client, "pyto") == ["Machine Learning Engineer"]
    assert searched(client, "resea") == ["Research Scientist"]
    if connection.vendor == "postgresql":  # SQLite matches every word by its start
        assert searched(client, "pyto ") == []  # a finished word must match whole


@on_postgresql
def test_words_are_stemmed_on_postgresql(client, board):
    assert "Vision Engineer" in searched(client, "engineers")
    assert "Data Engineering Intern" in searched(client, "engineers")


def test_results_are_grouped_with_marked_snippets_and_a_link_to_all_jobs(client, board):
    role = make_role(name="Computer Vision Engineer", summary="Teaches machines to see.")
    make_guide(title="Vision or language?", first_role=role, introduction="Vision models see.")
    html = client.get("/search/", {"q": "vision"}).text
    assert 'id="jobs-h"' in html and 'id="guides-h"' in html and 'id="roles-h"' in html
    assert '<a href="/jobs/?q=vision">See all 3 jobs for “vision”' in html
    assert "<mark>Vision</mark> or language?" in html
    assert "Computer <mark>Vision</mark> Engineer" in html
    assert "Serve our <mark>vision</mark> models at scale." in html


def test_roles_and_guides_rank_by_field_too(client):
    by_name = make_role(name="Data Engineer", summary="Builds pipelines.")
    by_text = make_role(name="Analytics Lead", summary="Works with the data engineer team.")
    html = client.get("/search/", {"q": "data engineer"}).text
    roles = re.findall(r'<a href="/roles/([^/]+)/">', html.split('id="roles-h"')[1])
    assert roles[:2] == [by_name.slug, by_text.slug]


def test_nothing_hidden_is_ever_found(client):
    marker = "zephyrine"
    now = timezone.now()
    make_job(title=f"Open {marker}")
    hidden = {
        "draft": {"status": JobStatus.DRAFT},
        "pending": {"status": JobStatus.PENDING},
        "rejected": {"status": JobStatus.REJECTED},
        "filled": {"status": JobStatus.FILLED},
        "expired": {"status": JobStatus.EXPIRED, "expires_at": now - timedelta(days=1),
                    "posted_at": now - timedelta(days=31)},
        "past expiry": {"expires_at": now - timedelta(minutes=1),
                        "posted_at": now - timedelta(days=30)},
        "future": {"posted_at": now + timedelta(days=1), "expires_at": now + timedelta(days=31)},
    }  # fmt: skip
    for name, fields in hidden.items():
        make_job(title=f"Hidden {name} {marker}", **fields)
    draft_role = make_role(name=f"Draft role {marker}", status=Status.DRAFT)
    make_guide(title=f"Draft guide {marker}", status=Status.DRAFT, published_at=None)
    make_guide(title=f"Scheduled guide {marker}", published_at=now + timedelta(days=1))
    make_guide(title=f"Guide on a draft role {marker}", first_role=draft_role,
               status=Status.DRAFT, published_at=None)  # fmt: skip
    for url in ("/search/", "/jobs/", "/feeds/jobs/", "/feeds/jobs/atom/"):
        for text in (marker, f"hidden {marker}", "draft", "scheduled", f"{marker} or hidden"):
            body = client.get(url, {"q": text}).text
            assert "Hidden" not in body, (url, text)
            assert "Draft role" not in body and "Draft guide" not in body, (url, text)
            assert "Scheduled guide" not in body, (url, text)
    assert searched(client, marker) == [f"Open {marker}"]


def test_a_roles_name_finds_its_jobs_only_while_the_role_is_published(client):
    role = make_role(name="Quasarwright", status=Status.DRAFT)
    make_job(title="Analyst", role=role)
    html = client.get("/search/", {"q": "quasarwright"}).text
    assert "Quasarwright" not in html.split("</h1>", 1)[1].split("</form>", 1)[1]
    assert job_titles(html) == []
    role.status = Status.PUBLISHED
    role.save()
    assert searched(client, "quasarwright") == ["Analyst"]
    assert listed(client, "quasarwright -analyst") == []


HOSTILE = [
    "",
    " ",
    "x" * 5000,
    "!!! ??? ...",
    "-",
    '"',
    '""',
    "-intern",
    "or",
    "' OR 1=1 --",
    "1; DROP TABLE jobs_job",
    "') UNION SELECT password FROM auth_user --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "a:* & !b | (c <-> d)",
    "\\",
    "%_%",
    "\x00",
    "👩‍💻 ümlaut 数据",
    "the of and",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_get_a_normal_escaped_page(client, board, text):
    for url in ("/search/", "/jobs/"):
        response = client.get(url, {"q": text})
        assert response.status_code == 200
        assert "<script>alert" not in response.text
        assert "<img src=x" not in response.text


def test_a_too_long_query_says_so_and_keeps_the_page(client, board):
    html = client.get("/search/", {"q": "vision " * 100}).text
    assert "at most 200 characters" in html
    assert job_titles(html) == []


def test_search_page_queries_do_not_grow_with_results(client):
    role = make_role(name="Vision Scientist")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "vision"})
        assert response.status_code == 200
        return len(queries)

    make_job(title="Vision Engineer", role=role)
    make_guide(title="Vision guide", first_role=role)
    few = count()
    for n in range(12):
        make_job(title=f"Vision Engineer {n}", role=role, company=make_company())
        make_guide(title=f"Vision guide {n}", first_role=make_role(name=f"Vision role {n}"))
    assert count() == few == 4  # ranked job ids (and their number), those jobs, guides, roles


def test_empty_and_wordless_queries_search_nothing(client, board):
    assert "Type a word" not in client.get("/search/").text
    html = client.get("/search/", {"q": "-intern"}).text
    assert "Type a word to look for" in html and job_titles(html) == []
    # On /jobs/ a query with nothing to look for leaves the list whole.
    assert len(listed(client, "!!!")) == 6


def test_feeds_use_the_same_engine(client, board):
    body = client.get("/feeds/jobs/", {"q": '"machine learning" -specialist'}).text
    assert "Machine Learning Engineer" in body and "Learning Machine Specialist" not in body


def test_job_queryset_search_and_best_matches(board):
    matches = Job.objects.public().search("vision")
    assert matches.count() == 3
    best, found = Job.objects.public().best_matches("vision", 10)
    assert found == 3
    assert [job.title for job in best][0] == "Vision Engineer"
    assert best[0].search_rank > best[1].search_rank > best[2].search_rank > 0


def test_match_counts_stop_past_the_cap(client, board, monkeypatch):
    monkeypatch.setattr("jobs.views.SEARCH_COUNT_UP_TO", 2)
    monkeypatch.setattr("jobs.models.RANKED_CANDIDATES", 2)
    monkeypatch.setattr("search.views.RANKED_CANDIDATES", 2)
    html = client.get("/search/", {"q": "engineer"}).text
    assert "See all 2+ jobs for" in html
    html = client.get("/jobs/", {"q": "engineer"}).text
    assert '<h2 id="results-h">2+ jobs match' in html
    html = client.get("/jobs/", {"q": '"vision engineer"'}).text
    assert '<h2 id="results-h">1 job match' in html
