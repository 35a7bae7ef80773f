"""Realistic job postings in bulk, the same every time for a given seed: the demo and generate_jobs.

Every random choice comes from one `random.Random(seed)`, drawn in a fixed order, so a seed and a
starting database give the same postings. Descriptions are put together from Markdown blocks that
are each rendered once and reused: rendering per posting would dominate the cost of 100,000 jobs.
Postings are made for `bulk_create`, which skips `Job.save()`, so the fields it derives (slug,
HTML, yearly pay, dates) are filled here.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from urllib.parse import urlsplit

from django.db import reset_queries, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify

from core.markup import render_markdown
from core.page_cache import pages_changed
from demo.job_vocabulary import (
    APPLY_BY_EMAIL_SHARE,
    BENEFITS,
    COMPANY_CULTURE,
    COMPANY_HOMES,
    COMPANY_INDUSTRIES,
    COMPANY_SIZE_BANDS,
    COMPANY_SIZES,
    COMPANY_TAGLINES,
    CURATED_COMPANIES,
    EMPLOYMENT_MIX,
    ENTRY,
    EXEC,
    EXEC_PREFIX,
    FEATURED_SHARE,
    FULL,
    HOURS_PER_YEAR,
    INTERN,
    INTERN_SHARE,
    LEVEL_MIX,
    LEVEL_PAY,
    MAILBOXES,
    NO_SALARY_SHARE,
    PAY_NOTE,
    PLACES,
    PREFIXES,
    PROFILES,
    RATE_PREMIUM,
    REMOTE_AREAS,
    SECTORS,
    STATUS_MIX,
    SUFFIX_SECTORS,
    TEMP,
    TERMS,
    TITLE_SUFFIX,
    WORKPLACE_MIX,
    WORKPLACE_NOTES,
    YEARS,
    RoleProfile,
)
from jobs.choices import JobStatus, SalaryPeriod, Workplace
from jobs.lookalikes import name_skeleton
from jobs.models import Company, Job
from roles.models import Role


@cache
def company_pool() -> tuple[tuple[str, str], ...]:
    """(name, sector) of every company the generator can use, always in the same order."""
    combos = [(f"{p} {s}", sector) for p in PREFIXES for s, sector in SUFFIX_SECTORS.items()]
    random.Random("company pool").shuffle(combos)
    taken = {name for name, _ in CURATED_COMPANIES}
    return CURATED_COMPANIES + tuple(c for c in combos if c[0] not in taken)


def new_company(name: str, sector: str) -> Company:
    """An unsaved company whose text depends on its name alone, so reruns agree."""
    rng = random.Random(f"company {name}")
    slug = slugify(name)
    founded = rng.randint(1998, 2022)
    size, home = rng.choice(COMPANY_SIZES), rng.choice(COMPANY_HOMES)
    description = (
        f"{name} {SECTORS[sector]}.\n\n"
        f"Founded in {founded} and based in {home}, it has {size} people. "
        f"{rng.choice(COMPANY_CULTURE)}"
    )
    company = Company(
        name=name,
        slug=slug,
        website=f"https://{slug}.example.com",
        description=description,
        tagline=COMPANY_TAGLINES[sector],
        headquarters=home,
        size=COMPANY_SIZE_BANDS[size],
        industries=COMPANY_INDUSTRIES[sector],
        name_skeleton=name_skeleton(name),  # bulk_create skips save(), which sets it
    )
    company.render_markup()
    return company


def ensure_companies(count: int) -> tuple[list[Company], int]:
    """The first `count` pool companies, reusing any that exist (by slug or name); new ones made.

    Returns the companies in pool order and how many were created.
    """
    if count > len(company_pool()):
        raise ValueError(f"At most {len(company_pool())} companies can be generated.")
    pool = company_pool()[:count]
    slugs = [slugify(name) for name, _ in pool]
    names = [name for name, _ in pool]
    existing = Company.objects.filter(Q(slug__in=slugs) | Q(name__in=names))
    by_slug = {c.slug: c for c in existing}
    by_name = {c.name: c for c in existing}
    missing = [
        new_company(name, sector)
        for (name, sector), slug in zip(pool, slugs, strict=True)
        if slug not in by_slug and name not in by_name
    ]
    Company.objects.bulk_create(missing, batch_size=500)
    if missing:
        by_slug.update((c.slug, c) for c in Company.objects.filter(slug__in=slugs))
    companies = [
        by_slug.get(slug) or by_name[name] for name, slug in zip(names, slugs, strict=True)
    ]
    _fill_profiles(companies, pool)
    return companies, len(missing)


# The profile fields a demo company made before company pages existed still lacks.
PROFILE_FIELDS = ["tagline", "headquarters", "size", "industries"]


def _fill_profiles(companies: list[Company], pool: tuple[tuple[str, str], ...]) -> None:
    """Give pool companies without a tagline (made by an older demo) their generated profile."""
    bare = []
    for company, (name, sector) in zip(companies, pool, strict=True):
        if not company.tagline:
            made = new_company(name, sector)
            for field in PROFILE_FIELDS:
                setattr(company, field, getattr(made, field))
            bare.append(company)
    Company.objects.bulk_update(bare, PROFILE_FIELDS, batch_size=500)


@dataclass(frozen=True)
class Block:
    markdown: str
    html: str


def _block(markdown: str) -> Block:
    return Block(markdown, render_markdown(markdown))


def _bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


@cache
def team_block(profile: RoleProfile, variant: int) -> Block:
    return _block(profile.teams[variant % len(profile.teams)])


@cache
def duties_block(profile: RoleProfile, variant: int) -> Block:
    # Five of the duties, starting at a different one per variant.
    duties = [profile.duties[(variant + i) % len(profile.duties)] for i in range(5)]
    return _block(f"### What you'll do\n\n{_bullets(duties)}")


@cache
def bring_block(profile: RoleProfile, level: str) -> Block:
    return _block(f"### What you bring\n\n{_bullets([YEARS[level], *profile.bring])}")


@cache
def terms_block(employment: str) -> Block | None:
    return _block(TERMS[employment]) if TERMS[employment] else None


@cache
def pay_block(variant: int, has_salary: bool) -> Block:
    return _block(f"### Pay and benefits\n\n{BENEFITS[variant]} {PAY_NOTE[has_salary]}")


@cache
def workplace_block(workplace: str) -> Block:
    return _block(f"### Where you'll work\n\n{WORKPLACE_NOTES[workplace]}")


def join_blocks(blocks) -> tuple[str, str]:
    """Markdown and HTML of blocks in order: the same HTML as rendering the whole text once."""
    blocks = [b for b in blocks if b]
    return "\n\n".join(b.markdown for b in blocks), "\n".join(b.html for b in blocks)


# --- postings ----------------------------------------------------------------------------------


class Deck:
    """Values in fixed proportions, drawn in shuffled order: each full pass has them all."""

    def __init__(self, rng: random.Random, counts: dict):
        self.rng = rng
        self.cards = [value for value, n in counts.items() for _ in range(n)]
        self.pile: list = []

    def draw(self):
        if not self.pile:
            self.pile = self.cards[:]
            self.rng.shuffle(self.pile)
        return self.pile.pop()


def published_roles() -> dict[str, Role]:
    return {role.slug: role for role in Role.objects.published()}


def _round(amount: float) -> int:
    """Round like a person would: two significant figures and a half (142,345 → 140,000)."""
    step = max(1, int(10 ** (len(str(int(amount))) - 2)) // 2)
    return max(step, round(amount / step) * step)


class JobGenerator:
    """Unsaved, valid postings, drawn from one seeded random stream."""

    def __init__(self, seed, companies: list[Company], roles: dict[str, Role], now: datetime):
        if not companies:
            raise ValueError("Postings need at least one company.")
        self.rng = random.Random(seed)
        self.companies = companies
        self.roles = roles
        self.now = now
        self.employment = Deck(self.rng, EMPLOYMENT_MIX)
        self.levels = Deck(self.rng, LEVEL_MIX)
        self.workplaces = Deck(self.rng, WORKPLACE_MIX)
        self.statuses = Deck(self.rng, STATUS_MIX)
        self._title_slugs: dict[str, str] = {}
        self._domains: dict[int, tuple[str, str]] = {}

    def job(self, status: str | None = None, featured: bool | None = None) -> Job:
        """One posting; status and featured are drawn in the usual proportions unless given."""
        rng = self.rng
        employment = self.employment.draw()
        level = ENTRY if employment == INTERN else self.levels.draw()
        profile = self._profile(level, employment)
        title = self._title(profile, level, employment)
        company = rng.choice(self.companies)
        workplace = self.workplaces.draw()
        place, currency, pay_factor = self._where(workplace)
        salary = self._salary(profile, level, employment, currency, pay_factor)
        status = status or self.statuses.draw()
        posted_at, expires_at = self._dates(status)
        if featured is None:
            featured = rng.random() < FEATURED_SHARE
        featured = featured and status == JobStatus.PUBLISHED
        description, description_html = join_blocks(
            [
                team_block(profile, rng.randrange(3)),
                duties_block(profile, rng.randrange(len(profile.duties))),
                bring_block(profile, level),
                terms_block(employment),
                pay_block(rng.randrange(len(BENEFITS)), salary["salary_min"] is not None),
                workplace_block(workplace),
            ]
        )
        job = Job(
            title=title,
            company=company,
            role=self.roles.get(profile.slug),
            description=description,
            description_html=description_html,
            workplace=workplace,
            employment_type=employment,
            experience_level=level,
            skills=", ".join(rng.sample(profile.skills, rng.randint(4, 6))),
            status=status,
            posted_at=posted_at,
            expires_at=expires_at,
            featured_until=self.now + timedelta(days=rng.randint(7, 30)) if featured else None,
            submitted_at=self._submitted(status, title),
            **place,
            **salary,
            **self._apply(company, title),
        )
        job.salary_yearly_usd = job.yearly_usd()
        return job

    def slug_base(self, job: Job) -> str:
        """Title and company, as Job.unique_slug() starts them."""
        return f"{self._title_slug(job.title)}-{job.company.slug}"[:180].strip("-")

    # --- the parts of a posting ----------------------------------------------------------------

    def _profile(self, level: str, employment: str) -> RoleProfile:
        fits = [
            p for p in PROFILES if level in p.titles and (employment != INTERN or p.intern_title)
        ]
        return self.rng.choices(fits, weights=[p.weight for p in fits])[0]

    def _title(self, profile: RoleProfile, level: str, employment: str) -> str:
        if employment == INTERN:
            return profile.intern_title
        title = self.rng.choice(profile.titles[level])
        if level == EXEC and employment in EXEC_PREFIX:
            return EXEC_PREFIX[employment] + title
        if employment in TITLE_SUFFIX and self.rng.random() < 0.5:
            title += TITLE_SUFFIX[employment]
        return title

    def _where(self, workplace: str) -> tuple[dict, str, float]:
        if workplace == Workplace.REMOTE:
            area = self.rng.choices(REMOTE_AREAS, weights=[a.weight for a in REMOTE_AREAS])[0]
            place = {
                "country": area.country,
                "remote_region": self.rng.choice(area.regions),
                "city": "",
                "region": "",
            }
            return place, area.currency, area.pay
        spot = self.rng.choices(PLACES, weights=[p.weight for p in PLACES])[0]
        place = {"country": spot.country, "city": spot.city, "region": spot.region}
        return place, spot.currency, spot.pay

    def _salary(self, profile, level, employment, currency, pay_factor) -> dict:
        if self.rng.random() < NO_SALARY_SHARE:
            return {"salary_min": None, "salary_max": None, "salary_currency": ""}
        period = self._period(employment, currency)
        typical = profile.base * LEVEL_PAY[level] * pay_factor * self.rng.uniform(0.92, 1.08)
        typical *= RATE_PREMIUM.get(employment, 1.0)
        if employment == INTERN:
            typical *= INTERN_SHARE[period]
        if period == SalaryPeriod.HOUR:
            typical /= HOURS_PER_YEAR
        elif period == SalaryPeriod.MONTH:
            typical /= 12
        low = _round(typical * self.rng.uniform(0.82, 0.92))
        high = max(low, _round(typical * self.rng.uniform(1.08, 1.2)))
        return {
            "salary_min": low,
            "salary_max": high,
            "salary_currency": currency,
            "salary_period": period,
        }

    @staticmethod
    def _period(employment: str, currency: str) -> str:
        if employment == FULL:
            return SalaryPeriod.YEAR
        if employment == TEMP:
            return SalaryPeriod.MONTH
        if employment == INTERN:
            return SalaryPeriod.HOUR if currency in ("USD", "CAD") else SalaryPeriod.MONTH
        # Part-time, contract and freelance work is paid by the hour, by the month in India.
        return SalaryPeriod.MONTH if currency == "INR" else SalaryPeriod.HOUR

    def _dates(self, status: str) -> tuple[datetime | None, datetime | None]:
        """Posted within the last five weeks and open 30–60 days; closed ones earlier."""
        day = 24 * 60

        def ago(low_days: int, high_days: int) -> datetime:
            return self.now - timedelta(minutes=self.rng.randint(low_days * day, high_days * day))

        if status == JobStatus.PUBLISHED:
            posted = self.now - timedelta(minutes=self.rng.randint(30, 35 * day))
            return posted, posted + timedelta(days=self.rng.randint(30, 60))
        if status == JobStatus.FILLED:
            posted = ago(10, 35)
            return posted, posted + timedelta(days=self.rng.randint(30, 60))
        if status == JobStatus.EXPIRED:
            posted = ago(45, 80)
            return posted, posted + timedelta(days=self.rng.randint(30, 40))
        return None, None  # drafts, pending and rejected postings get dates when published

    def _submitted(self, status: str, title: str) -> datetime | None:
        """Postings in or back from review were submitted hours ago (without a random draw, so
        the rest of the generated data stays the same)."""
        if status in (JobStatus.DRAFT, JobStatus.PUBLISHED, JobStatus.FILLED, JobStatus.EXPIRED):
            return None
        return self.now - timedelta(hours=3 + len(title) * 7 % 60)

    def _apply(self, company: Company, title: str) -> dict:
        website, domain = self._site(company)
        if self.rng.random() < APPLY_BY_EMAIL_SHARE:
            return {"apply_email": f"{self.rng.choice(MAILBOXES)}@{domain}", "apply_url": ""}
        reference = self.rng.randint(10_000, 99_999)
        return {
            "apply_url": f"{website}/careers/{reference}-{self._title_slug(title)}",
            "apply_email": "",
        }

    def _site(self, company: Company) -> tuple[str, str]:
        if company.pk not in self._domains:
            website = (company.website or f"https://{company.slug}.example.com").rstrip("/")
            domain = urlsplit(website).hostname or f"{company.slug}.example.com"
            self._domains[company.pk] = website, domain.removeprefix("www.")
        return self._domains[company.pk]

    def _title_slug(self, title: str) -> str:
        if title not in self._title_slugs:
            self._title_slugs[title] = slugify(title)
        return self._title_slugs[title]


# --- bulk generation ---------------------------------------------------------------------------

BATCH_SIZE = 1000
MAX_COMPANIES = 1000
# Generated slugs end in a number above every existing pk plus this margin, so they never meet
# the small counters of natural slugs (“…-2”) nor the numbers of an earlier run.
SLUG_NUMBER_MARGIN = 1000


def default_company_count(count: int) -> int:
    return max(1, min(MAX_COMPANIES, count // 100))


@dataclass
class Generated:
    jobs: int
    companies: int
    new_companies: int


@transaction.atomic
def generate_jobs(
    count: int, *, seed=1, companies: int | None = None, now: datetime | None = None
) -> Generated:
    """Create `count` published-looking postings (and companies as needed) with bulk inserts."""
    now = now or timezone.now()
    pool, created = ensure_companies(companies or default_company_count(count))
    generator = JobGenerator(seed, pool, published_roles(), now)
    number = (Job.objects.aggregate(top=Max("pk"))["top"] or 0) + SLUG_NUMBER_MARGIN + 1
    for start in range(0, count, BATCH_SIZE):
        batch = [generator.job() for _ in range(min(BATCH_SIZE, count - start))]
        for job in batch:
            job.slug = f"{generator.slug_base(job)}-{number}"
            number += 1
        Job.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        reset_queries()  # with DEBUG on, the logged inserts would otherwise pile up in memory
    pages_changed()
    return Generated(jobs=count, companies=len(pool), new_companies=created)
