"""Every change an editor saves is a version: compared, restored (as a new version, sections and
tips included), made by list actions too, and never made by a save that changes nothing."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from roles.models import Guide, GuideSection, Status
from tests.factories import make_editor, make_guide, make_role
from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = make_editor()
    assert not editor.is_superuser
    client.force_login(editor)
    client.editor = editor
    return client


def versions(obj) -> list[Version]:
    return list(Version.objects.get_for_object(obj).select_related("revision__user"))


def change_url(guide) -> str:
    return reverse("admin:roles_guide_change", args=[guide.pk])


def save_guide(client, guide, **changes):
    page = client.get(change_url(guide))
    data = {**change_form_data(page), **changes}
    response = client.post(change_url(guide), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


def test_saving_a_change_makes_a_version_with_who_and_the_sections(editor_client):
    guide = make_guide(introduction="The first words.")
    save_guide(editor_client, guide, introduction="The second words.", **{
        "sections-0-first_role_notes": "A note on definitions.",
    })  # fmt: skip
    (version,) = versions(guide)
    assert version.revision.user == editor_client.editor
    assert version.field_dict["introduction"] == "The second words."
    saved_with = version.revision.version_set.exclude(pk=version.pk)
    sections = [v.field_dict for v in saved_with if v.content_type.model == "guidesection"]
    assert len(sections) == 6
    assert "A note on definitions." in [s["first_role_notes"] for s in sections]
    assert [v.object_repr for v in saved_with if v.content_type.model == "guidetip"] == [
        "Start small"
    ]


def test_a_save_that_changes_nothing_makes_no_version_and_no_updated_stamp(editor_client):
    guide = make_guide(introduction="Line one.\nLine two.")  # browsers send "\r\n"
    before = Guide.objects.get(pk=guide.pk).updated_at
    save_guide(editor_client, guide)
    guide.refresh_from_db()
    assert versions(guide) == []
    assert guide.updated_at == before and guide.revised_at is None
    assert guide.introduction == "Line one.\nLine two."
    assert not LogEntry.objects.exists()


def test_updated_is_the_editors_choice(editor_client, client):
    guide = make_guide(published_at=make_guide().published_at - timedelta(days=30))
    save_guide(editor_client, guide, introduction="A typo fixed.")
    guide.refresh_from_db()
    assert guide.revised_at is None
    assert "Updated" not in client.get(guide.get_absolute_url()).content.decode()

    save_guide(editor_client, guide, introduction="News for readers.", mark_updated="on")
    guide.refresh_from_db()
    assert guide.revised_at is not None
    editor_client.logout()
    assert "Updated <time" in client.get(guide.get_absolute_url()).content.decode()


def test_history_compares_two_versions_readably(editor_client):
    guide = make_guide(introduction="Analysts answer questions.")
    save_guide(editor_client, guide, introduction="Analysts answer business questions.")
    save_guide(editor_client, guide, **{"sections-1-intro": "Who does what."})
    history = editor_client.get(reverse("admin:roles_guide_history", args=[guide.pk]))
    assert history.status_code == 200
    html = history.content.decode()
    assert html.count('name="old"') == 2 and "Ed Itor" in html
    assert "Restore this version" in html

    older, newer = versions(guide)[::-1]
    compare = reverse("admin:roles_guide_compare", args=[guide.pk])
    page = editor_client.get(compare, {"old": older.pk, "new": newer.pk})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Guide section “Responsibilities”" in html and "<ins>Who does what.</ins>" in html
    assert "business" not in html  # the introduction did not change between these two

    first = editor_client.get(compare, {"old": newer.pk, "new": older.pk})  # any order
    assert first.status_code == 200
    other = make_guide()
    save_guide(editor_client, other, introduction="Other.")
    stranger = versions(other)[0]
    assert editor_client.get(compare, {"old": stranger.pk, "new": newer.pk}).status_code == 404


def test_restoring_a_version_brings_back_the_text_and_sections_as_a_new_version(editor_client):
    guide = make_guide(introduction="Original introduction.")
    save_guide(editor_client, guide, introduction="Changed once.")
    (first,) = versions(guide)
    # Then a section is removed and the introduction rewritten.
    data = change_form_data(editor_client.get(change_url(guide)))
    data.update({"introduction": "Rewritten.", "sections-5-DELETE": "on"})
    assert editor_client.post(change_url(guide), data).status_code == 302
    assert guide.sections.count() == 5

    restore_url = reverse("admin:roles_guide_revision", args=[guide.pk, first.pk])
    page = editor_client.get(restore_url)
    assert page.status_code == 200
    assert "Changed once." in page.content.decode()
    guide.refresh_from_db()
    assert guide.introduction == "Rewritten." and guide.sections.count() == 5  # only shown

    assert editor_client.post(restore_url, change_form_data(page)).status_code == 302
    guide.refresh_from_db()
    assert guide.introduction == "Changed once."
    assert guide.introduction_html == "<p>Changed once.</p>"
    assert guide.sections.count() == 6
    newest, *older = versions(guide)
    assert len(older) == 2  # history kept
    assert newest.field_dict["introduction"] == "Changed once."
    assert "Reverted" in newest.revision.get_comment()


def test_publish_and_unpublish_actions_make_versions(editor_client):
    draft = make_guide(status=Status.DRAFT, published_at=None)
    live = make_guide()
    changelist = reverse("admin:roles_guide_changelist")
    editor_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk, live.pk]})
    (published,) = versions(draft)
    assert versions(live) == []  # already published: nothing changed
    assert published.revision.user == editor_client.editor
    assert published.revision.get_comment() == "Published from the list."
    assert published.field_dict["status"] == Status.PUBLISHED
    assert published.revision.version_set.count() == 1 + 6 + 1  # itself, sections, tip

    editor_client.post(changelist, {"action": "unpublish", "_selected_action": [draft.pk, live.pk]})
    assert versions(draft)[0].revision.get_comment() == "Moved back to draft from the list."
    (unpublished,) = versions(live)
    assert unpublished.field_dict["status"] == Status.DRAFT
    guides_in_it = unpublished.revision.version_set.filter(content_type__model="guide")
    assert [v.object_id for v in guides_in_it] == [str(live.pk)]


def test_role_changes_are_versions_too(editor_client):
    role = make_role(summary="Old summary.")
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = change_form_data(editor_client.get(url))
    assert editor_client.post(url, data).status_code == 302
    assert versions(role) == []
    data["summary"] = "New summary."
    assert editor_client.post(url, data).status_code == 302
    (version,) = versions(role)
    assert version.field_dict["summary"] == "New summary."
    editor_client.post(
        reverse("admin:roles_role_changelist"),
        {"action": "unpublish", "_selected_action": [role.pk]},
    )
    assert versions(role)[0].field_dict["status"] == Status.DRAFT
    history = editor_client.get(reverse("admin:roles_role_history", args=[role.pk]))
    assert "Moved back to draft from the list." in history.content.decode()


def test_adding_a_guide_records_its_first_version_with_the_standard_sections(editor_client):
    from tests.roles.test_admin import guide_form, management_form

    role = make_role()
    data = guide_form(first_role=role.pk, **management_form("sections", 0))
    assert editor_client.post(reverse("admin:roles_guide_add"), data).status_code == 302
    guide = Guide.objects.get(slug=data["slug"])
    (version,) = versions(guide)
    kinds = {
        v.field_dict["kind"]
        for v in version.revision.version_set.all()
        if v.content_type.model == "guidesection"
    }
    assert kinds == {s.kind for s in GuideSection.objects.filter(guide=guide)}
    assert version.field_dict["reading_minutes"] == guide.reading_minutes


def test_people_outside_the_editors_group_see_no_history(client):
    from django.contrib.auth import get_user_model

    guide = make_guide()
    staff = get_user_model().objects.create_user(
        "staff", password="x-long-password-1", is_staff=True
    )
    client.force_login(staff)
    assert client.get(reverse("admin:roles_guide_history", args=[guide.pk])).status_code == 403
    compare = reverse("admin:roles_guide_compare", args=[guide.pk])
    assert client.get(compare).status_code == 403
