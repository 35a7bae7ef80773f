"""The site's template filters: times for `datetime` attributes, and possessives of names."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from django.template import Context, Template

from core.templatetags.site_tags import iso, possessive
from tests.factories import make_company, make_job


def test_iso_drops_microseconds_and_keeps_the_offset(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    moment = datetime(2026, 7, 1, 10, 30, 5, 123456, tzinfo=UTC)
    assert iso(moment) == "2026-07-01T12:30:05+02:00"
    elsewhere = datetime(2026, 7, 1, 10, 30, 5, 999999, tzinfo=timezone(timedelta(hours=-5)))
    assert iso(elsewhere) == "2026-07-01T17:30:05+02:00"  # truncated, never rounded up


def test_iso_of_a_date_and_of_nothing():
    assert iso(date(2026, 2, 3)) == "2026-02-03"
    assert iso(None) == ""


def test_iso_in_a_template_has_seconds_precision():
    moment = datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=UTC)
    html = Template("{% load site_tags %}<time datetime='{{ t|iso }}'>").render(
        Context({"t": moment})
    )
    assert html == "<time datetime='2026-01-02T03:04:05+00:00'>"


@pytest.mark.parametrize(
    ("name", "said"),
    [("Deep Labs", "Deep Labs’"), ("Acme", "Acme’s"), ("OPS", "OPS’"), ("Jax ", "Jax’s")],
)
def test_possessive(name, said):
    assert possessive(name) == said


def test_possessive_is_escaped_like_the_name():
    html = Template("{% load site_tags %}{{ name|possessive }}").render(
        Context({"name": "A&B <Labs>"})
    )
    assert html == "A&amp;B &lt;Labs&gt;’s"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "said"), [("Deep Labs", "Deep Labs’ site"), ("Acme", "Acme’s site")]
)
def test_the_apply_button_names_the_company_possessively(client, name, said):
    job = make_job(company=make_company(name=name), apply_url="https://jobs.example/1")
    html = client.get(job.get_absolute_url()).text
    assert said in html
    assert "’s’" not in html and "s’s" not in html


@pytest.mark.django_db
def test_the_navigation_and_footer_are_rendered_once_per_section(client, settings):
    from unittest import mock

    from core.templatetags import site_tags

    settings.SITE_NAME = "Navigation Test Board"
    site_tags._rendered.cache_clear()
    with mock.patch.object(site_tags, "render_to_string", wraps=site_tags.render_to_string) as made:
        jobs = client.get("/jobs/").text
        client.get("/jobs/?workplace=remote")  # the same section: nothing rendered again
        guides = client.get("/guides/").text
    # The footer once, the navigation once for each of the two sections.
    assert made.call_count == 3
    assert '<a href="/jobs/" aria-current="page">Jobs</a>' in jobs
    assert '<a href="/guides/" aria-current="page">Guides</a>' in guides
    assert '<a href="/jobs/">Jobs</a>' in guides
    assert "<strong>Navigation Test Board</strong>" in jobs and 'href="/privacy/"' in guides


def test_the_links_follow_the_script_prefix():
    from django.urls import set_script_prefix

    footer = Template('{% load site_tags %}{% rendered_once "includes/site_footer.html" %}')
    set_script_prefix("/board/")
    try:
        under_prefix = footer.render(Context())
    finally:
        set_script_prefix("/")
    assert 'href="/board/privacy/"' in under_prefix
    assert 'href="/privacy/"' in footer.render(Context())
