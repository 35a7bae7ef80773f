"""Comparison pages: addresses, the editors' guide, figures, search engines, the pickers."""

import json
import re

import pytest
from django.core.cache import caches

from core.money import usd_short
from roles.models import Status
from salaries.figures import title_figures
from salaries.models import SalaryTitle
from tests.factories import make_guide, make_role

PAGE = "/roles/compare/analytics-engineer-vs-data-analyst/"


def test_canonical_order_is_served_and_the_other_redirects_permanently(client, pair):
    assert client.get(PAGE).status_code == 200
    response = client.get("/roles/compare/data-analyst-vs-analytics-engineer/")
    assert response.status_code == 301
    assert response["Location"] == PAGE


@pytest.mark.parametrize(
    "address",
    [
        "/roles/compare/data-analyst-vs-data-analyst/",  # a role with itself
        "/roles/compare/data-analyst-vs-no-such-role/",
        "/roles/compare/data-analyst-vs-draft-role/",
        "/roles/compare/data-analyst/",
        "/roles/compare/-vs-data-analyst/",
    ],
)
def test_self_unknown_and_unpublished_roles_are_404(client, pair, address):
    make_role(name="Draft role", slug="draft-role", status=Status.DRAFT)
    assert client.get(address).status_code == 404


def test_a_role_slug_containing_vs_still_pairs(client, pair):
    make_role(name="Build vs Buy Analyst", slug="build-vs-buy-analyst")
    response = client.get("/roles/compare/build-vs-buy-analyst-vs-data-analyst/")
    assert response.status_code == 200
    assert "Build vs Buy Analyst" in response.text


def canonical(response) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.text).group(1)


def test_without_a_guide_the_page_is_its_own_canonical_and_in_the_sitemap(client, pair):
    response = client.get(PAGE)
    assert canonical(response).endswith(PAGE)
    assert "Editors’ guide" not in response.text
    assert PAGE in client.get("/sitemap-comparisons.xml").text


def test_an_editors_guide_is_linked_and_is_the_canonical(client, editors_guide):
    response = client.get(PAGE)
    assert canonical(response).endswith(editors_guide.get_absolute_url())
    assert f'href="{editors_guide.get_absolute_url()}"' in response.text
    assert "Editors’ guide" in response.text
    assert PAGE not in client.get("/sitemap-comparisons.xml").text


def test_a_draft_guide_is_not_linked(client, pair):
    first, second = pair
    draft = make_guide(first_role=first, second_role=second, status=Status.DRAFT, published_at=None)
    response = client.get(PAGE)
    assert draft.get_absolute_url() not in response.text
    assert canonical(response).endswith(PAGE)


def test_skills_and_tools_are_split_from_the_role_data(client, pair):
    comparison = client.get(PAGE).context["c"]
    assert comparison.skills.shared == ["SQL", "PyTorch"]
    assert comparison.skills.only_first == ["dbt"]
    assert comparison.skills.only_second == ["Excel"]
    languages = comparison.tools[0]
    assert languages.kind == "Programming languages"
    assert languages.tools.shared == ["SQL"]
    assert comparison.industries.shared == ["Finance"]
    assert comparison.requested.shared == ["SQL"]  # from the postings' skills


def test_pay_figures_equal_the_salary_pages(client, pair):
    response = client.get(PAGE)
    for side in response.context["c"].sides:
        salary_page = title_figures(SalaryTitle.objects.get(slug=side.role.slug))
        assert side.by_level == salary_page.by_level
        assert side.overall == salary_page.overall
        page = client.get(f"/salaries/{side.role.slug}/").context["figures"]
        assert page.by_level == side.by_level
    text = response.text
    for median in (132_500, 112_500):  # the senior medians of both, on the chart and tables
        assert usd_short(median) in text
    assert "<svg" in text and "Pay by experience level" in text
    # Levels below the minimum sample say so, with their (zero) sample size.
    assert "No records" in text


def test_summary_is_built_from_the_figures(client, pair):
    response = client.get(PAGE)
    summary = " ".join(response.context["summary"])
    # Both levels hold 6 records each: the first of the levels with the most records is used.
    assert (
        "Analytics Engineers earn a median $102,500, 24% more than Data Analysts at mid level, "
        "from 6 and 6 records."
    ) in summary
    assert "4 open Analytics Engineer jobs and 1 open Data Analyst job right now." in summary
    assert response.context["description"] in response.text


def test_open_jobs_show_count_and_newest_three_cards(client, pair):
    comparison = client.get(PAGE).context["c"]
    assert comparison.first.open_jobs == 4
    assert len(comparison.first.jobs) == 3
    assert [job.title for job in comparison.second.jobs] == ["Data analyst"]


def test_structured_data_and_open_graph(client, pair):
    text = client.get(PAGE).text
    blocks = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    ]
    assert [block["@type"] for block in blocks] == ["WebPage", "BreadcrumbList"]
    assert [item["name"] for item in blocks[1]["itemListElement"]] == [
        "Home",
        "Roles",
        "Compare",
        "Analytics Engineer vs Data Analyst",
    ]
    assert 'property="og:title" content="Analytics Engineer vs Data Analyst"' in text
    assert 'name="robots" content="noindex"' not in text


def test_a_pair_with_no_pay_and_no_jobs_is_noindex_and_left_out_of_the_sitemap(client, pair):
    make_role(name="Quiet One", slug="quiet-one")
    make_role(name="Quiet Two", slug="quiet-two")
    response = client.get("/roles/compare/quiet-one-vs-quiet-two/")
    assert 'name="robots" content="noindex"' in response.text
    sitemap = client.get("/sitemap-comparisons.xml").text
    assert "quiet-one-vs-quiet-two" not in sitemap
    assert "data-analyst-vs-quiet-one" in sitemap  # one role with figures is enough


def test_hostile_role_text_stays_inert(client, pair):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    make_role(
        name=f"Evil {hostile}",
        slug="evil",
        skills=f"{hostile}\nSQL",
        tools=f"Frameworks: {hostile}",
        industries=f"{hostile}: {hostile}",
        definition=hostile,
        responsibilities=hostile,
        education=hostile,
    )
    for address in ("/roles/compare/data-analyst-vs-evil/", "/roles/compare/"):
        text = client.get(address).text
        assert "<script>alert" not in text
        assert "<img src=x" not in text
        assert "onerror=alert(1)>" not in text
    api = client.get("/api/v1/roles/compare/?a=evil&b=data-analyst")
    assert api.status_code == 200
    assert api.json()["first"]["role"]["name"].startswith("Evil <script>")  # data, as data


def test_index_lists_every_pair_most_open_jobs_first(client, pair):
    response = client.get("/roles/compare/")
    entries = list(response.context["page"])
    assert len(entries) == 3  # three roles, three pairs
    assert [e.open_jobs for e in entries] == sorted((e.open_jobs for e in entries), reverse=True)
    assert entries[0].pair.slug == "analytics-engineer-vs-data-analyst"
    narrowed = client.get("/roles/compare/?a=data-engineer").context["page"]
    assert len(list(narrowed)) == 2


def test_role_page_picker_reaches_the_pair_without_javascript(client, pair):
    text = client.get("/roles/data-analyst/").text
    form = re.search(r'<form method="get" action="/roles/compare/">(.*?)</form>', text, re.S)
    assert form, "the role page has a Compare with… form"
    assert 'name="a" value="data-analyst"' in form.group(1)
    assert '<option value="analytics-engineer">Analytics Engineer</option>' in form.group(1)
    assert 'value="data-analyst"' not in form.group(1).split("<select", 1)[1]  # not itself
    response = client.get("/roles/compare/", {"a": "data-analyst", "b": "analytics-engineer"})
    assert response.status_code == 302 and response["Location"] == PAGE
    assert client.get("/roles/compare/", {"a": "data-analyst", "b": "nope"}).status_code == 404
    same = client.get("/roles/compare/", {"a": "data-analyst", "b": "data-analyst"})
    assert same.status_code == 404


def test_guide_pages_link_comparisons_and_show_medians_and_the_chart(client, editors_guide):
    text = client.get(editors_guide.get_absolute_url()).text
    assert 'href="/roles/compare/analytics-engineer-vs-data-analyst/"' in text
    assert 'href="/roles/compare/?a=data-analyst"' in text
    assert "median $" in text  # beside the salary links
    assert 'id="pay-by-level"' in text and "<svg" in text


def test_pages_are_cached_like_other_public_pages(client, pair, settings):
    settings.PAGE_CACHE_SECONDS = 60
    for cache in caches.all():
        cache.clear()
    assert client.get(PAGE)["X-Page-Cache"] == "miss"
    assert client.get(PAGE)["X-Page-Cache"] == "hit"


def test_a_pair_page_is_retired_by_its_roles_jobs_only(client, pair, settings):
    """A new posting for one of the two roles retires the page; an edit to a third role, or a
    posting of a third role, leaves it in the cache."""
    from roles.models import Role
    from tests.factories import make_job

    settings.PAGE_CACHE_SECONDS = 60
    client.get(PAGE)
    assert client.get(PAGE)["X-Page-Cache"] == "hit"
    third = Role.objects.get(slug="data-engineer")
    third.summary = "Moves data."
    third.save()
    make_job(role=third, title="Data engineer")
    assert client.get(PAGE)["X-Page-Cache"] == "hit"
    make_job(role=pair[1], title="Senior data analyst")
    response = client.get(PAGE)
    assert response["X-Page-Cache"] == "miss"
    assert "Senior data analyst" in response.text
