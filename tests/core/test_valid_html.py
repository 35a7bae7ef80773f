"""Every public page is well-formed HTML for machines: html5lib's strict parser accepts it, every
`<time datetime>` is one of HTML's date and time formats (no microseconds), and every JSON-LD
block is JSON. Feeds are XML and tested with the feeds."""

import json
import re

import html5lib
import pytest
from html5lib.constants import namespaces

from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.factories import make_guide, make_job, make_role, make_salary_records

pytestmark = pytest.mark.django_db

# HTML's valid date, local/global date and time strings, to the second at most
# (https://html.spec.whatwg.org/#dates-and-times), as the site writes them.
DATE = r"\d{4}-\d{2}-\d{2}"
TIME = r"\d{2}:\d{2}(:\d{2})?"
OFFSET = r"(Z|[+-]\d{2}:\d{2})"
VALID_DATETIME = re.compile(rf"^({DATE}|{DATE}[T ]{TIME}{OFFSET}?|{DATE}[T ]{TIME})$")
HTML = namespaces["html"]


@pytest.fixture
def pages(client):
    engineer = make_role(slug="data-engineer", name="Data Engineer")
    analyst = make_role(slug="data-analyst", name="Data Analyst")
    job = make_job(role=engineer, title="Data Engineer")
    make_job(role=analyst, workplace="remote", city="", remote_region="anywhere in Europe")
    guide = make_guide(first_role=engineer, title="Data engineering in practice")
    make_salary_records(
        SalaryTitle.objects.get(name="Data Engineer"),
        [90_000, 100_000, 110_000, 120_000, 130_000, 140_000],
    )
    refresh_stats()
    return [
        "/",
        "/jobs/",
        "/jobs/?workplace=remote&role=data-analyst&ordering=salary",
        "/jobs/?q=data&location=Berlin",
        job.get_absolute_url(),
        "/guides/",
        guide.get_absolute_url(),
        "/roles/",
        engineer.get_absolute_url(),
        "/salaries/",
        "/salaries/data-engineer/",
        "/roles/compare/",
        "/roles/compare/data-analyst-vs-data-engineer/",
        "/search/",
        "/search/?q=data",
    ]


def test_every_public_page_parses_strictly_with_valid_times_and_json_ld(client, pages):
    checked_times = checked_blocks = 0
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
        try:
            document = parser.parse(html)
        except html5lib.html5parser.ParseError as error:
            line = parser.errors[-1][0][0] if parser.errors else 0
            pytest.fail(f"{url}: {error}\n{html.splitlines()[line - 1] if line else ''}")
        times = document.findall(f".//{{{HTML}}}time")
        for time in times:
            value = time.get("datetime")
            if value is not None:
                assert VALID_DATETIME.match(value), (url, value)
                checked_times += 1
        for script in document.findall(f".//{{{HTML}}}script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.text)
                checked_blocks += 1
    assert checked_times >= 10 and checked_blocks >= 8  # ages and dates; postings, crumbs


def test_the_checks_catch_what_they_look_for():
    with pytest.raises(html5lib.html5parser.ParseError):
        html5lib.HTMLParser(strict=True).parse("<!doctype html><p><div></p>")
    assert not VALID_DATETIME.match("2026-03-01T10:00:00.123456+00:00")
    assert VALID_DATETIME.match("2026-03-01T10:00:00+01:00")
    assert VALID_DATETIME.match("2026-03-01")
