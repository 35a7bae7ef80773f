"""The pairs the index and the sitemap list: every two published roles, most open jobs first."""

from dataclasses import dataclass
from itertools import combinations

from compare.comparison import comparing
from compare.pairs import Pair
from jobs.role_figures import role_figures
from roles.models import Guide, Role
from salaries.figures import global_figures_by_name


@dataclass
class PairEntry:
    pair: Pair
    first_jobs: int
    second_jobs: int
    guide: Guide | None

    @property
    def open_jobs(self) -> int:
        return self.first_jobs + self.second_jobs


def _guides() -> list[Guide]:
    """Published comparison guides, newest first; one query."""
    guides = Guide.objects.published().filter(second_role__isnull=False)
    return list(guides.only("slug", "title", "first_role", "second_role", "published_at"))


def pair_list(slug: str = "") -> tuple[list[PairEntry], Role | None, list[Role]]:
    """Every pair (or, given a role's slug, that role's pairs), most open jobs first, the role
    and every published role; three queries at most."""
    roles = list(Role.objects.published().only("name", "slug", "updated_at"))
    role = next((r for r in roles if r.slug == slug), None) if slug else None
    guides = _guides()
    counts = role_figures()

    def jobs(role: Role) -> int:
        return counts[role.pk].open_jobs if role.pk in counts else 0

    entries = [
        PairEntry(pair, jobs(pair.first), jobs(pair.second), comparing(guides, *pair_roles))
        for pair_roles in combinations(roles, 2)
        if role is None or role in pair_roles
        for pair in [Pair.of(*pair_roles)]
    ]
    entries.sort(key=lambda e: (-e.open_jobs, e.pair.first.name, e.pair.second.name))
    return entries, role, roles


def indexable_pairs() -> list[PairEntry]:
    """The pairs that are their own canonical page and have something to say: no editors'
    guide covers them, and at least one role has a salary median or an open job."""
    entries, _, _ = pair_list()
    names = sorted({role.name for e in entries for role in (e.pair.first, e.pair.second)})
    paid = {name for name, fig in global_figures_by_name(names).items() if fig.overall.shown}
    return [
        entry
        for entry in entries
        if entry.guide is None
        and (entry.open_jobs or paid & {entry.pair.first.name, entry.pair.second.name})
    ]
