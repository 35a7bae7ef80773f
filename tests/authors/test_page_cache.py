"""Cached pages that print an author follow them: renaming an author retires their page, the
list of authors, their guides' pages and the guide lists, and leaves other guides' pages
stored; publishing a guide retires its authors' pages."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from roles import periodic
from roles.models import Status
from tests.factories import make_author, make_guide

pytestmark = pytest.mark.django_db


def hit(url: str) -> bool:
    return Client().get(url)["X-Page-Cache"] == "hit"


def warm(*urls: str) -> None:
    for url in urls:
        Client().get(url)
        assert hit(url), url


def test_renaming_an_author_retires_the_pages_that_print_their_name():
    priya = make_author(name="Priya Raman", slug="priya-raman")
    theirs = make_guide(authors=[priya])
    other = make_guide(authors=[make_author()])
    pages = {
        "profile": priya.get_absolute_url(),
        "authors": "/authors/",
        "their guide": theirs.get_absolute_url(),
        "guides": "/guides/",
        "api guides": "/api/v1/guides/",
        "other guide": other.get_absolute_url(),
    }
    warm(*pages.values())

    priya.name = "Priya R. Raman"
    priya.save()

    still_stored = {name for name, url in pages.items() if hit(url)}
    assert still_stored == {"other guide"}
    for name in ("profile", "authors", "their guide", "guides"):
        assert "Priya R. Raman" in Client().get(pages[name]).text, name


def test_publishing_a_guide_retires_its_authors_page():
    priya = make_author(slug="priya-raman")
    guide = make_guide(title="Fresh guide", authors=[priya], status=Status.DRAFT, published_at=None)
    warm(priya.get_absolute_url())
    assert "Fresh guide" not in Client().get(priya.get_absolute_url()).text

    guide.status = Status.PUBLISHED
    guide.save()

    assert not hit(priya.get_absolute_url())
    assert "Fresh guide" in Client().get(priya.get_absolute_url()).text


def test_a_scheduled_guide_reaches_its_authors_page_when_it_comes_due():
    priya = make_author(slug="priya-raman")
    guide = make_guide(
        title="Scheduled guide", authors=[priya], published_at=timezone.now() + timedelta(hours=1)
    )
    warm(priya.get_absolute_url())
    guide.__class__.objects.filter(pk=guide.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    periodic.publish_due()
    assert "Scheduled guide" in Client().get(priya.get_absolute_url()).text


def test_crediting_an_author_retires_the_guide_and_the_authors_page():
    priya, sam = make_author(slug="priya-raman"), make_author(slug="sam-lee")
    guide = make_guide(title="Shared guide", authors=[priya])
    warm(guide.get_absolute_url(), sam.get_absolute_url())
    guide.credits.create(author=sam, position=2)
    assert "Shared guide" in Client().get(sam.get_absolute_url()).text
    assert sam.name in Client().get(guide.get_absolute_url()).text
