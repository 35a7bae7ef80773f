"""Addresses by slug, and addresses without arguments, reversed once per URL name
(core/addresses.py), are reverse()'s own; so are the templates' `address` and `asset` tags."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils.html import escape

from core import addresses
from core.addresses import by_slug

NAMES = [
    "jobs:detail",
    "companies:detail",
    "roles:detail",
    "roles:guide",
    "salaries:detail",
    "reports:report",
    "jobs:apply-email",
]


@pytest.fixture(autouse=True)
def fresh_templates():
    addresses._templates.clear()
    addresses._fixed.clear()
    yield
    addresses._templates.clear()
    addresses._fixed.clear()
    clear_script_prefix()


@pytest.mark.parametrize("name", NAMES)
def test_the_same_address_as_reverse(name):
    for slug in ["data-engineer", "ml_ops-2", "a", "0slug0mark0", "x-0slug0mark0", 42]:
        assert by_slug(name, slug) == reverse(name, args=[slug])


def test_a_value_no_slug_pattern_takes_is_refused_as_reverse_refuses_it():
    for slug in ["", "two words", "naïve", "a/b", "../x"]:
        with pytest.raises(NoReverseMatch):
            by_slug("jobs:detail", slug)


def test_each_script_prefix_has_its_own():
    assert by_slug("jobs:detail", "x") == "/jobs/x/"
    set_script_prefix("/board/")
    assert by_slug("jobs:detail", "x") == "/board/jobs/x/" == reverse("jobs:detail", args=["x"])
    clear_script_prefix()
    set_script_prefix("/")
    assert by_slug("jobs:detail", "y") == "/jobs/y/"
    assert len(addresses._templates) == 2


@pytest.mark.parametrize("name", ["home", "search", "jobs:list", "jobs-feed", "roles:list"])
def test_a_fixed_address_is_reverses_own_under_each_script_prefix(name):
    assert addresses.fixed(name) == reverse(name)
    set_script_prefix("/board/")
    assert addresses.fixed(name) == reverse(name)
    assert addresses.fixed(name).startswith("/board/")


def test_the_tags_write_what_url_and_static_write(settings):
    template = (
        "{% load static site_tags %}{% url 'jobs:list' %} {% static 'css/site.css' %} "
        "{% url 'reports:report' 'a-job' %}|"
        "{% address 'jobs:list' %} {% asset 'css/site.css' %} "
        "{% address 'reports:report' 'a-job' %}"
    )
    cases = [(False, "/", "/static/"), (True, "/", "/static/"), (False, "/board/", "/assets/")]
    for debug, prefix, static_url in cases:
        settings.DEBUG, settings.STATIC_URL = debug, static_url
        set_script_prefix(prefix)
        expected, written = Template(template).render(Context()).split("|")
        assert written == expected
        assert ("/board/" in written) == (prefix == "/board/")
        assert static_url in written


def test_an_absolute_address_is_build_absolute_uris_own(rf, settings):
    settings.ALLOWED_HOSTS = ["jobs.example"]
    request = rf.get("/", HTTP_HOST="jobs.example")
    template = Template("{% load site_tags %}{% absolute path %}")
    for path in ["/jobs/a-job/", "/jobs/?q=data&page=2", "/naïve path/", "https://x.example/a"]:
        written = template.render(Context({"request": request, "path": path}))
        assert written == escape(request.build_absolute_uri(path))
