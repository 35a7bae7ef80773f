"""Addresses by slug, reversed once per URL name (core/addresses.py), are reverse()'s own."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from core import addresses
from core.addresses import by_slug

NAMES = ["jobs:detail", "companies:detail", "roles:detail", "roles:guide"]


@pytest.fixture(autouse=True)
def fresh_templates():
    addresses._templates.clear()
    yield
    addresses._templates.clear()
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
