"""The home page's discovery: site search box, popular guides and top titles by pay."""

import re

import pytest

from roles.models import Status
from tests.factories import make_guide, make_job, make_role

pytestmark = pytest.mark.django_db


def test_search_box_goes_to_the_site_search(client):
    html = client.get("/").text
    assert re.search(r'<form class="hero-search" method="get" action="/search/"', html)
    assert 'name="q"' in html


def test_popular_guides_are_about_the_roles_with_most_open_jobs(client):
    busy, quiet = make_role(name="Busy Role"), make_role(name="Quiet Role")
    newer = make_guide(title="Guide on the quiet role", first_role=quiet)
    older = make_guide(title="Guide on the busy role", first_role=busy)
    for _ in range(3):
        make_job(role=busy)
    make_job(role=quiet)
    assert newer.published_at > older.published_at
    html = client.get("/").text.split('id="guides-h"', 1)[1]
    assert html.index(older.title) < html.index(newer.title)


def test_top_titles_by_pay_average_the_top_of_each_range(client):
    rich = make_role(name="Rich Role")
    modest = make_role(name="Modest Role")
    few = make_role(name="Too Few Postings")
    hidden = make_role(name="Hidden Role", status=Status.DRAFT)
    for top in (200_000, 220_000, 240_000):
        make_job(role=rich, salary_min=150_000, salary_max=top)
        make_job(role=modest, salary_min=50_000, salary_max=top // 2)
        make_job(role=hidden, salary_min=500_000, salary_max=900_000)
    make_job(role=modest, salary_min=None, salary_max=None, salary_currency="")
    make_job(role=few, salary_min=900_000, salary_max=990_000)
    html = client.get("/").text.split('id="top-pay-h"', 1)[1].split("</section>", 1)[0]
    assert html.index("Rich Role") < html.index("Modest Role")
    assert "USD 220,000" in html and "USD 110,000" in html
    assert "3 postings" in html
    assert "Too Few Postings" not in html and "Hidden Role" not in html
