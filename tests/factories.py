"""Plain factory functions: each makes a valid, saved record; keyword arguments override."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from authors.models import Author
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, Workplace
from jobs.models import Company, Job
from roles.models import Guide, GuideAuthor, GuideSection, GuideTip, Role, Status
from salaries.stats import sync_titles

_numbers = itertools.count(1)


def make_role(**fields) -> Role:
    n = next(_numbers)
    defaults = {
        "name": f"Role {n}",
        "slug": f"role-{n}",
        "summary": f"What role {n} does.",
        "definition": f"Role {n} builds things with data.",
        "responsibilities": "Ship models.\nReview code.",
        "skills": "Python\nStatistics",
        "education": "A degree in computer science.",
        "tools": "Frameworks: PyTorch, JAX\nVersion control: Git",
        "industries": "Healthcare: medical imaging\nFinance",
        "broader_titles": "Engineer",
        "status": Status.PUBLISHED,
    }
    defaults.update(fields)
    role = Role.objects.create(**defaults)
    # The salary pages of its titles, as the salary sync's first step makes them within a
    # minute of a role being saved (tests/salaries/test_sync.py covers that step itself).
    sync_titles([role])
    return role


def make_author(**fields) -> Author:
    n = next(_numbers)
    defaults = {
        "name": f"Author {n}",
        "slug": f"author-{n}",
        "role_line": "Editor",
        "bio": "Writes about **careers** in data.",
    }
    defaults.update(fields)
    return Author.objects.create(**defaults)


def make_guide(
    *, sections: bool = True, authors: tuple[Author, ...] | list[Author] = (), **fields
) -> Guide:
    n = next(_numbers)
    if "first_role" not in fields:
        fields["first_role"] = make_role()
    defaults = {
        "title": f"Guide {n}",
        "slug": f"guide-{n}",
        "subtitle": f"Subtitle {n}",
        "introduction": "An introduction to the roles.",
        "outlook": "Demand keeps growing.",
        "conclusion": "Pick the one you enjoy.",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=n),
    }
    defaults.update(fields)
    guide = Guide.objects.create(**defaults)
    for position, author in enumerate(authors, start=1):
        GuideAuthor.objects.create(guide=guide, author=author, position=position)
    if sections:
        kinds = ["definition", "responsibilities", "skills", "education", "tools", "industries"]
        for position, kind in enumerate(kinds, start=1):
            GuideSection.objects.create(guide=guide, kind=kind, position=position)
        GuideTip.objects.create(guide=guide, position=1, lead_in="Start small", text="Build one.")
    guide.refresh_body()
    return guide


def make_editor(username: str = "ed", password: str = "a-long-test-password"):
    user = get_user_model().objects.create_user(
        username=username, password=password, is_staff=True, first_name="Ed", last_name="Itor"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def make_company(**fields) -> Company:
    n = next(_numbers)
    defaults = {
        "name": f"Company {n}",
        "slug": f"company-{n}",
        "website": f"https://company-{n}.example",
        "description": "We build things with data.",
    }
    defaults.update(fields)
    return Company.objects.create(**defaults)


def make_job(**fields) -> Job:
    """A public, on-site, full-time job with a yearly USD range, posted a day ago."""
    n = next(_numbers)
    if "company" not in fields:
        fields["company"] = make_company()
    now = timezone.now()
    defaults = {
        "title": f"Job {n}",
        "slug": f"job-{n}",
        "description": f"Job {n}: build **data** pipelines.\n\n- Python\n- SQL",
        "workplace": Workplace.ONSITE,
        "city": "Berlin",
        "country": "DE",
        "employment_type": EmploymentType.FULL_TIME,
        "experience_level": ExperienceLevel.MID,
        "salary_min": 60_000,
        "salary_max": 80_000,
        "salary_currency": "USD",
        "apply_url": f"https://jobs.example/{n}",
        "skills": "Python, SQL",
        "status": JobStatus.PUBLISHED,
        "posted_at": now - timedelta(days=1),
        "expires_at": now + timedelta(days=29),
    }
    defaults.update(fields)
    return Job.objects.create(**defaults)


def make_salary_records(title, amounts, **fields) -> list:
    """Survey records for `title` (a SalaryTitle, or None for unmatched), one per amount."""
    from salaries.models import SalaryRecord, Source
    from salaries.title_matching import title_key

    defaults = {
        "source": Source.SURVEY,
        "dataset": "test",
        "raw_title": title.name if title else "Unmatched title",
        "level": "mid",
        "employment_type": "full_time",
        "year": 2025,
        "country": "US",
    }
    defaults.update(fields)
    defaults.setdefault("title_key", title_key(defaults["raw_title"]))
    return SalaryRecord.objects.bulk_create(
        SalaryRecord(title=title, amount_usd=amount, **defaults) for amount in amounts
    )


def directives(cache_control: str) -> set[str]:
    """The directive names of a Cache-Control header."""
    return {part.split("=")[0].strip() for part in cache_control.split(",") if part.strip()}
