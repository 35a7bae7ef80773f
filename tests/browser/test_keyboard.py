"""Keyboard only: Tab reaches the skip link, the search fields and the first job; Enter opens it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# More presses than the page has stops before the first job card (links, fields, checkboxes).
MAX_TABS = 80
# What a sighted keyboard user needs: the focused element on screen, with a focus outline.
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {
    id: el.id,
    text: el.innerText,
    href: el.getAttribute("href"),
    firstCard: el.matches(".results .job-card .card-title a"),
    skipLink: el.matches("a.skip-link"),
    onScreen: box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
    outlined: getComputedStyle(el).outlineStyle !== "none",
  };
}"""


def assert_visible_focus(focused: dict) -> None:
    assert focused["onScreen"] and focused["outlined"], focused


def tab_until(page, wanted, seen: list) -> dict:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused["id"] or focused["text"] or focused["href"])
        if wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached it; focus went through {seen}")


def test_keyboard_reaches_search_and_first_job(page, screenshot):
    page.goto("/jobs/")
    seen = []
    skip = tab_until(page, lambda f: f["skipLink"], seen)
    assert len(seen) == 1, "the skip link is the first stop"
    assert_visible_focus(skip)
    screenshot(page, "skip-link")

    for field in ("id_q", "id_location", "id_role"):
        assert_visible_focus(tab_until(page, lambda f, field=field: f["id"] == field, seen))
    card = tab_until(page, lambda f: f["firstCard"], seen)
    assert_visible_focus(card)
    screenshot(page, "first-job-focused")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(card["href"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(card["text"])
    screenshot(page, "job")
