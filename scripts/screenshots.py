"""Screenshots of the main pages at phone and laptop width, for comparing a change by eye.

    .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]

BASE_URL defaults to http://127.0.0.1:8000 (`make run` with the demo content), OUT_DIR to
docs/screenshots. It needs Playwright and a Chromium (Debian's `chromium`; set CHROMIUM to
another binary). The moderation queue is taken signed in as the demo editor, who moderates.

Besides the images it prints what a phone user meets first: how far down the first job card and
the Apply button sit, and any page wider than the screen.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WIDTHS = {"phone": (390, 844), "laptop": (1366, 768)}
SEED_GUIDE = "/guides/deep-learning-engineer-vs-lead-machine-learning-engineer/"


def first_link(page: Page, path: str, prefix: str) -> str:
    page.goto(BASE + path)
    selector = f"main a[href^='{prefix}'][href$='/']:not([href='{prefix}'])"
    return page.eval_on_selector(selector, "a => a.getAttribute('href')")


def top_of(page: Page, selector: str) -> str:
    box = page.locator(selector).first.bounding_box() if page.locator(selector).count() else None
    return f"{box['y']:.0f} px" if box else "absent"


def sideways(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")


def log_in(page: Page) -> None:
    page.goto(BASE + "/admin/login/")
    page.fill("#id_username", os.environ.get("ADMIN_USER", "editor"))
    page.fill("#id_password", os.environ.get("ADMIN_PASSWORD", "demo-editor-pass"))
    page.click("input[type=submit]")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        probe = browser.new_page()
        pages = {
            "home": "/",
            "jobs": "/jobs/",
            "job": first_link(probe, "/jobs/", "/jobs/"),
            "guide": SEED_GUIDE,
            "salary": first_link(probe, "/salaries/", "/salaries/"),
            "company": first_link(probe, "/companies/", "/companies/"),
            "author": first_link(probe, "/authors/", "/authors/"),
        }
        probe.close()
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in pages.items():
                page.goto(BASE + path)
                page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=False)
                notes = []
                if name == "jobs":
                    notes.append(f"first job card at {top_of(page, '.job-card')}")
                if name == "job":
                    notes.append(f"Apply at {top_of(page, '.apply-button')}")
                if sideways(page):
                    notes.append("SCROLLS SIDEWAYS")
                print(f"{width_name:6} {path:70} {', '.join(notes)}")
            log_in(page)
            page.goto(BASE + "/admin/jobs/jobforreview/")
            page.screenshot(path=str(OUT / f"moderation-queue-{width}.png"), full_page=False)
            context.close()
        browser.close()
    print(f"Screenshots in {OUT}/")


if __name__ == "__main__":
    main()
