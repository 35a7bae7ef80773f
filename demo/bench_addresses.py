"""Addresses for the traffic mix of `make bench`, drawn from the database as visitors would ask.

A job board's traffic is not one address asked again and again: most requests are for one of
thousands of postings (the fresh ones most) or for a filter combination nobody asked for in the
last minutes. Each kind below is a list of addresses; the distinct lists repeat none, so every
request of a run over them is a first view, and the mix draws every kind in its share, with the
newest postings most viewed, so it repeats some as real traffic does.
"""

import random
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict

from jobs.choices import EmploymentType, ExperienceLevel, Workplace
from jobs.filters import POSTED_WITHIN, JobFilter
from jobs.models import Company, Job
from roles.models import Guide, Role
from salaries.models import SalaryStat

# Each kind's share of the mix (percent): a posting is what most visitors came for.
MIX_SHARES = {
    "job": 40,
    "list": 25,
    "api": 8,
    "guide": 7,
    "role": 5,
    "salary": 5,
    "home": 4,
    "search": 3,
    "company": 3,
}
# Words people type in the job search and the site search.
WORDS = [
    "python", "data", "machine learning", "pytorch", "sql", "llm", "spark", "kubernetes",
    "analytics", "nlp", "computer vision", "engineer", "scientist", "research", "mlops",
    "tableau", "deep learning", "statistics", "platform", "senior",
]  # fmt: skip
# The newest postings are viewed most: a posting's rank (0 the newest) is drawn from an
# exponential with this share of the board as its mean.
FRESH_MEAN_SHARE = 0.05
# How far visitors page: mostly the first page.
PAGES = [(1, 75), (2, 12), (3, 6), (4, 3), (5, 2), (10, 1), (20, 1)]


class Vocabulary:
    """What the filters can name, read once from the database."""

    def __init__(self) -> None:
        self.roles = list(Role.objects.published().values_list("slug", flat=True))
        self.companies = list(Company.objects.public().values_list("slug", flat=True)[:2000])
        self.cities = list(
            Job.objects.public()
            .exclude(city="")
            .values_list("city", flat=True)
            .distinct()
            .order_by("city")[:200]
        )
        self.countries = sorted(
            {str(code) for code in Job.objects.public().values_list("country", flat=True)[:5000]}
        )


def filter_query(rng: random.Random, words: Vocabulary) -> dict[str, str | list[str]]:
    """One to three filters as a visitor combines them, sometimes a page or an order."""
    choices: dict[str, Callable[[], str | list[str]]] = {
        "workplace": lambda: rng.sample(Workplace.values, rng.choice([1, 1, 2])),
        "employment_type": lambda: [rng.choice(EmploymentType.values)],
        "experience_level": lambda: rng.sample(ExperienceLevel.values, rng.choice([1, 1, 2])),
        "role": lambda: rng.choice(words.roles),
        "location": lambda: rng.choice(words.cities + words.countries),
        "salary_min": lambda: str(rng.randrange(50_000, 260_000, 10_000)),
        "posted_within": lambda: rng.choice(POSTED_WITHIN)[0],
        "q": lambda: rng.choice(WORDS),
        "company": lambda: rng.choice(words.companies),
    }
    weights = [14, 8, 12, 14, 10, 8, 6, 20, 3]
    names: set[str] = set()
    for _ in range(rng.choice([1, 1, 2, 2, 2, 3])):
        names.add(rng.choices(list(choices), weights)[0])
    query = {name: choices[name]() for name in sorted(names)}
    page = rng.choices([p for p, _ in PAGES], [w for _, w in PAGES])[0]
    if page > 1:
        query["page"] = str(page)
    if rng.random() < 0.1:
        query["ordering"] = "salary"
    return query


def address(path: str, query: dict) -> str:
    return f"{path}?{urlencode(query, doseq=True)}" if query else path


def reachable(query: dict) -> dict:
    """The query, on page 1 when its page is past the last (visitors follow the page links)."""
    page = int(query.get("page", 1))
    if page > 1:
        data = QueryDict(mutable=True)
        for name, value in query.items():
            data.setlist(name, value if isinstance(value, list) else [value])
        jobs = JobFilter(data, queryset=Job.objects.public()).qs.order_by()  # any order: cheaper
        offset = (page - 1) * settings.JOBS_PER_PAGE
        if not jobs[offset : offset + 1].exists():
            query = {name: value for name, value in query.items() if name != "page"}
    return query


def one_of(rng: random.Random, pool: list[str]) -> Callable[[], str]:
    return lambda: rng.choice(pool)


def distinct(draw: Callable[[], str], count: int, tries: int = 20) -> list[str]:
    seen: dict[str, None] = {}
    for _ in range(count * tries):
        seen[draw()] = None
        if len(seen) >= count:
            break
    return list(seen)


def build(count: int, seed: int = 7) -> dict[str, list[str]]:
    """`count` addresses of each kind (`job`, `list`, `api`: distinct) and two draws of the
    mix of `count` each."""
    rng = random.Random(seed)
    words = Vocabulary()
    newest = list(Job.objects.public().order_by("-posted_at", "-pk").values_list("slug", flat=True))
    if not newest or not words.roles:
        raise RuntimeError("The bench data set has no open job or published role.")
    pools = {
        "guide": [g.get_absolute_url() for g in Guide.objects.published().only("slug")],
        "role": [r.get_absolute_url() for r in Role.objects.published().only("slug")],
        "salary": [
            f"/salaries/{slug}/"
            for slug in SalaryStat.objects.filter(title__isnull=False)
            .values_list("title__slug", flat=True)
            .distinct()
        ],
        "company": [f"/companies/{slug}/" for slug in words.companies],
        "home": ["/"],
    }
    fresh_mean = max(1.0, len(newest) * FRESH_MEAN_SHARE)

    def fresh_job() -> str:
        rank = min(int(rng.expovariate(1 / fresh_mean)), len(newest) - 1)
        return f"/jobs/{newest[rank]}/"

    draws: dict[str, Callable[[], str]] = {
        "job": fresh_job,
        "list": lambda: address("/jobs/", reachable(filter_query(rng, words))),
        "api": lambda: address("/api/v1/jobs/", reachable(filter_query(rng, words))),
        "search": lambda: address("/search/", {"q": rng.choice(WORDS)}),
        **{kind: one_of(rng, pool) for kind, pool in pools.items()},
    }
    # Distinct job pages: any open posting, each once (first views).
    jobs = rng.sample(newest, min(count, len(newest)))
    kinds = list(MIX_SHARES)
    weights = [MIX_SHARES[kind] for kind in kinds]

    def mix() -> list[str]:
        return [draws[kind]() for kind in rng.choices(kinds, weights, k=count)]

    return {
        "job": [f"/jobs/{slug}/" for slug in jobs],
        "list": distinct(draws["list"], count),
        "api": distinct(draws["api"], count),
        # Two draws of the same traffic: the first just after a deploy, the next after it.
        "mix": mix(),
        "mix-next": mix(),
    }
