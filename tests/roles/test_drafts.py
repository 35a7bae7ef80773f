"""A draft of a live guide or role: saved apart, shown in the editor's form, on no public page,
feed, sitemap, search or API answer until it is published; published as one version (with the
pages retired), by the form, a list action or the worker at its time; or discarded."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from roles import periodic
from roles.models import Guide, GuideDraft, RoleDraft
from tests.factories import make_editor, make_guide, make_role
from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

DRAFTED = "Zebracorn"  # a word only the draft holds


@pytest.fixture
def editor_client(client):
    editor = make_editor()
    assert not editor.is_superuser  # the Editors group's permissions, nothing more
    client.force_login(editor)
    client.editor = editor
    return client


def change_url(record) -> str:
    return reverse(f"admin:roles_{record._meta.model_name}_change", args=[record.pk])


def post_form(client, record, button: str, **changes):
    page = client.get(change_url(record))
    data = {**change_form_data(page), **changes, button: "1"}
    return client.post(change_url(record), data)


def public_pages(guide: Guide) -> list[str]:
    role = guide.first_role
    return [
        guide.get_absolute_url(),
        "/guides/",
        f"/guides/?role={role.slug}",
        "/feeds/guides/",
        "/feeds/guides/atom/",
        "/sitemap-guides.xml",
        "/",
        role.get_absolute_url(),
        f"/search/?q={guide.title}",
        "/api/v1/guides/",
        f"/api/v1/guides/{guide.slug}/",
        f"/api/v1/roles/{role.slug}/",
    ]


def anonymous_bodies(urls: list[str]) -> dict[str, str]:
    visitor = Client()
    bodies = {}
    for url in urls:
        response = visitor.get(url)
        assert response.status_code == 200, url
        bodies[url] = response.content.decode()
    return bodies


def save_guide_draft(editor_client, guide, **extra):
    response = post_form(
        editor_client,
        guide,
        "_save_draft",
        title=f"{DRAFTED} title",
        introduction=f"The {DRAFTED} introduction.",
        **{
            "sections-0-first_role_notes": f"A {DRAFTED} note.",
            "sections-5-DELETE": "on",
            "tips-0-text": f"Build one {DRAFTED}.",
        },
        **extra,
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


def test_a_draft_of_a_live_guide_is_on_no_public_page_until_published(editor_client):
    guide = make_guide(title="Published Guide", introduction="The published introduction.")
    urls = public_pages(guide)
    anonymous_bodies(urls)  # every page cached with the published guide

    save_guide_draft(editor_client, guide)
    assert GuideDraft.objects.filter(guide=guide).exists()
    stored = Guide.objects.get(pk=guide.pk)
    assert stored.title == "Published Guide" and guide.sections.count() == 6
    assert Version.objects.get_for_object(guide).count() == 0  # a draft is not a version

    # The editor's form shows the draft; the changelist says there is one.
    form = editor_client.get(change_url(guide)).content.decode()
    assert f"The {DRAFTED} introduction." in form and "This form shows a draft" in form
    assert form.count('name="sections-TOTAL_FORMS" value="5"') == 1
    listing = editor_client.get(reverse("admin:roles_guide_changelist"), {"draft": "yes"})
    assert listing.context["cl"].result_count == 1
    none = editor_client.get(reverse("admin:roles_guide_changelist"), {"draft": "no"})
    assert none.context["cl"].result_count == 0

    # Visitors see the published guide, from the cache and freshly rendered alike.
    for fresh in (False, True):
        if fresh:
            from django.core.cache import cache

            cache.clear()
        for url, body in anonymous_bodies(urls).items():
            assert DRAFTED not in body, url
        assert (
            "The published introduction."
            in anonymous_bodies([guide.get_absolute_url()])[guide.get_absolute_url()]
        )
    # The editor's own view of the live page is the published one too.
    assert DRAFTED not in editor_client.get(guide.get_absolute_url()).content.decode()

    response = post_form(editor_client, guide, "_save")  # "Publish changes"
    assert response.status_code == 302
    assert not GuideDraft.objects.exists()
    guide.refresh_from_db()
    assert guide.title == f"{DRAFTED} title"
    assert guide.sections.count() == 5
    assert guide.sections.first().first_role_notes == f"A {DRAFTED} note."
    assert guide.tips.get().text == f"Build one {DRAFTED}."
    (version,) = Version.objects.get_for_object(guide)
    assert version.field_dict["introduction"] == f"The {DRAFTED} introduction."
    assert version.revision.user == editor_client.editor

    # Every cached page showing the guide was retired.
    bodies = anonymous_bodies(urls)
    for url in [guide.get_absolute_url(), "/guides/", "/feeds/guides/", "/", "/api/v1/guides/"]:
        assert DRAFTED in bodies[url], url


def test_saving_a_draft_again_and_adding_a_section_keeps_one_draft(editor_client):
    guide = make_guide()
    save_guide_draft(editor_client, guide)
    # The form shown over the draft posts back cleanly, with a section added to it.
    page = editor_client.get(change_url(guide))
    data = change_form_data(page)
    data.update({
        "sections-TOTAL_FORMS": "6",
        "sections-5-position": "9", "sections-5-kind": "custom",
        "sections-5-heading": "A day at work", "sections-5-first_role_notes": "Meetings.",
        "_save_draft": "1",
    })  # fmt: skip
    assert editor_client.post(change_url(guide), data).status_code == 302
    assert GuideDraft.objects.count() == 1 and guide.sections.count() == 6
    page = editor_client.get(change_url(guide))
    assert "A day at work" in page.content.decode()

    assert post_form(editor_client, guide, "_save").status_code == 302
    assert [s.title for s in guide.sections.all()][-1] == "A day at work"
    assert guide.sections.count() == 6  # five kept, one added


def test_discarding_a_draft_leaves_the_published_guide(editor_client):
    guide = make_guide(title="Published Guide")
    save_guide_draft(editor_client, guide)
    response = post_form(editor_client, guide, "_discard_draft")
    assert response.status_code == 302
    assert not GuideDraft.objects.exists()
    guide.refresh_from_db()
    assert guide.title == "Published Guide" and guide.sections.count() == 6
    assert DRAFTED not in editor_client.get(change_url(guide)).content.decode()


def test_a_draft_the_same_as_the_published_guide_is_not_kept(editor_client):
    guide = make_guide()
    response = post_form(editor_client, guide, "_save_draft")
    assert response.status_code == 302
    assert not GuideDraft.objects.exists()


def test_a_guide_that_is_not_published_has_no_draft_button(editor_client):
    guide = make_guide(status="draft", published_at=None)
    page = editor_client.get(change_url(guide)).content.decode()
    assert 'name="_save_draft"' not in page and 'name="_preview"' in page
    response = post_form(editor_client, guide, "_save_draft", introduction="Saved as usual.")
    assert not GuideDraft.objects.exists()
    assert response.status_code == 200 or Guide.objects.get(pk=guide.pk).introduction


def test_a_scheduled_draft_is_published_by_the_worker_at_its_time(editor_client):
    guide = make_guide()
    anonymous_bodies([guide.get_absolute_url(), "/guides/"])
    when = timezone.localtime() + timedelta(minutes=1)
    save_guide_draft(
        editor_client,
        guide,
        publish_changes_at_0=when.strftime("%Y-%m-%d"),
        publish_changes_at_1=when.strftime("%H:%M:%S"),
    )
    draft = GuideDraft.objects.get()
    assert draft.publish_at is not None
    assert periodic.publish_due() == "no scheduled guide came due"
    assert DRAFTED not in anonymous_bodies([guide.get_absolute_url()])[guide.get_absolute_url()]

    with mock.patch("django.utils.timezone.now", return_value=when + timedelta(seconds=5)):
        assert "1 draft(s) published" in periodic.publish_due()
    assert not GuideDraft.objects.exists()
    bodies = anonymous_bodies([guide.get_absolute_url(), "/guides/"])
    assert all(DRAFTED in body for body in bodies.values())
    (version,) = Version.objects.get_for_object(guide)
    assert "scheduled" in version.revision.comment


def test_a_role_draft_shows_where_it_is_used_and_waits_for_publishing(editor_client):
    role = make_role(name="Data Analyst", definition="Analysts answer questions.")
    guides = [make_guide(first_role=role, title=f"Guide {n}") for n in range(3)]
    make_guide(first_role=role, title="Unpublished guide", status="draft", published_at=None)
    page = editor_client.get(change_url(role)).content.decode()
    assert "This change shows on 3 published guides" in page
    assert all(guide.title in page for guide in guides) and "Unpublished guide" not in page

    urls = [role.get_absolute_url(), guides[0].get_absolute_url(), f"/api/v1/roles/{role.slug}/"]
    anonymous_bodies(urls)
    response = post_form(
        editor_client, role, "_save_draft", definition=f"Analysts answer {DRAFTED} questions."
    )
    assert response.status_code == 302
    assert RoleDraft.objects.filter(role=role).exists()
    for url, body in anonymous_bodies(urls).items():
        assert DRAFTED not in body, url
    listing = editor_client.get(reverse("admin:roles_role_changelist"), {"draft": "yes"})
    assert [r.pk for r in listing.context["cl"].result_list] == [role.pk]

    response = editor_client.post(
        reverse("admin:roles_role_changelist"),
        {"action": "publish_drafts", "_selected_action": [role.pk]},
    )
    assert response.status_code == 302
    assert not RoleDraft.objects.exists()
    for url, body in anonymous_bodies(urls).items():
        assert DRAFTED in body, url
    assert Version.objects.get_for_object(role).count() == 1
