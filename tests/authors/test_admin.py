"""Editors (the Editors group, not superusers) keep the authors and credit them on guides: the
author admin, the guide admin's author picker (autocomplete) and "Last reviewed", a new guide
credited to the editor's own byline, and a live guide's authors changed as a draft."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from authors.models import Author
from roles.models import Guide, GuideDraft
from tests.factories import make_author, make_editor, make_guide, make_role
from tests.roles.admin_forms import change_form_data
from tests.roles.test_admin import guide_form, management_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = make_editor()
    assert not editor.is_superuser  # the Editors group's permissions, nothing more
    client.force_login(editor)
    client.editor = editor
    return client


def test_editors_add_and_change_authors(editor_client):
    response = editor_client.post(
        reverse("admin:authors_author_add"),
        {
            "name": "Priya Raman",
            "slug": "priya-raman",
            "role_line": "Senior editor",
            "bio": "Writes about *data*.",
            "website": "https://priya.example/",
            "github": "",
            "linkedin": "https://www.linkedin.com/in/priya",
            "mastodon": "",
            "x": "",
            "user": editor_client.editor.pk,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    author = Author.objects.get(slug="priya-raman")
    assert author.bio_html == "<p>Writes about <em>data</em>.</p>"
    assert author.user == editor_client.editor
    listing = editor_client.get(reverse("admin:authors_author_changelist"))
    assert listing.status_code == 200 and "Priya Raman" in listing.text


def test_the_author_form_refuses_links_that_are_not_https(editor_client):
    response = editor_client.post(
        reverse("admin:authors_author_add"),
        {
            "name": "Sam",
            "slug": "sam",
            "website": "http://sam.example/",
            "x": "https://sam.example/",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "https://" in str(errors["website"]) and "x.com" in str(errors["x"])


def test_the_guide_admin_picks_authors_by_name(editor_client):
    make_author(name="Priya Raman")
    make_author(name="Sam Lee")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "roles", "model_name": "guideauthor", "field_name": "author", "term": "pri"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Priya Raman"]


def test_a_new_guide_is_credited_to_the_editors_byline(editor_client):
    own = make_author(name="Ed Itor", user=editor_client.editor)
    page = editor_client.get(reverse("admin:roles_guide_add"))
    data = change_form_data(page, crlf=False)
    assert data["credits-0-author"] == str(own.pk)
    role = make_role()
    data.update(guide_form(first_role=role.pk, **management_form("tips", 0)))
    data.update({"credits-TOTAL_FORMS": "1", "credits-0-author": str(own.pk)})
    data.update(management_form("sections", 0))
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 302, response.context["errors"]
    assert Guide.objects.get(slug=data["slug"]).credited_authors == [own]


def test_editors_set_the_authors_their_order_and_last_reviewed(editor_client):
    priya, sam = make_author(name="Priya Raman"), make_author(name="Sam Lee")
    guide = make_guide(authors=[priya])
    url = reverse("admin:roles_guide_change", args=[guide.pk])
    data = change_form_data(editor_client.get(url))
    data.update({
        "last_reviewed": "2025-06-02",
        "credits-0-position": "2",
        "credits-TOTAL_FORMS": "2",
        "credits-1-position": "1", "credits-1-author": str(sam.pk),
    })  # fmt: skip
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    guide = Guide.objects.get(pk=guide.pk)
    assert guide.credited_authors == [sam, priya]
    assert guide.last_reviewed == datetime.date(2025, 6, 2)
    html = Client().get(guide.get_absolute_url()).text
    assert 'By <a href="/authors/' in html and html.index("Sam Lee") < html.index("Priya Raman")


def test_the_same_author_twice_is_refused(editor_client):
    priya = make_author(name="Priya Raman")
    guide = make_guide(authors=[priya])
    url = reverse("admin:roles_guide_change", args=[guide.pk])
    data = change_form_data(editor_client.get(url))
    data.update({"credits-TOTAL_FORMS": "2", "credits-1-author": str(priya.pk)})
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert guide.credits.count() == 1


def test_a_live_guides_authors_change_as_a_draft(editor_client):
    priya, sam = make_author(name="Priya Raman"), make_author(name="Sam Lee")
    guide = make_guide(authors=[priya])
    url = reverse("admin:roles_guide_change", args=[guide.pk])
    data = change_form_data(editor_client.get(url))
    # Priya taken off, Sam credited instead, as a draft.
    data.update({
        "credits-0-DELETE": "on",
        "credits-TOTAL_FORMS": "2",
        "credits-1-position": "1", "credits-1-author": str(sam.pk),
        "_save_draft": "1",
    })  # fmt: skip
    assert editor_client.post(url, data).status_code == 302
    assert GuideDraft.objects.filter(guide=guide).exists()
    visitor = Client()
    assert "Priya Raman" in visitor.get(guide.get_absolute_url()).text
    assert "Sam Lee" not in visitor.get(guide.get_absolute_url()).text
    assert guide.title not in visitor.get(sam.get_absolute_url()).text
    assert "Sam Lee" in editor_client.get(url).text  # the form shows the draft

    # Publishing the draft ("Save" on the form showing it) credits Sam alone.
    data = change_form_data(editor_client.get(url))
    assert editor_client.post(url, {**data, "_save": "1"}).status_code == 302
    assert Guide.objects.get(pk=guide.pk).credited_authors == [sam]
    html = Client().get(guide.get_absolute_url()).text
    assert "Sam Lee" in html and "Priya Raman" not in html
    assert guide.title in Client().get(sam.get_absolute_url()).text


def test_an_author_credited_on_a_guide_cannot_be_deleted(editor_client):
    priya = make_author(name="Priya Raman")
    make_guide(authors=[priya])
    url = reverse("admin:authors_author_delete", args=[priya.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert Author.objects.filter(pk=priya.pk).exists()
    assert response.status_code == 200 and "protected" in response.text.lower()
