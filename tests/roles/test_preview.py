"""The preview of an unsaved form renders the public page and saves and caches nothing; the Add
page offers the standard sections beside a custom one."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from reversion.models import Revision

from roles.models import Guide, GuideSection, GuideTip
from tests.factories import make_editor, make_guide, make_role
from tests.roles.admin_forms import change_form_data
from tests.roles.test_admin import guide_form, management_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def counts() -> tuple:
    return (
        Guide.objects.count(),
        GuideSection.objects.count(),
        GuideTip.objects.count(),
        Revision.objects.count(),
    )


def cache_keys() -> set:
    """The cache's keys but for the figures every guide shares (kept by whichever page reads
    them first; the preview's own words are never among them, see below)."""
    keys = set(cache._cache.keys())  # the local-memory cache of the tests
    return {key for key in keys if ":fragment:global-figures:" not in key} - {":1:pages:generation"}


def test_the_shared_figures_a_preview_reads_hold_none_of_its_words(editor_client):
    role = make_role(name="Data Analyst")
    data = guide_form(first_role=role.pk, _preview="1", introduction="Unsaved words.")
    assert editor_client.post(reverse("admin:roles_guide_add"), data).status_code == 200
    keys = [key[len(":1:") :] for key in list(cache._cache)]
    assert any(key.startswith("fragment:global-figures:") for key in keys)
    assert all("Unsaved words." not in repr(cache.get(key)) for key in keys)


def test_preview_of_a_new_guide_renders_the_page_and_saves_nothing(editor_client):
    role = make_role(name="Data Analyst")
    before, keys = counts(), cache_keys()
    data = guide_form(first_role=role.pk, _preview="1")
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview of unsaved changes" in html and "A day at work" in html
    assert "answer questions" in html and "no-store" in response["Cache-Control"]
    assert counts() == before
    assert cache_keys() == keys


def test_preview_of_a_live_guide_shows_the_edit_and_changes_nothing(editor_client, client):
    guide = make_guide(introduction="Published words.")
    before, keys = counts(), cache_keys()
    url = reverse("admin:roles_guide_change", args=[guide.pk])
    data = {**change_form_data(editor_client.get(url)), "introduction": "Unsaved words."}
    response = editor_client.post(url, {**data, "_preview": "1"})
    assert "Unsaved words." in response.content.decode()
    assert counts() == before and cache_keys() == keys
    assert "Published words." in client.get(guide.get_absolute_url()).content.decode()


def test_the_add_page_creates_the_standard_sections_beside_a_custom_one(editor_client):
    role = make_role()
    page = editor_client.get(reverse("admin:roles_guide_add"))
    data = change_form_data(page, crlf=False)
    kinds = [data[f"sections-{i}-kind"] for i in range(6)]
    assert kinds[0] == "definition" and len(set(kinds)) == 6
    data.update(guide_form(first_role=role.pk, **management_form("tips", 0)))
    data.update({
        "sections-TOTAL_FORMS": "7", "sections-INITIAL_FORMS": "0",
        "sections-6-position": "7", "sections-6-kind": "custom",
        "sections-6-heading": "A day at work",
    })  # fmt: skip
    for i in range(6):
        data[f"sections-{i}-kind"] = kinds[i]
        data[f"sections-{i}-position"] = str(i + 1)
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 302, response.context["errors"]
    guide = Guide.objects.get(slug=data["slug"])
    assert [s.kind for s in guide.sections.all()] == [*kinds, "custom"]
