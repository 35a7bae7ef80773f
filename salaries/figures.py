"""Reading the precomputed salary figures for pages: a fixed number of queries per page."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from django.conf import settings
from django.db.models import Exists, F, FilteredRelation, OuterRef, Q, Value
from django.utils.text import slugify

from core import page_tags
from core.page_cache import cached_fragment
from roles.models import Role
from salaries.models import LEVEL_LABELS, SalaryStat, SalaryTitle, TitleAlias
from salaries.title_matching import TitleMatcher, candidate_keys, core_key, title_key


def min_sample() -> int:
    return settings.SALARY_MIN_SAMPLE


@dataclass
class Figures:
    """One cut's figures; `shown` is False below the minimum sample (the page then says so)."""

    label: str
    count: int = 0
    postings: int = 0
    surveys: int = 0
    p10: int = 0
    p25: int = 0
    p50: int = 0
    p75: int = 0
    p90: int = 0

    @classmethod
    def from_stat(cls, label: str, stat: SalaryStat | None) -> "Figures":
        if stat is None:
            return cls(label)
        return cls(
            label,
            **{
                name: getattr(stat, name)
                for name in ("count", "postings", "surveys", "p10", "p25", "p50", "p75", "p90")
            },
        )

    @property
    def shown(self) -> bool:
        return self.count >= min_sample()

    @property
    def sources(self) -> str:
        """“812 survey records and 14 job postings”."""
        parts = []
        if self.surveys:
            parts.append(f"{self.surveys:,} survey record{'s' if self.surveys != 1 else ''}")
        if self.postings:
            parts.append(f"{self.postings:,} job posting{'s' if self.postings != 1 else ''}")
        return " and ".join(parts) or "no records"


@dataclass
class PublicTitles:
    """The titles published roles name, with the roles naming each (one query)."""

    roles_by_slug: dict[str, list[Role]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "PublicTitles":
        titles = cls()
        for role in Role.objects.published().only("name", "slug", "broader_titles", "status"):
            for name in role.salary_titles:
                titles.roles_by_slug.setdefault(slugify(name), []).append(role)
        return titles

    @property
    def slugs(self) -> list[str]:
        return list(self.roles_by_slug)


def title_list(query: str = "") -> list[dict]:
    """Public titles with their global sample size and median, alphabetical (two queries)."""
    public = PublicTitles.load()
    titles = (
        SalaryTitle.objects.filter(slug__in=public.slugs)
        .annotate(
            overall=FilteredRelation(
                "stats", condition=Q(stats__country="", stats__level="", stats__year=0)
            )
        )
        # A title an editor made an alias of another one is that title: no row of its own.
        .exclude(
            Exists(TitleAlias.objects.filter(key=OuterRef("key")).exclude(title=OuterRef("pk")))
        )
        .order_by("name")
    )
    if query:
        # As typed, and as a title key: "ML Engineer" finds Machine Learning Engineer and
        # "Sr. Data Scientist" finds Data Scientist.
        key = core_key(query)[0] or title_key(query)
        aliases = TitleAlias.objects.filter(
            Q(alias__icontains=query) | Q(key__icontains=key), title=OuterRef("pk")
        )
        titles = titles.filter(Q(name__icontains=query) | Q(key__icontains=key) | Exists(aliases))
    rows = titles.values("name", "slug", "overall__count", "overall__p50")
    return [
        {
            "name": row["name"],
            "slug": row["slug"],
            "count": row["overall__count"] or 0,
            "median": row["overall__p50"],
            "shown": (row["overall__count"] or 0) >= min_sample(),
            "roles": public.roles_by_slug.get(row["slug"], []),
        }
        for row in rows
    ]


@dataclass(frozen=True)
class RankedTitle:
    name: str
    slug: str
    median: int
    count: int


def top_paid_titles(roles: Iterable[Role], limit: int) -> list[RankedTitle]:
    """The published roles' own titles with the highest global medians, as `/salaries/` quotes
    them (titles with enough records only); one query, `roles` being the published roles.

    A role named as an editor's alias of another title counts as that title, so a title is one
    row however many roles name it. Broader titles ("Analyst") are left out: their figures pool
    the narrower titles' records, so they would repeat those rows.
    """
    roles = list(roles)
    public = {slugify(name) for role in roles for name in role.salary_titles}
    keys = {key for role in roles for key in candidate_keys(role.name)}
    rows = (
        SalaryTitle.objects.annotate(
            matching_alias=FilteredRelation("aliases", condition=Q(aliases__key__in=keys)),
            alias_key=F("matching_alias__key"),
            overall=FilteredRelation(
                "stats", condition=Q(stats__country="", stats__level="", stats__year=0)
            ),
        )
        .filter(Q(key__in=keys) | Q(alias_key__isnull=False))
        .values("pk", "name", "slug", "key", "alias_key", "overall__count", "overall__p50")
    )
    by_pk = {row["pk"]: row for row in rows}
    matched = {row["key"]: row["pk"] for row in by_pk.values() if row["key"] in keys}
    # Aliases win over a title of the same key, as in every other match (TitleMatcher).
    matched.update({row["alias_key"]: row["pk"] for row in rows if row["alias_key"]})
    matcher = TitleMatcher(matched)
    ranked = []
    for pk in dict.fromkeys(matcher.match(role.name).title_id for role in roles):
        row = by_pk.get(pk) if pk is not None else None
        if row is None or row["slug"] not in public:
            continue
        count = row["overall__count"] or 0
        if count < min_sample():
            continue
        ranked.append(RankedTitle(row["name"], row["slug"], row["overall__p50"], count))
    ranked.sort(key=lambda title: (-title.median, title.name))
    return ranked[:limit]


@dataclass
class TitleFigures:
    overall: Figures
    by_level: list[Figures]
    by_year: list[Figures]


def title_figures(title: SalaryTitle, country: str = "") -> TitleFigures:
    """Overall, by level and by year figures for a title, globally or in one country (a query)."""
    return _figures_of(list(SalaryStat.objects.filter(title=title, country=country)))


def global_figures_by_name(names: list[str]) -> dict[str, TitleFigures]:
    """Each named title's global figures, as its salary page shows them; a name without a
    salary title is left out. Read from every title's figures, kept as one fragment that every
    guide, comparison and list of comparisons shares (`global_figures`)."""
    figures = cached_fragment("global-figures", (), (page_tags.SALARIES,), global_figures)
    found = {name: figures.get(slugify(name)) for name in names}
    return {name: title_figures for name, title_figures in found.items() if title_figures}


def global_figures() -> dict[str, TitleFigures]:
    """Every title's global figures by its slug, in one query (a few rows a title). A guide's
    first view read the rows of its titles, 60 and the model instances for them, a tenth of its
    time; the same titles come back on guide after guide."""
    by_slug: dict[str, list[SalaryStat]] = {}
    for stat in SalaryStat.objects.filter(country="").select_related("title"):
        by_slug.setdefault(stat.title.slug, []).append(stat)
    return {slug: _figures_of(rows) for slug, rows in by_slug.items()}


def _figures_of(stats: list[SalaryStat]) -> TitleFigures:
    overall = next((s for s in stats if not s.level and not s.year), None)
    levels = {s.level: s for s in stats if s.level}
    years = sorted((s for s in stats if s.year), key=lambda s: s.year)
    return TitleFigures(
        overall=Figures.from_stat("All levels", overall),
        by_level=[
            Figures.from_stat(label, levels.get(value)) for value, label in LEVEL_LABELS.items()
        ],
        by_year=[Figures.from_stat(str(s.year), s) for s in years],
    )


def countries_with_data(title: SalaryTitle) -> list[tuple[str, int]]:
    """(country code, records) where the title has enough records to show, most first."""
    return list(
        SalaryStat.objects.filter(title=title, level="", year=0, count__gte=min_sample())
        .exclude(country="")
        .order_by("-count", "country")
        .values_list("country", "count")
    )


@dataclass
class PostingTitles:
    """What a posting's title is matched against: every title's and alias's key with the title
    it names (as `TitleMatcher.from_database`), and the public titles' names and slugs by id.
    One row per role title, broader title and alias (a few hundred at most), read in two
    queries and shared by every job page until the salaries or the roles change, so a posting
    is matched without a query of its own."""

    keys: dict[str, int]
    public: dict[int, tuple[str, str]]  # id: (name, slug)

    @classmethod
    def load(cls) -> "PostingTitles":
        public = PublicTitles.load().roles_by_slug
        # Titles and aliases in one query; an alias's key wins, as in from_database.
        titles = SalaryTitle.objects.values_list("pk", "key", "name", "slug", Value(False))
        aliases = TitleAlias.objects.values_list(
            "title_id", "key", Value(""), Value(""), Value(True)
        )
        rows = sorted(titles.order_by().union(aliases.order_by(), all=True), key=itemgetter(4))
        keys = {key: pk for pk, key, _, _, _ in rows}
        named = {pk: (name, slug) for pk, _, name, slug, alias in rows if not alias}
        return cls(keys, {pk: names for pk, names in named.items() if names[1] in public})

    def match(self, raw_title: str, role: Role | None) -> SalaryTitle | None:
        """The public title a posting's pay is compared with: the title its own title matches
        (aliases included), else its role's."""
        title_id = TitleMatcher(self.keys).match(raw_title).title_id
        if title_id is None or title_id not in self.public:
            role_slug = slugify(role.name) if role is not None else ""
            title_id = next(
                (pk for pk, (_, slug) in self.public.items() if slug == role_slug), None
            )
        if title_id is None:
            return None
        name, slug = self.public[title_id]
        return SalaryTitle(pk=title_id, name=name, slug=slug)


def median_for(title_name: str) -> Figures | None:
    """The global figures of a title by name (a role page's median); None without a title."""
    stat = (
        SalaryStat.objects.filter(title__slug=slugify(title_name), country="", level="", year=0)
        .only(*("count", "postings", "surveys", "p10", "p25", "p50", "p75", "p90"))
        .first()
    )
    return Figures.from_stat(title_name, stat) if stat else None


@dataclass
class Comparison:
    """Where a yearly range sits against a title's distribution."""

    figures: Figures
    title: SalaryTitle
    level: str  # level label, "" when the figures cover every level
    country: str  # country code, "" for global
    low: int
    high: int

    @property
    def verdict(self) -> str:
        if self.low > self.figures.p50:
            return "above"
        if self.high < self.figures.p50:
            return "below"
        return "around"


@dataclass
class TitleCuts:
    """A title's overall figures (every year) by country and level, "" for all of them: what
    job pages compare postings with, one query per title, shared by all its postings."""

    name: str
    cuts: dict[tuple[str, str], Figures]  # (country, level): figures with enough records

    @classmethod
    def load(cls, title: SalaryTitle) -> "TitleCuts":
        stats = SalaryStat.objects.filter(title=title, year=0, count__gte=min_sample())
        cuts = {(s.country, s.level): Figures.from_stat(title.name, s) for s in stats}
        return cls(title.name, cuts)

    def most_specific(self, level: str, country: str) -> tuple[Figures, str, str] | None:
        """The most specific figures with enough records (country and level, country, global
        level, global), with the level's label and the country they cover ("" for every level
        or country)."""
        for cut in ((country, level), (country, ""), ("", level), ("", "")):
            figures = self.cuts.get(cut)
            if figures is not None:
                return figures, LEVEL_LABELS.get(cut[1], ""), cut[0]
        return None
