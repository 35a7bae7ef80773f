"""Job postings as salary observations.

A posting that is or was public and states pay becomes one salary record: the middle of its
range, per year (monthly × 12, hourly × 2,080) and in U.S. dollars at the reference rates of
jobs/choices.py. The sync (salaries/sync.py) writes the records of postings saved since it last
ran; `sync_all_postings` rebuilds every posting's record.
"""

from jobs.models import ONCE_PUBLIC, Job
from salaries.models import SalaryRecord, Source
from salaries.title_matching import TitleMatcher, title_key

# The posting fields a salary record is made of.
RECORD_FIELDS = (
    "title",
    "status",
    "posted_at",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "experience_level",
    "employment_type",
    "country",
)


def yearly_usd_range(job: Job) -> tuple[int, int] | None:
    """The posting's range per year in U.S. dollars, or None without pay."""
    return job.pay.yearly_usd()


def posting_record(job: Job, matcher: TitleMatcher) -> SalaryRecord | None:
    """The salary record a posting contributes, or None (no pay, or never public)."""
    yearly = yearly_usd_range(job)
    if yearly is None or job.status not in ONCE_PUBLIC or job.posted_at is None:
        return None
    title_id = matcher.match(job.title).title_id
    return SalaryRecord(
        source=Source.POSTING,
        job_id=job.pk,
        raw_title=job.title[:150],
        title_key=title_key(job.title),
        title_id=title_id,
        level=job.experience_level,
        employment_type=job.employment_type,
        year=job.posted_at.year,
        country=job.country.code,
        amount_usd=max(1, round(sum(yearly) / 2)),
    )


def sync_all_postings(batch_size: int = 2000) -> int:
    """Rebuild every posting's record from the jobs table; return how many there are."""
    matcher = TitleMatcher.from_database()
    jobs = (
        Job.objects.filter(status__in=ONCE_PUBLIC, salary_min__isnull=False)
        .only(*RECORD_FIELDS)
        .order_by("pk")
    )
    SalaryRecord.objects.filter(source=Source.POSTING).delete()
    batch: list[SalaryRecord] = []
    count = 0
    for job in jobs.iterator(chunk_size=batch_size):
        record = posting_record(job, matcher)
        if record is not None:
            batch.append(record)
        if len(batch) >= batch_size:
            SalaryRecord.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    SalaryRecord.objects.bulk_create(batch)
    return count + len(batch)
