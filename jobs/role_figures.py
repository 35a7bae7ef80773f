"""Open jobs and pay per role, for the home page's popular guides and top titles by pay.

Counting every public posting by role reads the whole public set (a few hundred milliseconds at a
million postings), so the figures are computed at most every ROLE_FIGURES_SECONDS and shared
through the cache (Redis in production): the home page itself stays a few indexed queries.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Avg, Count

from jobs.models import Job

ROLE_FIGURES_SECONDS = 10 * 60
ROLE_FIGURES_KEY = "role-figures-v1"
MIN_PAID_POSTINGS = 3  # a role's pay is shown once this many of its postings give a salary


@dataclass(frozen=True)
class RoleFigures:
    open_jobs: int
    paid_jobs: int
    average_top_pay_usd: int | None  # the top of the range, per year, in U.S. dollars, to $1,000


def _compute() -> dict[int, RoleFigures]:
    rows = (
        Job.objects.public()
        .filter(role__isnull=False)
        .order_by()
        .values("role")
        .annotate(
            open_jobs=Count("pk"),
            paid_jobs=Count("salary_yearly_usd"),
            average_pay=Avg("salary_yearly_usd"),
        )
    )
    return {
        row["role"]: RoleFigures(
            open_jobs=row["open_jobs"],
            paid_jobs=row["paid_jobs"],
            average_top_pay_usd=(
                None if row["average_pay"] is None else int(round(float(row["average_pay"]), -3))
            ),
        )
        for row in rows
    }


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


def top_paid_roles(roles, limit: int) -> list[tuple]:
    """(role, figures) for the roles whose postings pay the most on average (top of the range),
    among roles with at least MIN_PAID_POSTINGS postings that give a salary."""
    figures = role_figures()
    paid = [
        (role, figures[role.pk])
        for role in roles
        if role.pk in figures and figures[role.pk].paid_jobs >= MIN_PAID_POSTINGS
    ]
    paid.sort(key=lambda pair: -(pair[1].average_top_pay_usd or 0))  # set: they have paid jobs
    return paid[:limit]
