"""Shared by the browser tests: the two screen sizes, axe-core runs and their report."""

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
