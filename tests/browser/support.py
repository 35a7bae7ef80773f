"""Shared by the browser tests: the two screen sizes, axe-core runs and their report."""

import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Impacts that fail a test; the others ("moderate", "minor") are reported only.
BLOCKING_IMPACTS = {"serious", "critical"}

# Injected with page.evaluate, so the site's Content-Security-Policy never has to allow it.
_axe = Axe()
# "incomplete" lists what axe could not decide (text over a gradient, say): for a person to review.
AXE_OPTIONS = {"resultTypes": ["violations", "incomplete"]}
# Non-blocking findings of this run, for the terminal summary.
axe_notes: list[str] = []
# Screenshots saved in this run, for the summary line.
saved_screenshots: list[Path] = []

DEFAULT_ARTIFACTS = "/tmp/jobboard-browser-artifacts"
AXE_NOTES = "axe-notes.txt"


def artifacts_folder() -> Path:
    """BROWSER_ARTIFACTS, one folder per database vendor (CI's two runs keep theirs apart)."""
    from django.db import connection

    return Path(os.environ.get("BROWSER_ARTIFACTS", DEFAULT_ARTIFACTS)) / connection.vendor


def write_report(terminalreporter) -> None:
    """The axe notes file and the summary lines; run once, where pytest prints its summary."""
    if axe_notes:
        notes = artifacts_folder() / AXE_NOTES
        notes.parent.mkdir(parents=True, exist_ok=True)
        notes.write_text("\n".join(axe_notes) + "\n")
        terminalreporter.write_line(
            f"axe-core: {len(axe_notes)} minor findings or items to review (not failures): {notes}"
        )
    if saved_screenshots:
        terminalreporter.write_line(f"Browser screenshots: {saved_screenshots[0].parent}")


def describe(violation: dict) -> str:
    nodes = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    more = len(violation["nodes"]) - 5
    extra = f" (+{more} more)" if more > 0 else ""
    return f"{violation['id']} ({violation['impact']}): {violation['help']} — {nodes}{extra}"


def note(line: str) -> None:
    print(line)
    if line not in axe_notes:
        axe_notes.append(line)


def axe_violations(page, where: str) -> list[str]:
    """Runs axe-core on the page; returns the blocking violations and records the rest."""
    results = _axe.run(page, options=AXE_OPTIONS).response
    blocking = []
    for violation in results["violations"]:
        line = f"{where}: {describe(violation)}"
        if violation["impact"] in BLOCKING_IMPACTS:
            blocking.append(line)
        else:
            note(line)
    for unsure in results["incomplete"]:
        note(f"{where}: needs review: {describe(unsure)}")
    return blocking
