"""The site's own pages: Markdown rendered on save, the footer links on every page, the sitemap,
the page cache retired by an editor's save, and editors' rights in the admin."""

import pytest
from django.urls import reverse

from demo.pages import load_pages
from pages.models import Page, Slug
from tests.employers.helpers import client_for
from tests.factories import make_editor, make_job

pytestmark = pytest.mark.django_db

ADDRESSES = {
    Slug.ABOUT: "/about/",
    Slug.CONTACT: "/contact/",
    Slug.PRIVACY: "/privacy/",
    Slug.TERMS: "/terms/",
    Slug.MODERATION: "/moderation/",
}


def make_page(slug: str = Slug.ABOUT, **fields) -> Page:
    defaults = {"title": "About us", "body": "We **help** people.\n\n# Who we are\n\nA team."}
    page = Page(slug=slug, **{**defaults, **fields})
    page.save()
    return page


def test_each_page_has_its_fixed_address():
    for slug, address in ADDRESSES.items():
        assert reverse(f"pages:{slug}") == address


def test_a_page_shows_its_markdown_rendered_and_sanitized(client, django_assert_num_queries):
    make_page(body="We **help** people.\n\n# Who we are\n\n<script>alert(1)</script>A team.")
    with django_assert_num_queries(1):
        response = client.get("/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="page-title">About us</h1>' in html
    assert "<strong>help</strong>" in html
    assert "<h2" in html and "Who we are" in html  # "#" comes below the page's own heading
    assert "<script>alert" not in html
    assert 'aria-label="Breadcrumb"' in html and '"BreadcrumbList"' in html
    assert client.get("/about/")["X-Page-Cache"] == "hit"


def test_an_unwritten_page_is_not_found(client):
    assert client.get("/terms/").status_code == 404


def test_every_page_links_to_the_site_pages_in_its_footer(client):
    job = make_job()
    for address in ["/", "/jobs/", job.get_absolute_url(), "/guides/"]:
        html = client.get(address).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        for link in ADDRESSES.values():
            assert f'href="{link}"' in footer, (address, link)


def test_the_pages_are_in_the_sitemap_and_an_edit_updates_it(client):
    page = make_page()
    make_page(Slug.PRIVACY, title="Privacy")
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-site.xml" in index
    section = client.get("/sitemap-site.xml").content.decode()
    assert "http://testserver/about/" in section and "http://testserver/privacy/" in section
    assert "/terms/" not in section
    make_page(Slug.TERMS, title="Terms")
    assert "/terms/" in client.get("/sitemap-site.xml").content.decode()
    page.title = "About the atlas"
    page.save()
    assert "/about/" in client.get("/sitemap-site.xml").content.decode()


def test_an_editors_save_in_the_admin_retires_the_cached_page(client):
    page = make_page()
    assert "A team." in client.get("/about/").content.decode()
    assert client.get("/about/")["X-Page-Cache"] == "hit"
    editor = client_for(make_editor())
    response = editor.post(
        reverse("admin:pages_page_change", args=[page.pk]),
        {"title": "About us", "summary": "", "body": "A *new* text."},
    )
    assert response.status_code == 302
    html = client.get("/about/").content.decode()
    assert "A <em>new</em> text." in html and "A team." not in html


def test_the_admin_refuses_markdown_a_page_could_not_show():
    page = make_page()
    editor = client_for(make_editor())
    response = editor.post(
        reverse("admin:pages_page_change", args=[page.pk]),
        {"title": "About us", "summary": "", "body": "[click](javascript:alert(1))"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["body"]
    page.refresh_from_db()
    assert "javascript" not in page.body


def test_editors_add_and_edit_pages_but_cannot_delete_them():
    editor = client_for(make_editor())
    assert editor.get(reverse("admin:pages_page_changelist")).status_code == 200
    response = editor.post(
        reverse("admin:pages_page_add"),
        {"slug": Slug.TERMS, "title": "Terms", "summary": "", "body": "Be kind."},
    )
    assert response.status_code == 302
    page = Page.objects.get(slug=Slug.TERMS)
    assert page.body_html.strip() == "<p>Be kind.</p>"
    assert editor.get(reverse("admin:pages_page_delete", args=[page.pk])).status_code == 403


def test_the_demo_pages_load_and_render(client):
    assert load_pages() == 5
    for address in ADDRESSES.values():
        assert client.get(address).status_code == 200
    privacy = client.get("/privacy/").content.decode()
    for stored in [
        "Employer accounts",
        "Job postings",
        "Job alerts",
        "Reports of postings",
        "Contact messages",
        "Server logs",
        "delete the account",
    ]:
        assert stored in privacy
    # Loading again leaves an editor's text alone.
    Page.objects.filter(slug=Slug.ABOUT).update(title="Edited by an editor")
    assert load_pages() == 5
    assert Page.objects.get(slug=Slug.ABOUT).title == "Edited by an editor"
