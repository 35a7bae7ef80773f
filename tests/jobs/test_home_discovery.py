"""The home page's discovery: site search box, popular guides and top titles by pay."""

import re

import pytest

from roles.models import Status
from salaries.models import SalaryTitle, TitleAlias
from salaries.stats import refresh_stats
from tests.factories import make_guide, make_job, make_role, make_salary_records

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


def _top_pay(html: str) -> str:
    return html.split('id="top-pay-h"', 1)[1].split("</section>", 1)[0]


def _salary_row(html: str, slug: str) -> str:
    return html.split(f'href="/salaries/{slug}/"', 1)[1].split("</tr>", 1)[0]


def test_top_titles_by_pay_are_the_salary_pages_medians(client):
    make_role(name="Rich Role", broader_titles="Analyst")
    make_role(name="Modest Role", broader_titles="Analyst")
    few = make_role(name="Too Few Records")
    make_role(name="Hidden Role", status=Status.DRAFT)
    # A role named as an editor's alias of another title is that title: one row.
    make_role(name="Plumbing Analyst")
    titles = {title.name: title for title in SalaryTitle.objects.all()}
    TitleAlias.objects.create(alias="Plumbing Analyst", title=titles["Modest Role"])
    make_salary_records(titles["Rich Role"], [200_000, 210_000, 220_000, 230_000, 240_000])
    make_salary_records(titles["Modest Role"], [90_000, 100_000, 110_000, 120_000, 130_000, 1])
    make_salary_records(titles["Plumbing Analyst"], [500_000] * 5)
    make_salary_records(titles["Hidden Role"], [900_000] * 5)
    make_salary_records(titles["Too Few Records"], [990_000] * 4)
    for _ in range(3):  # postings' own ranges do not make the figures
        make_job(role=few, salary_min=900_000, salary_max=990_000)
    refresh_stats()

    top = _top_pay(client.get("/").text)
    salaries = client.get("/salaries/").text
    assert top.index("Rich Role") < top.index("Modest Role")
    for slug in ("rich-role", "modest-role"):
        figure = r'</a> <span class="top-pay-figure">([^<]+)</span> <span class="muted">median, '
        median = re.search(rf'href="/salaries/{slug}/">[^<]+{figure}(\d+) records', top)
        assert median, top
        assert f"<strong>{median[1]}</strong>" in _salary_row(salaries, slug)
        assert f">{median[2]}<" in _salary_row(salaries, slug)
    assert "$220,000" in top and "$105,000" in top
    assert "Analyst<" not in top  # a broader title pools the rows above: no row of its own
    assert "Plumbing Analyst" not in top and top.count("<li>") == 2
    assert "Too Few Records" not in top and "Hidden Role" not in top
    # /salaries/ lists no alias as a title of its own either.
    assert 'href="/salaries/plumbing-analyst/"' not in salaries
