"""Bylines name the author as readers should see them: a display name set in the admin, else
the full name, and never the log-in name."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from roles.models import AuthorProfile
from tests.factories import make_editor, make_guide

pytestmark = pytest.mark.django_db


def byline_of(client, guide) -> str:
    return client.get(guide.get_absolute_url()).content.decode()


def test_the_display_name_is_printed(client):
    author = make_editor(username="writer")
    AuthorProfile.objects.create(user=author, display_name="Priya Raman")
    html = byline_of(client, make_guide(author=author))
    assert "By Priya Raman" in html and '"name": "Priya Raman"' in html
    assert "writer" not in html


def test_without_a_display_name_the_full_name_then_nothing(client):
    author = make_editor(username="writer")  # Ed Itor
    assert "By Ed Itor" in byline_of(client, make_guide(author=author))
    nameless = get_user_model().objects.create_user("login-only", is_staff=True)
    html = byline_of(client, make_guide(author=nameless))
    assert "login-only" not in html and "By " not in html


def test_editors_set_display_names_in_the_admin(client):
    editor = make_editor()
    client.force_login(editor)
    response = client.post(
        reverse("admin:roles_authorprofile_add"), {"user": editor.pk, "display_name": "Ed I."}
    )
    assert response.status_code == 302
    assert editor.author_profile.display_name == "Ed I."
