"""The rules a posting keeps: constraints in the database, messages in forms, the public rule."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobs.choices import JobStatus, SalaryPeriod, Workplace
from jobs.models import Company, Job, closed_jobs_q, public_jobs_q, with_pages_q
from tests.factories import make_company, make_job

pytestmark = pytest.mark.django_db


def violates_constraint(**fields) -> bool:
    try:
        with transaction.atomic():
            make_job(**fields)
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    "fields",
    [
        {"salary_min": 0, "salary_max": 10},
        {"salary_min": 90_000, "salary_max": 80_000},
        {"salary_min": None, "salary_max": 80_000},
        {"salary_currency": ""},
        {"apply_url": "", "apply_email": ""},
        {"workplace": Workplace.ONSITE, "city": ""},
        {"workplace": Workplace.HYBRID, "remote_region": "anywhere in the U.S."},
        {"status": JobStatus.PUBLISHED, "posted_at": None},
    ],
)
def test_database_refuses_inconsistent_postings(fields):
    if fields.get("posted_at", 1) is None:
        # save() fills the dates of a public posting, so go around it.
        job = make_job()
        with pytest.raises(IntegrityError), transaction.atomic():
            Job.objects.filter(pk=job.pk).update(posted_at=None)
        return
    assert violates_constraint(**fields)


def test_database_refuses_expiry_before_posting():
    now = timezone.now()
    assert violates_constraint(posted_at=now, expires_at=now - timedelta(days=1))


def test_a_draft_may_lack_an_apply_route():
    assert not violates_constraint(status=JobStatus.DRAFT, apply_url="", apply_email="")


def test_clean_explains_each_problem():
    job = Job(
        title="X",
        company=make_company(),
        description="d",
        workplace=Workplace.ONSITE,
        country="US",
        salary_min=100,
        salary_max=50,
        status=JobStatus.PENDING,
    )
    with pytest.raises(ValidationError) as caught:
        job.full_clean()
    errors = caught.value.message_dict
    assert "at least the bottom" in errors["salary_max"][0]
    assert "currency" in errors["salary_currency"][0]
    assert "web address or an e-mail" in errors["apply_url"][0]
    assert "city" in errors["city"][0]


def test_public_means_published_posted_and_not_expired():
    now = timezone.now()
    live = make_job()
    make_job(status=JobStatus.DRAFT)
    make_job(status=JobStatus.PENDING)
    make_job(status=JobStatus.REJECTED)
    make_job(status=JobStatus.FILLED)
    make_job(status=JobStatus.EXPIRED)
    make_job(posted_at=now - timedelta(days=40), expires_at=now - timedelta(seconds=1))
    make_job(posted_at=now + timedelta(hours=1), expires_at=now + timedelta(days=30))
    assert list(Job.objects.public()) == [live]


def test_closed_postings_keep_their_pages_but_unapproved_ones_do_not():
    now = timezone.now()
    live = make_job()
    filled = make_job(status=JobStatus.FILLED)
    lapsed = make_job(posted_at=now - timedelta(days=40), expires_at=now - timedelta(days=1))
    make_job(status=JobStatus.DRAFT)
    make_job(status=JobStatus.REJECTED)
    make_job(status=JobStatus.PENDING)
    assert set(Job.objects.with_pages()) == {live, filled, lapsed}
    assert filled.is_closed and lapsed.is_closed and not live.is_closed


def test_publishing_sets_posting_and_expiry_dates(settings):
    settings.JOB_LIFETIME_DAYS = 45
    job = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=None)
    job.publish()
    job.save()
    assert job.is_public
    assert abs(job.expires_at - job.posted_at - timedelta(days=45)) < timedelta(seconds=5)


def test_slug_is_made_from_title_and_company_and_kept_unique():
    company = make_company(name="Helix Bio")
    first = make_job(title="Data Engineer", company=company, slug="")
    second = make_job(title="Data Engineer", company=company, slug="")
    assert first.slug == "data-engineer-helix-bio"
    assert second.slug == "data-engineer-helix-bio-2"


def test_description_is_rendered_and_sanitized_on_save():
    job = make_job(description="**Bold** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<strong>Bold</strong>" in job.description_html
    assert "<script" not in job.description_html and "javascript:" not in job.description_html


@pytest.mark.parametrize(
    ("currency", "period", "low", "high", "label", "yearly_usd"),
    [
        ("USD", SalaryPeriod.YEAR, 100_000, 130_000, "USD 100K – 130K", 130_000),
        ("USD", SalaryPeriod.YEAR, 142_500, 142_500, "USD 142.5K", 142_500),
        ("USD", SalaryPeriod.MONTH, 5_000, 6_000, "USD 5,000 – 6,000 per month", 72_000),
        ("USD", SalaryPeriod.HOUR, 60, 80, "USD 60 – 80 per hour", 166_400),
        ("INR", SalaryPeriod.YEAR, 2_250_000, 3_200_000, "INR 2.25M – 3.2M", 38_400),
        ("EUR", SalaryPeriod.MONTH, 2_000, 2_500, "EUR 2,000 – 2,500 per month", 32_400),
    ],
)
def test_salary_label_and_yearly_dollar_figure(currency, period, low, high, label, yearly_usd):
    job = make_job(salary_currency=currency, salary_period=period, salary_min=low, salary_max=high)
    assert job.salary_label == label
    assert job.salary_yearly_usd == yearly_usd


def test_location_labels():
    assert make_job(city="Upton", region="NY", country="US").location_label == "Upton, NY, US"
    remote = make_job(workplace=Workplace.REMOTE, city="", remote_region="anywhere in the U.S.")
    assert remote.location_label == "Remote (anywhere in the U.S.)"
    hybrid = make_job(workplace=Workplace.HYBRID, city="Berlin", country="DE")
    assert hybrid.location_label == "Berlin, DE · Hybrid"


def test_company_names_are_unique_ignoring_case():
    make_company(name="murmuration")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_company(name="Murmuration")
    with pytest.raises(ValidationError, match="already exists"):
        Company(name="MURMURATION", slug="other").full_clean()


def test_drafts_sort_last_by_default():
    draft = make_job(status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    live = make_job()
    assert list(Job.objects.all()) == [live, draft]


def test_public_companies_are_those_with_open_jobs():
    open_company = make_job().company
    make_job(status=JobStatus.REJECTED)
    make_company()
    assert list(Company.objects.public()) == [open_company]


@pytest.mark.parametrize(
    "fields",
    [
        {"salary_min": 60_000, "salary_max": 60_000, "salary_period": SalaryPeriod.HOUR},
        {"salary_min": 9_000_000, "salary_max": 9_000_000, "salary_period": SalaryPeriod.MONTH},
        {"salary_min": 150_000_000, "salary_max": None},
    ],
)
def test_a_salary_past_100_million_dollars_a_year_is_refused(fields):
    """A typo, not a salary; on PostgreSQL its yearly figure would not even fit the column."""
    job = make_job(status=JobStatus.DRAFT)
    for name, value in fields.items():
        setattr(job, name, value)
    with pytest.raises(ValidationError, match="more than 100 million"):
        job.full_clean()


def test_with_pages_is_public_or_closed_in_every_state():
    now = timezone.now()
    moments = [None, now - timedelta(days=1), now + timedelta(days=1)]
    for status in JobStatus:
        for posted_at in moments:
            for expires_at in moments:
                try:
                    with transaction.atomic():
                        make_job(status=status, posted_at=posted_at, expires_at=expires_at)
                except IntegrityError:
                    pass  # a posting expires after it went up (a constraint)
    both = Job.objects.filter(public_jobs_q(now) | closed_jobs_q(now))
    assert 0 < both.count() < Job.objects.count()
    assert set(Job.objects.filter(with_pages_q(now))) == set(both)
