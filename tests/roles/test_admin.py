"""Editors (staff in the "Editors" group, not superusers) run the guides from the admin."""

import pytest
from django.urls import reverse

from roles.models import Guide, GuideSection, Status
from tests.factories import make_editor, make_guide, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = make_editor()
    client.force_login(editor)
    client.editor = editor
    return client


def management_form(prefix: str, total: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def guide_form(**overrides) -> dict:
    data = {
        "title": "Data Analyst vs Data Scientist",
        "slug": "data-analyst-vs-data-scientist",
        "subtitle": "Two ways into data work.",
        "introduction": "Both roles **answer questions** with data.",
        "outlook": "Steady demand.",
        "conclusion": "Try both.",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "seo_description": "",
        **management_form("sections", 1),
        "sections-0-position": "1",
        "sections-0-kind": "custom",
        "sections-0-heading": "A day at work",
        "sections-0-intro": "",
        "sections-0-first_role_notes": "Dashboards.",
        "sections-0-second_role_notes": "Experiments.",
        **management_form("tips", 1),
        "tips-0-position": "1",
        "tips-0-lead_in": "Learn SQL",
        "tips-0-text": "Every data job uses it.",
        **management_form("credits", 0),
    }
    data.update(overrides)
    return data


def test_editor_writes_previews_and_publishes_a_guide(editor_client, client):
    analyst, scientist = make_role(name="Data Analyst"), make_role(name="Data Scientist")
    response = editor_client.post(
        reverse("admin:roles_guide_add"),
        guide_form(first_role=analyst.pk, second_role=scientist.pk),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    guide = Guide.objects.get(slug="data-analyst-vs-data-scientist")
    assert (
        guide.introduction_html == "<p>Both roles <strong>answer questions</strong> with data.</p>"
    )
    assert [s.title for s in guide.sections.all()] == ["A day at work"]
    assert guide.reading_minutes >= 1

    # A draft: the editor previews it, the public gets a 404.
    assert editor_client.get(guide.get_absolute_url()).status_code == 200
    editor_client.logout()
    assert client.get(guide.get_absolute_url()).status_code == 404

    editor_client.force_login(editor_client.editor)
    response = editor_client.post(
        reverse("admin:roles_guide_changelist"),
        {"action": "publish", "_selected_action": [guide.pk]},
    )
    assert response.status_code == 302
    editor_client.logout()
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert "A day at work" in response.content.decode()


def test_a_new_guide_without_sections_starts_with_the_standard_ones(editor_client):
    role = make_role()
    data = guide_form(first_role=role.pk, **management_form("sections", 0))
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 302
    guide = Guide.objects.get(slug=data["slug"])
    assert [s.kind for s in guide.sections.all()] == [
        "definition", "responsibilities", "skills", "education", "tools", "industries",
    ]  # fmt: skip


def test_invalid_guide_keeps_what_the_editor_typed(editor_client):
    role = make_role()
    data = guide_form(first_role=role.pk, second_role=role.pk, title="Kept title")
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a different role to compare with." in html
    assert 'value="Kept title"' in html
    assert not Guide.objects.exists()


def test_unpublish_hides_a_guide(editor_client, client):
    guide = make_guide()
    editor_client.post(
        reverse("admin:roles_guide_changelist"),
        {"action": "unpublish", "_selected_action": [guide.pk]},
    )
    guide.refresh_from_db()
    assert guide.status == Status.DRAFT
    editor_client.logout()
    assert client.get(guide.get_absolute_url()).status_code == 404


def test_editor_edits_a_role_and_bad_tools_get_a_clear_message(editor_client):
    role = make_role()
    url = reverse("admin:roles_role_change", args=[role.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["tools"] = "PyTorch and friends"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Write each line as “Kind: tool, tool”" in response.content.decode()
    data["tools"] = "Frameworks: PyTorch"
    data["summary"] = "A new summary."
    assert editor_client.post(url, data).status_code == 302
    role.refresh_from_db()
    assert role.summary == "A new summary."


def test_lists_search_and_filter(editor_client):
    make_guide(title="Findable guide")
    make_guide(title="Other guide", status=Status.DRAFT, published_at=None)
    url = reverse("admin:roles_guide_changelist")
    html = editor_client.get(url, {"q": "Findable"}).content.decode()
    assert "Findable guide" in html and "Other guide" not in html
    html = editor_client.get(url, {"status__exact": "draft"}).content.decode()
    assert "Other guide" in html and "Findable guide" not in html
    assert "Preview" in html
    roles = editor_client.get(reverse("admin:roles_role_changelist"))
    assert roles.status_code == 200
    assert 'class="field-guide_count">1<' in roles.content.decode()


def test_editors_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_non_staff_cannot_reach_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("v", password="pw-long-123"))
    response = client.get(reverse("admin:roles_guide_changelist"))
    assert response.status_code == 302
    assert GuideSection.objects.count() == 0


def test_publishing_from_the_form_without_a_date_publishes_now(editor_client, client):
    role = make_role()
    data = guide_form(first_role=role.pk, status=Status.PUBLISHED)
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    guide = Guide.objects.get(slug=data["slug"])
    assert guide.published_at is not None
    editor_client.logout()
    assert client.get(guide.get_absolute_url()).status_code == 200


def test_a_future_publish_date_schedules_the_guide(editor_client, client):
    role = make_role()
    data = guide_form(
        first_role=role.pk,
        status=Status.PUBLISHED,
        published_at_0="2999-01-01",
        published_at_1="09:00:00",
    )
    assert editor_client.post(reverse("admin:roles_guide_add"), data).status_code == 302
    guide = Guide.objects.get(slug=data["slug"])
    html = editor_client.get(reverse("admin:roles_guide_changelist")).content.decode()
    assert "Scheduled" in html
    editor_client.logout()
    assert client.get(guide.get_absolute_url()).status_code == 404


def test_markdown_the_page_could_not_show_is_refused_with_the_text_kept(editor_client):
    role = make_role()
    data = guide_form(
        first_role=role.pk,
        introduction="See [this](javascript:alert(1)) and ![chart](https://elsewhere.example/c.png)",
        **{"tips-0-text": "## Not a heading here"},
    )
    response = editor_client.post(reverse("admin:roles_guide_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The link to “javascript:alert(1)” cannot be used" in html
    assert "The image “https://elsewhere.example/c.png” cannot be shown" in html
    assert "Headings do not fit here" in html
    assert "See [this](javascript:alert(1))" in html  # kept in the textarea
    assert not Guide.objects.exists()


def test_an_oversized_body_gets_a_form_error_and_keeps_the_text(editor_client):
    role = make_role()
    body = "word " * 40_001  # 200,005 characters
    response = editor_client.post(
        reverse("admin:roles_guide_add"), guide_form(first_role=role.pk, conclusion=body)
    )
    assert response.status_code == 200
    assert "at most 200,000 fit here" in response.content.decode()
    assert response.context["adminform"].form.data["conclusion"] == body


def test_the_editor_shows_a_cheat_sheet_and_a_live_count(editor_client):
    html = editor_client.get(reverse("admin:roles_guide_add")).content.decode()
    assert "Markdown cheat-sheet" in html
    assert 'id="id_introduction-stats"' in html
    assert "js/admin-editing.js" in html
    assert "<script>" not in html  # scripts are files: the CSP allows no inline script


def test_admin_search_reads_the_guides_text_sections_included(editor_client):
    found = make_guide(title="Analytics engineering")
    section = found.sections.first()
    section.first_role_notes = "Models data with dbt and SQL."
    section.save()
    make_guide(title="Something else")
    page = editor_client.get(reverse("admin:roles_guide_changelist"), {"q": "dbt"})
    assert [g.title for g in page.context["cl"].result_list] == ["Analytics engineering"]


def test_the_guide_form_finds_roles_by_name(editor_client):
    """The role pickers on the guide form page through the role admin's queryset, whose guide
    count would otherwise leave it unordered (a warning, and a 500 where warnings are errors)."""
    make_role(name="Analytics Engineer")
    make_role(name="Data Analyst")
    answer = editor_client.get(
        "/admin/autocomplete/",
        {"term": "Analy", "app_label": "roles", "model_name": "guide", "field_name": "first_role"},
    )
    assert answer.status_code == 200
    assert [row["text"] for row in answer.json()["results"]] == [
        "Analytics Engineer",
        "Data Analyst",
    ]
