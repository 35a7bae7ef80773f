"""Open jobs per role, for the home page's popular guides and the role comparisons.

Counting every public posting by role reads the whole public set (a few hundred milliseconds at a
million postings), so the figures are computed at most every ROLE_FIGURES_SECONDS and shared
through the cache (Redis in production): the home page itself stays a few indexed queries.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count

from jobs.models import Job

ROLE_FIGURES_SECONDS = 10 * 60
ROLE_FIGURES_KEY = "role-figures-v2"


@dataclass(frozen=True)
class RoleFigures:
    open_jobs: int


def _compute() -> dict[int, RoleFigures]:
    rows = (
        Job.objects.public()
        .filter(role__isnull=False)
        .order_by()
        .values("role")
        .annotate(open_jobs=Count("pk"))
    )
    return {row["role"]: RoleFigures(open_jobs=row["open_jobs"]) for row in rows}


def role_figures() -> dict[int, RoleFigures]:
    """Figures by role id, for roles with at least one public posting."""
    # None only if _compute() returned None; the stubs allow it for any default.
    return cache.get_or_set(ROLE_FIGURES_KEY, _compute, ROLE_FIGURES_SECONDS)  # type: ignore[return-value]


def popular_guides(guides, limit: int) -> list:
    """Guides for the roles with the most open jobs (the demand readers come for), newest first
    among equals. `guides` is a few hundred published guides at most."""
    figures = role_figures()

    def openings(guide) -> int:
        return sum(figures[r.pk].open_jobs for r in guide.roles if r.pk in figures)

    ranked = sorted(guides, key=lambda g: (-openings(g), -g.published_at.timestamp(), -g.pk))
    return ranked[:limit]
