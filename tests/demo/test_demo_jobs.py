"""The demo's job postings and the bulk generator: realistic, valid, repeatable."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from core.markup import render_markdown
from demo.job_generator import company_pool
from demo.jobs import SEED_JOBS, load_jobs
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace
from jobs.models import Company, Job
from tests.factories import make_role

pytestmark = pytest.mark.django_db

SEED = {
    "Data Engineer": ("murmuration", Workplace.REMOTE, ExperienceLevel.MID, 100_000, 130_000),
    "Senior Data Scientist": (
        "murmuration", Workplace.REMOTE, ExperienceLevel.SENIOR, 120_000, 150_000),
    "Director, Data Platform Engineering": (
        "mckesson", Workplace.ONSITE, ExperienceLevel.EXECUTIVE, 142_000, 237_000),
    "Postdoctoral Research Associate – Detector and Data Acquisition System": (
        "brookhaven-national-laboratory", Workplace.ONSITE, ExperienceLevel.MID, 70_000, 90_000),
    "Electronics Engineer – Electronics": (
        "brookhaven-national-laboratory", Workplace.ONSITE, ExperienceLevel.SENIOR, 78_000,
        82_000),
}  # fmt: skip


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def seed_job(title: str, company: str) -> Job:
    return Job.objects.get(title=title, company__slug=company)


def generate(count: int, **options) -> str:
    out = io.StringIO()
    call_command("generate_jobs", count=count, stdout=out, **options)
    return out.getvalue()


def test_the_five_seed_jobs_are_public_featured_and_complete(demo):
    for title, (company, workplace, level, low, high) in SEED.items():
        job = seed_job(title, company)
        assert job.is_public and job.is_featured, title
        assert job.featured_until > timezone.now() + timedelta(days=29)
        assert job.posted_at > timezone.now() - timedelta(days=7)
        assert (job.workplace, job.experience_level) == (workplace, level)
        assert job.employment_type == EmploymentType.FULL_TIME
        assert (job.salary_min, job.salary_max, job.salary_currency) == (low, high, "USD")
        assert job.salary_period == SalaryPeriod.YEAR and job.salary_yearly_usd == high
        assert job.country.code == "US"
        assert job.apply_url.startswith("https://") and len(job.skill_list) >= 4
        assert 150 <= len(job.description.split()) <= 250, title
        assert job.description_html.startswith("<p>") and "<ul>" in job.description_html
        assert job.company.logo.kind == "logo"  # generated (demo/images.py)
        assert job.company.description_html and job.company.website


def test_seed_job_places_and_roles(demo):
    engineer = seed_job("Data Engineer", "murmuration")
    scientist = seed_job("Senior Data Scientist", "murmuration")
    assert engineer.remote_region == scientist.remote_region == "anywhere in the U.S."
    assert engineer.role.slug == "data-engineer" and scientist.role.slug == "data-scientist"
    assert engineer.apply_url.startswith("https://murmuration.org/careers/")

    director = seed_job("Director, Data Platform Engineering", "mckesson")
    assert (director.street_address, director.city, director.region, director.postal_code) == (
        "1110 Sanctuary Parkway", "Alpharetta", "GA", "30009")  # fmt: skip
    assert director.apply_url.startswith("https://careers.mckesson.com/")
    assert director.location_label == "Alpharetta, GA, US"

    bnl = Job.objects.filter(company__slug="brookhaven-national-laboratory")
    assert {job.place for job in bnl} == {"Upton, NY, US"}
    assert all(job.apply_url.startswith("https://jobs.bnl.gov/") for job in bnl)
    assert bnl.get(title__startswith="Postdoctoral").postal_code == "11973"
    assert not director.role and not bnl.filter(role__isnull=False).exists()


def test_generated_demo_jobs_cover_the_vocabulary(demo):
    public = Job.objects.public()
    assert public.count() >= 200
    for field, choices in [
        ("experience_level", ExperienceLevel),
        ("employment_type", EmploymentType),
        ("workplace", Workplace),
    ]:
        assert set(public.values_list(field, flat=True)) == set(choices.values), field
    assert public.filter(employment_type=EmploymentType.FULL_TIME).count() > public.count() / 2
    assert set(public.values_list("salary_currency", flat=True)) >= {
        "USD", "GBP", "EUR", "CAD", "INR", "SGD", "AUD"}  # fmt: skip
    assert set(public.values_list("salary_period", flat=True)) == set(SalaryPeriod.values)
    assert public.filter(salary_min__isnull=True).exists()
    assert public.exclude(apply_email="").filter(apply_url="").exists()
    assert set(public.values_list("country", flat=True)) >= {"US", "GB", "DE", "CA", "IN", "SG"}
    assert 25 <= Company.objects.public().count() <= 45
    assert Job.objects.filter(featured_until__gt=timezone.now()).count() == len(SEED_JOBS) + 4


def test_demo_links_every_role_and_has_closed_and_queued_postings(demo):
    linked = set(Job.objects.filter(role__isnull=False).values_list("role__slug", flat=True))
    assert len(linked) == 11
    closed = Job.objects.with_pages().exclude(pk__in=Job.objects.public())
    assert closed.filter(status__in=[JobStatus.FILLED, JobStatus.EXPIRED]).count() >= 3
    for status in [JobStatus.PENDING, JobStatus.DRAFT, JobStatus.REJECTED]:
        assert Job.objects.filter(status=status, posted_at__isnull=True).exists(), status


def test_every_demo_job_is_valid_with_rendered_description(demo):
    for job in Job.objects.select_related("company"):
        job.full_clean()
        assert job.description_html == render_markdown(job.description), job.slug
        assert job.salary_yearly_usd == job.yearly_usd()


def test_reloading_keeps_counts_slugs_and_other_jobs(demo):
    own = Job.objects.create(
        title="Data Engineer",
        company=Company.objects.get(slug="murmuration"),
        description="Our own posting.",
        country="US",
        workplace=Workplace.REMOTE,
        apply_email="jobs@example.com",
        status=JobStatus.PUBLISHED,
    )
    slugs = set(Job.objects.values_list("slug", flat=True))
    pks = set(Job.objects.values_list("pk", flat=True))
    companies = Company.objects.count()
    later = timezone.now() + timedelta(days=3)
    assert load_jobs(now=later) == (companies, len(slugs) - 1)
    assert set(Job.objects.values_list("slug", flat=True)) == slugs
    assert set(Job.objects.values_list("pk", flat=True)) == pks  # updated in place
    assert Company.objects.count() == companies
    refreshed = Job.objects.get(slug="data-engineer-murmuration")
    assert refreshed.featured_until == later + timedelta(days=30)
    own.refresh_from_db()
    assert own.description == "Our own posting." and own.slug == "data-engineer-murmuration-2"


def test_generate_jobs_adds_exactly_the_count_of_valid_jobs():
    make_role(slug="data-engineer", name="Data Engineer")
    out = generate(500, seed=3)
    assert "Created 500 jobs at 5 companies (5 new)" in out
    assert Job.objects.count() == 500 and Company.objects.count() == 5
    assert Job.objects.filter(role__slug="data-engineer").exists()
    assert Job.objects.filter(description_html="").count() == 0
    assert Job.objects.public().count() > 450
    for job in Job.objects.order_by("?")[:60]:
        job.full_clean()  # fields, choices and the model's check constraints
        assert job.description_html == render_markdown(job.description)
        assert job.salary_yearly_usd == job.yearly_usd()
        assert job.expires_at is None or job.expires_at > job.posted_at


def test_generate_jobs_twice_gives_unique_slugs_and_reuses_companies():
    generate(500, seed=3)
    generate(500, seed=3)
    assert Job.objects.count() == 1000
    assert Job.objects.values("slug").distinct().count() == 1000
    assert Company.objects.count() == 5
    generate(300, companies=40)
    assert Company.objects.count() == 40


def test_generate_jobs_reuses_the_demo_companies(demo):
    companies = Company.objects.count()
    generate(200, companies=36)
    assert Company.objects.count() == companies


def test_generate_jobs_is_repeatable_for_a_seed_and_starting_state():
    def run(seed):
        with transaction.atomic():
            generate(200, seed=seed)
            rows = list(
                Job.objects.order_by("slug").values_list("slug", "salary_min", "skills", "status")
            )
            transaction.set_rollback(True)
        return rows

    assert run(5) == run(5)
    assert run(5) != run(6)


def test_generate_jobs_rejects_too_many_companies():
    with pytest.raises(CommandError):
        generate(10, companies=len(company_pool()) + 1)
