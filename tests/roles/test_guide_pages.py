import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from roles.models import GuideSection, Status
from tests.factories import make_editor, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparison():
    dle = make_role(
        name="Deep Learning Engineer",
        slug="deep-learning-engineer",
        responsibilities="Train convolutional networks.",
        tools="Frameworks: PyTorch, JAX",
        broader_titles="Machine Learning Engineer\nEngineer",
    )
    lead = make_role(
        name="Lead Machine Learning Engineer",
        slug="lead-machine-learning-engineer",
        responsibilities="Mentor the team.",
        broader_titles="Machine Learning Engineer",
    )
    guide = make_guide(
        title="Deep Learning Engineer vs Lead Machine Learning Engineer",
        slug="dle-vs-lead",
        subtitle="Which path fits you?",
        first_role=dle,
        second_role=lead,
        published_at=timezone.make_aware(timezone.datetime(2024, 10, 30, 9)),
    )
    GuideSection.objects.filter(guide=guide, kind="responsibilities").update(
        first_role_notes_html="<p>Hands on the models.</p>"
    )
    GuideSection.objects.create(
        guide=guide,
        kind="custom",
        heading="A typical week",
        position=20,
        first_role_notes="Experiments all week.",
        second_role_notes="Planning and reviews.",
    )
    return guide


def get(client, guide):
    return client.get(guide.get_absolute_url())


def test_guide_page_shows_the_seed_anatomy(client, comparison):
    response = get(client, comparison)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Deep Learning Engineer vs Lead Machine Learning Engineer" in html
    assert "Which path fits you?" in html
    assert f"{comparison.reading_minutes} min read" in html
    assert "Oct 30, 2024" in html
    for heading in ["Definitions", "Responsibilities", "Required Skills",
                    "Educational Backgrounds", "Tools and Software Used", "Common Industries",
                    "A typical week", "Outlook", "Practical tips", "Conclusion"]:  # fmt: skip
        assert heading in html
    assert "Train convolutional networks." in html and "Mentor the team." in html
    assert "Hands on the models." in html
    assert "Experiments all week." in html and "Planning and reviews." in html
    assert "PyTorch" in html and "Frameworks" in html
    assert "Jobs for these roles" in html
    assert "Start small" in html  # the numbered tip's lead-in


def test_every_section_has_a_block_per_role(client, comparison):
    html = get(client, comparison).content.decode()
    sections = re.findall(r'<section class="guide-section" id="[^"]+".*?</section>', html, re.S)
    role_sections = [s for s in sections if "role-blocks" in s]
    assert len(role_sections) == 7
    for section in role_sections:
        assert section.count('class="role-block role-') == 2


def test_table_of_contents_links_reach_their_sections(client, comparison):
    html = get(client, comparison).content.decode()
    # Twice: in the article (phones) and at the end of the aside (wide screens), the same list.
    tocs = re.findall(r'<nav class="toc .*?</nav>', html, re.S)
    assert len(tocs) == 2
    anchors = re.findall(r'href="#([^"]+)"', tocs[0])
    assert re.findall(r'href="#([^"]+)"', tocs[1]) == anchors
    assert anchors[:2] == ["definitions", "responsibilities"]
    assert {"a-typical-week", "outlook", "practical-tips", "conclusion"} <= set(anchors)
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1


def test_salary_links_for_each_role_and_its_broader_titles(client, comparison):
    html = get(client, comparison).content.decode()
    for slug in ["deep-learning-engineer", "machine-learning-engineer", "engineer",
                 "lead-machine-learning-engineer"]:  # fmt: skip
        assert f'href="/salaries/{slug}/"' in html
    assert "View salary info for Deep Learning Engineer" in html


def test_structured_data_and_social_tags(client, comparison):
    html = get(client, comparison).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(b) for b in blocks]
    article = next(d for d in data if d["@type"] == "Article")
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")
    assert article["headline"] == comparison.title
    assert article["datePublished"].startswith("2024-10-30")
    assert article["mainEntityOfPage"]["@id"] == "http://testserver/guides/dle-vs-lead/"
    assert [i["name"] for i in crumbs["itemListElement"]] == ["Home", "Guides", comparison.title]
    assert '<link rel="canonical" href="http://testserver/guides/dle-vs-lead/">' in html
    assert '<meta property="og:title" content="Deep Learning Engineer vs Lead' in html


def test_structured_data_cannot_break_out_of_its_script(client):
    guide = make_guide(title="</script><script>alert(1)</script>")
    html = get(client, guide).content.decode()
    assert "<script>alert(1)" not in html


def test_related_guides_are_listed(client, comparison):
    other = make_guide(first_role=comparison.first_role, title="Another guide")
    hand_picked = make_guide(title="Hand picked guide")
    comparison.related_guides.add(hand_picked)
    html = get(client, comparison).content.decode()
    assert html.index("Hand picked guide") < html.index("Another guide")
    assert other.get_absolute_url() in html


def test_single_role_guide(client):
    guide = make_guide(title="What does a vision engineer do?")
    html = get(client, guide).content.decode()
    assert 'class="role-blocks two"' not in html
    assert html.count('class="role-block role-1"') == 6


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT, "published_at": None},
        {"status": Status.PUBLISHED, "published_at": timezone.now() + timedelta(days=3)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_guides_are_not_found_by_the_public(client, django_user_model, fields):
    guide = make_guide(**fields)
    assert get(client, guide).status_code == 404
    client.force_login(django_user_model.objects.create_user("visitor", password="pw-long-123"))
    assert get(client, guide).status_code == 404
    assert guide.title not in client.get(reverse("roles:guides")).content.decode()
    assert guide.title not in client.get(reverse("home")).content.decode()


def test_editors_preview_drafts_with_a_banner(client):
    guide = make_guide(status=Status.DRAFT, published_at=None)
    client.force_login(make_editor())
    response = get(client, guide)
    assert response.status_code == 200
    assert "Preview." in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_scheduled_guide_goes_live_when_due(client):
    guide = make_guide(published_at=timezone.now() + timedelta(seconds=1))
    assert get(client, guide).status_code == 404
    guide.published_at = timezone.now() - timedelta(seconds=1)
    guide.save()
    assert get(client, guide).status_code == 200


def test_unknown_guide_is_404(client):
    assert client.get("/guides/no-such-guide/").status_code == 404


def test_guide_page_queries_do_not_grow_with_data(client, comparison):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert get(client, comparison).status_code == 200
        return len(queries)

    before = count()
    for _ in range(15):
        other = make_guide(first_role=comparison.first_role)
        comparison.related_guides.add(other)
    assert count() == before
    assert before <= 7  # the job cards take one query per role, so a comparison shows both


def test_comparison_guide_shows_jobs_for_both_roles_without_hand_picking(client, comparison):
    first, second = comparison.first_role, comparison.second_role
    for n in range(6):
        make_job(
            title=f"Busy role job {n}",
            role=first,
            posted_at=timezone.now() - timedelta(hours=9 - n),
        )
    make_job(title="Quiet role job", role=second, posted_at=timezone.now() - timedelta(days=9))
    html = get(client, comparison).text
    cards = re.findall(r'class="card-title"><a href="/jobs/[^"]+/">([^<]+)</a>', html)
    assert cards[:2] == ["Busy role job 5", "Quiet role job"]
