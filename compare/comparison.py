"""Everything a comparison shows, read in a fixed number of queries whatever the data size:
the pair's guides, both roles' pay by level, their newest job cards, the skills their postings
ask for, and their open-job counts (shared with the home page's figures)."""

from dataclasses import dataclass, field

from django.db.models import Q

from compare.pairs import Pair
from compare.split import KindSplit, Split, item_key, split, split_tools
from compare.summary import summary_sentences
from jobs.models import Job
from jobs.role_figures import role_figures
from jobs.selectors import newest_cards_by_role, requested_skills_by_role
from roles.models import Guide, Role
from salaries.charts import pair_range_chart
from salaries.figures import Figures, TitleFigures, global_figures_by_name
from salaries.models import LEVEL_LABELS

JOB_CARDS = 3
SKILL_SAMPLE = 200  # the newest postings of each role read for its requested skills
REQUESTED_SKILLS = 10
RELATED_GUIDES = 6


@dataclass
class Side:
    """One role of a comparison, with its figures."""

    role: Role
    pay: TitleFigures | None  # the global figures of the role's own title, if it has one
    open_jobs: int
    jobs: list[Job]
    requested: list[tuple[str, int]]  # (skill, postings naming it), most named first
    also_requested_by_other: set[str] = field(default_factory=set)  # item keys

    @property
    def requested_rows(self) -> list[tuple[str, int, bool]]:
        """(skill, postings, whether the other role's postings ask for it too)."""
        shared = self.also_requested_by_other
        return [(skill, n, item_key(skill) in shared) for skill, n in self.requested]

    @property
    def by_level(self) -> list[Figures]:
        if self.pay is None:
            return [Figures(label) for label in LEVEL_LABELS.values()]
        return self.pay.by_level

    @property
    def overall(self) -> Figures:
        return self.pay.overall if self.pay is not None else Figures("All levels")

    @property
    def has_pay(self) -> bool:
        return self.overall.shown


@dataclass
class Comparison:
    pair: Pair
    first: Side
    second: Side
    guide: Guide | None  # the editors' guide comparing these two roles
    guides: list[Guide]  # other guides about either role
    skills: Split
    tools: list[KindSplit]
    industries: Split
    requested: Split

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.first, self.second

    @property
    def says_something(self) -> bool:
        """Whether the page has any figure to show; without one it is kept out of search
        engines (noindex) and the sitemap."""
        return any(side.has_pay or side.open_jobs for side in self.sides)

    @property
    def chart(self) -> dict | None:
        return pair_range_chart(self.first.by_level, self.second.by_level)

    @property
    def summary(self) -> list[str]:
        return summary_sentences(self)


def guides_about(roles: list[Role]) -> list[Guide]:
    """Published guides about any of the roles, newest first; one query."""
    ids = [role.pk for role in roles]
    guides = Guide.objects.published().with_roles()
    return list(guides.filter(Q(first_role__in=ids) | Q(second_role__in=ids)))


def comparing(guides: list[Guide], first: Role, second: Role) -> Guide | None:
    """The newest of `guides` that compares exactly these two roles."""
    pair = {first.pk, second.pk}
    return next((g for g in guides if {g.first_role_id, g.second_role_id} == pair), None)


def compare(first: Role, second: Role) -> Comparison:
    """The comparison of two published roles, in the order given; five queries at most (the
    open-job counts come from the shared cache when it holds them)."""
    roles = [first, second]
    ids = [role.pk for role in roles]
    guides = guides_about(roles)
    guide = comparing(guides, first, second)
    pay = global_figures_by_name([role.name for role in roles])
    cards = newest_cards_by_role(ids, JOB_CARDS)
    requested = requested_skills_by_role(ids, sample=SKILL_SAMPLE, limit=REQUESTED_SKILLS)
    counts = role_figures()
    for role in roles:
        for job in cards[role.pk]:
            job.role = role  # known already: no query per card for its role
    sides = [
        Side(
            role=role,
            pay=pay.get(role.name),
            open_jobs=counts[role.pk].open_jobs if role.pk in counts else 0,
            jobs=cards[role.pk],
            requested=requested[role.pk],
        )
        for role in roles
    ]
    keys = [{item_key(skill) for skill, _ in side.requested} for side in sides]
    sides[0].also_requested_by_other = sides[1].also_requested_by_other = keys[0] & keys[1]
    return Comparison(
        pair=Pair(first, second),
        first=sides[0],
        second=sides[1],
        guide=guide,
        guides=[g for g in guides if g != guide][:RELATED_GUIDES],
        skills=split(first.skill_list, second.skill_list),
        tools=split_tools(first.tool_groups, second.tool_groups),
        industries=split(
            [name for name, _ in first.industry_list], [name for name, _ in second.industry_list]
        ),
        requested=split(
            [skill for skill, _ in sides[0].requested], [skill for skill, _ in sides[1].requested]
        ),
    )
