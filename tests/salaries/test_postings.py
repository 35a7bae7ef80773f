"""Job postings as salary records (annualized, in dollars) written by the salary sync, roles
matched from job titles, and a job page placing its pay in its title's distribution."""

import io

import pytest
from django.core.management import call_command

from jobs.choices import JobStatus, SalaryPeriod
from roles.models import Status
from salaries.models import SalaryRecord, SalaryStat, SalaryTitle, Source, TitleAlias
from salaries.observations import yearly_usd_range
from salaries.stats import refresh_stats
from salaries.sync import sync_postings
from tests.factories import make_job, make_role, make_salary_records

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "currency, period, low, high, expected",
    [
        ("USD", SalaryPeriod.YEAR, 100_000, 130_000, (100_000, 130_000)),
        ("USD", SalaryPeriod.MONTH, 5_000, 6_000, (60_000, 72_000)),
        ("USD", SalaryPeriod.HOUR, 50, 70, (104_000, 145_600)),
        ("EUR", SalaryPeriod.MONTH, 5_000, 6_000, (64_800, 77_760)),  # × 12 × 1.08
        ("INR", SalaryPeriod.YEAR, 2_500_000, None, (30_000, 30_000)),  # × 0.012; no top
    ],
)
def test_postings_become_yearly_dollar_records(currency, period, low, high, expected):
    job = make_job(
        title="Data Engineer",
        salary_currency=currency,
        salary_period=period,
        salary_min=low,
        salary_max=high,
    )
    assert yearly_usd_range(job) == expected
    sync_postings()
    record = SalaryRecord.objects.get(job_id=job.pk)
    assert record.source == Source.POSTING
    assert record.amount_usd == round(sum(expected) / 2)
    assert (record.level, record.country, record.year) == (
        job.experience_level,
        "DE",
        job.posted_at.year,
    )


def test_only_postings_that_were_public_with_pay_count():
    draft = make_job(status=JobStatus.DRAFT, posted_at=None, expires_at=None)
    pending = make_job(status=JobStatus.PENDING)
    unpaid = make_job(salary_min=None, salary_max=None, salary_currency="")
    filled = make_job(status=JobStatus.FILLED)
    sync_postings()
    assert set(SalaryRecord.objects.values_list("job_id", flat=True)) == {filled.pk}
    for job in (draft, pending, unpaid):
        assert not SalaryRecord.objects.filter(job_id=job.pk).exists()

    filled.status = JobStatus.REJECTED
    filled.save()
    assert SalaryRecord.objects.exists()  # until the next sync
    assert sync_postings().postings == 1
    assert not SalaryRecord.objects.exists()
    pending.publish()
    pending.save()
    sync_postings()
    assert SalaryRecord.objects.filter(job_id=pending.pk).exists()
    pending.delete()
    result = sync_postings()
    assert (result.postings, result.records_removed) == (0, 1)
    assert not SalaryRecord.objects.exists()


def test_the_sync_refreshes_the_figures_of_the_titles_postings_moved():
    make_role(name="Data Engineer", broader_titles="Engineer")
    title = SalaryTitle.objects.get(name="Data Engineer")
    job = make_job(title="Senior Data Engineer", salary_min=100_000, salary_max=120_000)
    assert not SalaryStat.objects.exists()  # a save does no salary work
    result = sync_postings()
    assert (result.postings, result.titles) == (1, {title.pk})
    job.refresh_from_db()
    assert not job.needs_salary_sync
    assert sync_postings().postings == 0  # nothing left to do
    stat = SalaryStat.objects.get(title=title, country="", level="", year=0)
    assert (stat.count, stat.postings, stat.p50) == (1, 1, 110_000)
    engineer = SalaryStat.objects.get(title__name="Engineer", country="", level="", year=0)
    assert engineer.count == 1


def test_a_job_without_a_role_gets_the_role_its_title_matches():
    role = make_role(name="Data Scientist", broader_titles="Scientist")
    make_role(name="Draft Role", status=Status.DRAFT)
    other = make_role(name="Data Analyst")
    jobs = [
        make_job(title="Sr. Data Scientist II"),
        make_job(title="Data Scientist", role=other),
        make_job(title="Scientist"),
        make_job(title="Draft Role"),
        make_job(title="Underwater Basket Weaver"),
    ]
    assert jobs[0].role is None  # until the sync
    assert sync_postings().roles_matched == 1
    for job in jobs:
        job.refresh_from_db()
    assert jobs[0].role == role
    assert jobs[1].role == other  # chosen roles stay
    assert jobs[2].role is None  # a broader title names no role
    assert jobs[3].role is None
    assert jobs[4].role is None


def test_refresh_salaries_rebuilds_posting_records():
    make_role(name="Data Engineer", broader_titles="")
    job = make_job(title="Data Engineer")
    SalaryRecord.objects.all().delete()
    out = io.StringIO()
    call_command("refresh_salaries", stdout=out)
    assert SalaryRecord.objects.get().job_id == job.pk
    assert SalaryStat.objects.filter(title__name="Data Engineer").exists()
    assert "rebuilt" in out.getvalue()


def test_titles_with_very_many_records_wait_for_the_stale_refresh(settings):
    make_role(name="Data Engineer", broader_titles="Engineer")
    title = SalaryTitle.objects.get(name="Data Engineer")
    make_salary_records(title, [100_000, 200_000, 300_000])
    refresh_stats()
    settings.SALARY_INSTANT_REFRESH_LIMIT = 2
    make_job(title="Data Engineer", salary_min=400_000, salary_max=400_000)
    sync_postings()
    overall = SalaryStat.objects.filter(country="", level="", year=0)
    assert overall.get(title=title).count == 3  # not yet
    assert set(SalaryTitle.objects.filter(needs_refresh=True).values_list("name", flat=True)) == {
        "Data Engineer",
        "Engineer",
    }
    out = io.StringIO()
    call_command("refresh_salaries", "--stale", stdout=out)
    assert "Synced 0 posting(s)" in out.getvalue()
    assert "recomputed 2 large title(s)" in out.getvalue()
    assert overall.get(title=title).count == 4 and overall.get(title=title).p50 == 250_000
    assert overall.get(title__name="Engineer").count == 4
    assert not SalaryTitle.objects.filter(needs_refresh=True).exists()


def test_job_page_places_its_pay_in_the_title_distribution(client):
    role = make_role(name="Data Scientist", slug="data-scientist", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Scientist")
    make_salary_records(title, [100_000, 110_000, 120_000, 130_000, 140_000], level="senior")
    make_salary_records(title, [50_000] * 5, level="entry", country="DE")
    job = make_job(
        title="Senior Data Scientist",
        role=role,
        experience_level="senior",
        country="US",
        city="Austin",
        salary_min=150_000,
        salary_max=170_000,
    )
    sync_postings()
    refresh_stats()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "How the pay compares" in html
    assert "above the median</strong> for Senior Data Scientist in the United States" in html
    # Five survey records and the posting itself (160K): the median of six is 125K.
    assert "($125,000)" in html
    assert "6 records: 5 survey records and 1 job posting" in html

    cheap = make_job(title="Data Scientist", country="FR", salary_min=40_000, salary_max=45_000)
    refresh_stats()
    html = client.get(cheap.get_absolute_url()).content.decode()
    # No French or French mid-level figures: the global mid-level ones are too few (one
    # posting), so the page compares with every level worldwide.
    assert "below the median</strong> for Data Scientist worldwide" in html


def test_job_page_without_enough_data_says_nothing(client):
    make_role(name="Data Scientist", broader_titles="")
    job = make_job(title="Data Scientist")
    refresh_stats()
    assert "How the pay compares" not in client.get(job.get_absolute_url()).content.decode()


def test_job_pages_match_titles_through_aliases_and_share_the_figures(
    client, django_assert_max_num_queries
):
    scientist = make_role(name="Data Scientist", slug="data-scientist", broader_titles="")
    make_role(name="ML Engineer", slug="ml-engineer", broader_titles="")
    engineers = SalaryTitle.objects.get(name="ML Engineer")
    make_salary_records(engineers, [200_000] * 5, level="senior")
    make_salary_records(SalaryTitle.objects.get(name="Data Scientist"), [100_000] * 5)
    # An editor's alias sends "Model Builder" postings to the engineers' figures.
    TitleAlias.objects.create(alias="Model Builder", title=engineers)
    refresh_stats()  # retires the salary figures pages and fragments show
    aliased = make_job(title="Senior Model Builder", role=scientist, experience_level="senior")
    other = make_job(title="Staff Model Builder", role=scientist, experience_level="senior")
    html = client.get(aliased.get_absolute_url()).content.decode()
    assert "below the median</strong> for Senior ML Engineer" in html
    # A title nothing matches is compared with its role's title.
    unmatched = make_job(title="Quant Wizard", role=scientist, experience_level="entry")
    html = client.get(unmatched.get_absolute_url()).content.decode()
    assert "below the median</strong> for Data Scientist worldwide" in html
    # Another posting of the role, with a title of its own: the titles and the figures are
    # the ones read for the first pages, so its first view reads only the posting.
    with django_assert_max_num_queries(1):
        html = client.get(other.get_absolute_url()).content.decode()
    assert "for Senior ML Engineer" in html


def test_the_pay_card_escapes_names_and_draws_the_strip(client):
    role = make_role(name="R&D Scientist", slug="rd-scientist", broader_titles="")
    title = SalaryTitle.objects.get(name="R&D Scientist")
    make_salary_records(title, [100_000, 110_000, 120_000, 130_000, 140_000])
    job = make_job(
        title="R&D Scientist", role=role, salary_min=120_000, salary_max=120_000, country="DE"
    )
    refresh_stats()
    html = client.get(job.get_absolute_url()).content.decode()
    card = html[html.index('<section class="aside-card salary-position"') :]
    card = card[: card.index("</section>")]
    assert "R&D" not in card
    assert "around the median</strong> for Mid-level R&amp;D Scientist worldwide" in card
    # One amount when the range is one figure; the strip's range is at least 3 units wide.
    assert "This job pays $120K a year:" in card
    assert 'class="job-range" x="' in card and 'width="3"' in card
    assert f'<a href="{title.get_absolute_url()}">R&amp;D Scientist salaries</a>' in card
