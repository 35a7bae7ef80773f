"""An author's photo: uploaded in the admin through the image pipeline (a description needed),
shown in bylines and on the profile, named in Person JSON-LD, read with the guide (no query of
its own)."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from authors.models import Author
from images.kinds import PORTRAIT
from tests.factories import make_author, make_editor, make_guide
from tests.images.helpers import picture, store_bytes

pytestmark = pytest.mark.django_db


def author_form(**fields) -> dict:
    return {
        "name": "Priya Raman", "slug": "priya-raman", "role_line": "", "bio": "", "website": "",
        "github": "", "linkedin": "", "mastodon": "", "x": "", "user": "", "photo": "",
        "photo_alt": "", **fields,
    }  # fmt: skip


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_an_editor_uploads_a_photo_with_its_description(client):
    client.force_login(make_editor())
    add = reverse("admin:authors_author_add")
    photo = SimpleUploadedFile("priya.jpg", picture("JPEG", size=(300, 400)), "image/jpeg")
    refused = client.post(add, {**author_form(), "photo_upload": photo})
    assert refused.status_code == 200
    assert "Describe the image" in refused.text
    svg = SimpleUploadedFile("priya.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    refused = client.post(add, {**author_form(photo_alt="Priya"), "photo_upload": svg})
    assert refused.status_code == 200 and not Author.objects.exists()

    photo.seek(0)
    saved = client.post(add, {**author_form(photo_alt="Priya Raman"), "photo_upload": photo})
    assert saved.status_code == 302
    author = Author.objects.get()
    assert author.photo is not None and author.photo.kind == PORTRAIT.name
    assert (author.photo.width, author.photo.height) == (300, 400)


def test_bylines_and_the_profile_show_the_photo(client):
    photo = store_bytes(picture("JPEG"), PORTRAIT, original_name="p.jpg")
    author = make_author(name="Priya Raman", slug="priya", photo=photo, photo_alt="Priya, smiling")
    guide = make_guide(authors=[author])
    page = client.get(guide.get_absolute_url()).text
    assert f"/images/{photo.pk}." in page
    article = next(d for d in json_ld(page) if d.get("@type") == "Article")
    assert article["author"][0]["image"].startswith(f"http://testserver/images/{photo.pk}.")

    profile = client.get("/authors/priya/").text
    assert 'alt="Priya, smiling"' in profile
    assert json_ld(profile)[0]["image"].endswith(".jpg")

    plain = make_author(name="Sam Lee", slug="sam")
    assert "SL</span>" in client.get("/authors/sam/").text  # initials without a photo
    assert "image" not in json_ld(client.get("/authors/sam/").text)[0]
    assert plain.photo_id is None
