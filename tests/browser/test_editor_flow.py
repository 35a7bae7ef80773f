"""An editor's whole pass, as an Editors-group user (staff, not superuser), in the admin:
write a guide with a preview before the first save, publish it, change a sentence of the live
guide as a draft (the public page keeps the published text), preview and publish the draft,
compare the two versions and restore the first, and schedule a guide that shows on /guides/
when its moment comes."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from roles.models import Guide
from roles.periodic import publish_due

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "editor-browser-pass"
TITLE = "Analytics Engineer vs Data Analyst: which one models the data?"
FIRST = "Both roles turn raw tables into answers a team can trust."
SECOND = "Both roles turn raw tables into answers a whole company can trust."


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user(
        "editor", "editor@example.com", PASSWORD, is_staff=True, first_name="Eda"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(page, user) -> None:
    page.goto("/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()


def pick(page, field: str, text: str) -> None:
    """Chooses `text` in an autocomplete (select2) field of the admin."""
    page.locator(f"#id_{field} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def intro(page):
    return page.locator("textarea#id_introduction")


def preview_of(page):
    """Clicks Preview (it opens in a new tab) and returns that tab."""
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Preview").first.click()
    preview = opened.value
    preview.wait_for_load_state()
    return preview


def test_editor_writes_publishes_drafts_compares_and_restores(editor, open_page, screenshot):
    admin = open_page("desktop")
    log_in(admin, editor)

    # Write the guide in one pass and preview it before it was ever saved.
    admin.goto("/admin/roles/guide/add/")
    admin.locator("#id_title").fill(TITLE)
    pick(admin, "first_role", "Analytics Engineer")
    pick(admin, "second_role", "Data Analyst")
    intro(admin).fill(FIRST)
    admin.locator("#id_status").select_option(label="Published")
    screenshot(admin, "add-page")
    preview = preview_of(admin)
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(preview.get_by_text(FIRST)).to_be_visible()
    expect(preview.get_by_text("Preview of unsaved changes.")).to_be_visible()
    screenshot(preview, "preview-before-first-save")
    preview.close()
    assert not Guide.objects.filter(title=TITLE).exists()

    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.locator(".messagelist")).to_contain_text("was added successfully")
    guide = Guide.objects.get(title=TITLE)
    assert guide.is_public and guide.sections.count() == 6

    visitor = open_page("phone")
    assert visitor.goto(guide.get_absolute_url()).status == 200
    expect(visitor.get_by_text(FIRST)).to_be_visible()

    # Change a sentence of the live guide as a draft: the public page keeps the old one.
    admin.goto(f"/admin/roles/guide/{guide.pk}/change/")
    intro(admin).fill(SECOND)
    admin.get_by_role("button", name="Save draft").click()
    expect(admin.locator(".draft-note").first).to_contain_text("This form shows a draft")
    visitor.reload()
    expect(visitor.get_by_text(FIRST)).to_be_visible()
    expect(visitor.get_by_text(SECOND)).to_have_count(0)

    preview = preview_of(admin)
    expect(preview.get_by_text(SECOND)).to_be_visible()
    preview.close()
    admin.get_by_role("button", name="Publish changes").click()
    expect(admin.locator(".messagelist")).to_be_visible()
    visitor.reload()
    expect(visitor.get_by_text(SECOND)).to_be_visible()
    screenshot(visitor, "published-change")

    # The history compares the two versions and restores the first as a new version.
    admin.goto(f"/admin/roles/guide/{guide.pk}/history/")
    screenshot(admin, "history")
    admin.get_by_role("button", name=re.compile("Compare", re.I)).first.click()
    diff = admin.locator("#content-main")
    expect(diff.locator("del").filter(has_text="team")).not_to_have_count(0)
    expect(diff.locator("ins").filter(has_text="whole company")).not_to_have_count(0)
    screenshot(admin, "compare")

    admin.goto(f"/admin/roles/guide/{guide.pk}/history/")
    # The oldest version: the history lists the newest first.
    admin.get_by_role("link", name="Restore this version…").last.click()
    expect(intro(admin)).to_have_value(FIRST)
    admin.get_by_role("button", name="Save", exact=True).click()
    visitor.reload()
    expect(visitor.get_by_text(FIRST)).to_be_visible()
    admin.goto(f"/admin/roles/guide/{guide.pk}/history/")
    expect(admin.locator("#change-history tbody tr")).to_have_count(3)  # restored as the newest


def test_editor_schedules_a_guide_that_appears_on_time(editor, open_page, screenshot):
    """The worker's per-minute job (publish_due) retires the cached lists when the moment
    comes; here the moment is seconds ahead, and the job is run as the worker would."""
    guide = Guide.objects.filter(status="draft").first() or Guide.objects.order_by("pk").last()
    assert guide is not None
    if guide.is_public:
        guide.status = "draft"
        guide.save()
    visitor = open_page("desktop")
    visitor.goto("/guides/")  # cached as it is now
    expect(visitor.get_by_text(guide.title, exact=True)).to_have_count(0)

    admin = open_page("desktop")
    log_in(admin, editor)
    admin.goto(f"/admin/roles/guide/{guide.pk}/change/")
    moment = timezone.localtime(timezone.now() + timedelta(seconds=6)).replace(microsecond=0)
    admin.locator("#id_status").select_option(label="Published")
    admin.locator("#id_published_at_0").fill(moment.strftime("%Y-%m-%d"))
    admin.locator("#id_published_at_1").fill(moment.strftime("%H:%M:%S"))
    admin.get_by_role("button", name=re.compile(r"^(Save|Publish changes)$")).first.click()
    expect(admin.locator(".messagelist")).to_be_visible()
    screenshot(admin, "scheduled")
    guide.refresh_from_db()
    assert guide.published_at == moment and not guide.is_public

    visitor.goto("/guides/")
    expect(visitor.get_by_text(guide.title, exact=True)).to_have_count(0)
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.5)
    publish_due()
    # A new visitor: the first one's browser may keep the list it saw for CDN_MAX_AGE seconds.
    visitor = open_page("desktop")
    visitor.goto("/guides/")
    expect(visitor.get_by_text(guide.title, exact=True).first).to_be_visible()
    screenshot(visitor, "on-guides-at-its-moment")
