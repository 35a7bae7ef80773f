"""Job postings as salary observations, and roles matched from job titles.

A posting that is or was public and states pay becomes one salary record: the middle of its
range, per year (monthly × 12, hourly × 2,080) and in U.S. dollars at the reference rates of
jobs/choices.py. Saving or deleting a posting updates its record and then the figures of its
title (at once, or at the next `refresh_salaries --stale` for titles with very many records);
`refresh_salaries` rebuilds every posting's record (bulk inserts skip these hooks).

A posting saved without a role gets the role whose title its own title matches ("Sr. Data
Scientist" → Data Scientist), through the same title aliases editors keep for salaries.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from jobs.models import ONCE_PUBLIC, Job
from roles.models import Role
from salaries.models import SalaryRecord, SalaryTitle, Source
from salaries.stats import refresh_or_defer
from salaries.title_matching import TitleMatcher, title_key

# Title ids whose figures wait for the end of the transaction; the first callback after a commit
# refreshes them all, later ones find the set empty.
_stale_titles: set[int] = set()


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


def sync_posting(job: Job) -> set[int]:
    """Create, update or delete a posting's record; return the title ids whose figures move."""
    before = SalaryRecord.objects.filter(job_id=job.pk).values_list("title_id", flat=True)
    touched = {pk for pk in before if pk is not None}
    record = posting_record(job, TitleMatcher.from_database())
    if record is None:
        SalaryRecord.objects.filter(job_id=job.pk).delete()
        return touched
    fields = {
        f.attname: getattr(record, f.attname)
        for f in SalaryRecord._meta.concrete_fields
        if not f.primary_key
    }
    SalaryRecord.objects.update_or_create(job_id=job.pk, defaults=fields)
    return touched | ({record.title_id} if record.title_id else set())


def sync_all_postings(batch_size: int = 2000) -> int:
    """Rebuild every posting's record from the jobs table; return how many there are."""
    matcher = TitleMatcher.from_database()
    jobs = (
        Job.objects.filter(status__in=ONCE_PUBLIC, salary_min__isnull=False)
        .only(
            *(
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
        )
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


def role_for_title(raw_title: str) -> Role | None:
    """The published role whose own title a job title matches, if any."""
    title_id = TitleMatcher.from_database().match(raw_title).title_id
    if title_id is None:
        return None
    name = SalaryTitle.objects.filter(pk=title_id).values_list("name", flat=True).first()
    return Role.objects.published().filter(name__iexact=name).first() if name else None


def _refresh_stale_titles() -> None:
    titles = set(_stale_titles)
    _stale_titles.clear()
    if titles:
        refresh_or_defer(titles)


def _match_role(sender, instance: Job, raw: bool = False, **kwargs) -> None:
    if not raw and instance.role_id is None and instance.title:
        instance.role = role_for_title(instance.title)


def _posting_saved(sender, instance: Job, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    _stale_titles.update(sync_posting(instance))
    transaction.on_commit(_refresh_stale_titles)


def _posting_deleted(sender, instance: Job, **kwargs) -> None:
    before = SalaryRecord.objects.filter(job_id=instance.pk).values_list("title_id", flat=True)
    _stale_titles.update(pk for pk in before if pk is not None)
    SalaryRecord.objects.filter(job_id=instance.pk).delete()
    transaction.on_commit(_refresh_stale_titles)


def connect() -> None:
    pre_save.connect(_match_role, sender=Job, dispatch_uid="job_role_from_title")
    post_save.connect(_posting_saved, sender=Job, dispatch_uid="job_salary_record")
    post_delete.connect(_posting_deleted, sender=Job, dispatch_uid="job_salary_record_delete")
