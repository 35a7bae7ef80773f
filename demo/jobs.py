"""The demo's companies and job postings, loaded idempotently: rerunning refreshes them in place.

Five featured postings from real employers lead the list (demo/data/jobs.toml); a fixed-seed
generator adds a few hundred more so the lists, filters, closed pages and moderation queues all
have something to show. Every date is relative to the load time, so the demo never goes stale.
The demo's postings are known by their slugs; no other posting is touched.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.page_cache import pages_changed
from demo.content import read
from demo.job_generator import JobGenerator, ensure_companies, published_roles
from demo.job_vocabulary import CURATED_COMPANIES
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, Workplace
from jobs.models import Company, Job, StatusChange

DEMO_SEED = 2025
GENERATED_JOBS = 230
# Positions among the generated postings that are not simply open: closed pages and the queues.
SPECIAL_STATUSES = {
    11: JobStatus.FILLED, 37: JobStatus.FILLED, 64: JobStatus.EXPIRED, 88: JobStatus.FILLED,
    109: JobStatus.EXPIRED, 131: JobStatus.PENDING, 152: JobStatus.PENDING,
    173: JobStatus.DRAFT, 191: JobStatus.REJECTED, 207: JobStatus.PENDING,
    219: JobStatus.DRAFT, 226: JobStatus.REJECTED,
}  # fmt: skip
FEATURED_POSITIONS = {4, 58, 121, 186}
FEATURED_DAYS = 30

_CHOICES = {"workplace": Workplace, "experience_level": ExperienceLevel, "status": JobStatus}


def _with_choices(data: dict) -> dict:
    """A posting from the data file with its fixed values as the choices they name."""
    return {
        name: _CHOICES[name](value) if name in _CHOICES else value for name, value in data.items()
    }


# The real employers, their featured postings and the demo employer's own, from demo/data/jobs.toml.
_content = read("jobs")
SEED_COMPANIES = _content["companies"]
SEED_JOBS = [
    {"role": None, **_with_choices(data), "salary": tuple(data["salary"])}
    for data in _content["jobs"]
]

# What a reload rewrites: everything except the identity and the creation time.
UPDATED_FIELDS = [
    f.name for f in Job._meta.concrete_fields if f.name not in ("id", "slug", "created_at")
]


def seed_slug(data: dict) -> str:
    company = next(c for c in SEED_COMPANIES if c["slug"] == data["company"])
    return slugify(f"{data['title']} {company['name']}")


@transaction.atomic
def load_jobs(now: datetime | None = None) -> tuple[int, int]:
    """Create or refresh the demo companies and postings; return how many of each."""
    now = now or timezone.now()
    companies = [_load_company(data) for data in SEED_COMPANIES]
    generated_companies, _ = ensure_companies(len(CURATED_COMPANIES))
    roles = published_roles()
    by_slug = {company.slug: company for company in companies}
    for data in SEED_JOBS:
        _load_seed_job(data, by_slug[data["company"]], roles, now)
    jobs = _generated_jobs(generated_companies, roles, now)
    _save_in_bulk(jobs, now)
    return len(companies) + len(generated_companies), len(SEED_JOBS) + len(jobs)


def _load_company(data: dict) -> Company:
    company = Company.objects.filter(slug=data["slug"]).first() or Company(slug=data["slug"])
    for name, value in data.items():
        setattr(company, name, value)
    company.full_clean()
    company.save()
    return company


def _load_seed_job(data: dict, company: Company, roles: dict, now: datetime) -> Job:
    slug = seed_slug(data)
    job = Job.objects.filter(slug=slug).first() or Job(slug=slug)
    posted_at = now - timedelta(hours=data["hours_ago"])
    fields = {
        "company": company,
        "role": roles.get(data["role"]) if data["role"] else None,
        "employment_type": EmploymentType.FULL_TIME,
        "salary_min": data["salary"][0],
        "salary_max": data["salary"][1],
        "salary_currency": "USD",
        "status": JobStatus.PUBLISHED,
        "posted_at": posted_at,
        "expires_at": posted_at + timedelta(days=45),
        "featured_until": now + timedelta(days=FEATURED_DAYS),
        **{k: v for k, v in data.items() if k not in ("company", "role", "salary", "hours_ago")},
    }
    for name, value in fields.items():
        setattr(job, name, value)
    job.full_clean()
    job.save()
    return job


def _generated_jobs(companies: list[Company], roles: dict, now: datetime) -> list[Job]:
    generator = JobGenerator(DEMO_SEED, companies, roles, now)
    taken = {seed_slug(data) for data in SEED_JOBS}
    jobs = []
    for position in range(GENERATED_JOBS):
        job = generator.job(
            status=SPECIAL_STATUSES.get(position, JobStatus.PUBLISHED),
            featured=position in FEATURED_POSITIONS,
        )
        # Natural slugs, numbered like Job.unique_slug() does when a title repeats.
        base = generator.slug_base(job)
        job.slug, n = base, 1
        while job.slug in taken:
            n += 1
            job.slug = f"{base}-{n}"
        taken.add(job.slug)
        jobs.append(job)
    return jobs


def _save_in_bulk(jobs: list[Job], now: datetime) -> None:
    """Update the postings a previous load made, in place; create the rest."""
    existing = dict(
        Job.objects.filter(slug__in=[job.slug for job in jobs]).values_list("slug", "pk")
    )
    Job.objects.bulk_create([job for job in jobs if job.slug not in existing])
    # One UPDATE per posting: for a few hundred rows, faster than bulk_update's CASE per column.
    for job in jobs:
        if job.slug in existing:
            job.updated_at = now
            values = {name: getattr(job, name) for name in UPDATED_FIELDS}
            Job.objects.filter(pk=existing[job.slug]).update(**values)
    pages_changed()


# Two postings of the demo employer that are not live, so the dashboard shows a draft and a
# reviewer's message from the first visit on.
EMPLOYER_POSTINGS = [_with_choices(data) for data in _content["employer_postings"]]


@transaction.atomic
def load_employer_postings(employer, reviewer) -> None:
    """The demo employer's draft and its posting sent back for changes, with their history."""
    now = timezone.now()
    submitted_at = now - timedelta(days=1)
    for data in EMPLOYER_POSTINGS:
        data = dict(data)
        note = data.pop("review_note")
        job = Job.objects.filter(slug=data["slug"]).first() or Job(slug=data["slug"])
        for name, value in data.items():
            setattr(job, name, value)
        job.company, job.created_by = employer.company, employer.user
        job.submitted_at = submitted_at if note else None
        job.full_clean(exclude=["slug"])
        job.save()
        job.status_changes.all().delete()
        StatusChange.objects.create(
            job=job,
            actor=employer.user,
            to_status=JobStatus.DRAFT,
            created_at=now - timedelta(days=2),
        )
        if note:
            StatusChange.objects.create(
                job=job,
                actor=employer.user,
                from_status=JobStatus.DRAFT,
                to_status=JobStatus.PENDING,
                created_at=submitted_at,
            )
            StatusChange.objects.create(
                job=job,
                actor=reviewer,
                from_status=JobStatus.PENDING,
                to_status=JobStatus.CHANGES,
                note=note,
                created_at=now - timedelta(hours=5),
            )
