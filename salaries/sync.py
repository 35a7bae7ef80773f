"""Keeping salary records, figures and posting roles in step with what was written.

Saving a posting sets its `needs_salary_sync` flag (jobs/models.py); `sync_postings` finds the
flagged postings through a partial index and, for each, writes its salary record (or removes
it), gives a posting without a role the published role its title matches ("Sr. Data Scientist" →
Data Scientist, through the aliases editors keep), clears the flag, and recomputes the figures
of every title that gained or lost a record. Postings deleted since the last run lose their
records too. `refresh_salaries --stale` runs it; run that every minute or two.

Nothing here runs inside a request: a posting write costs no salary work, and a sync that
fails leaves the flags set for the next run.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef

from core.page_cache import pages_changed
from jobs.models import Job
from roles.models import Role
from salaries.models import SalaryRecord, SalaryTitle, Source
from salaries.observations import RECORD_FIELDS, posting_record
from salaries.stats import refresh_or_defer, sync_titles
from salaries.title_matching import TitleMatcher, title_key

BATCH_SIZE = 500


@dataclass
class SyncResult:
    postings: int = 0  # flagged postings brought up to date
    roles_matched: int = 0
    records_removed: int = 0  # of postings deleted since the last run
    titles: set[int] = field(default_factory=set)  # titles whose records changed


class RoleMatcher:
    """The published role a job title names, by the title's canonical salary title."""

    def __init__(self, titles: TitleMatcher):
        self.titles = titles
        role_ids = {
            title_key(name): pk for pk, name in Role.objects.published().values_list("pk", "name")
        }
        self.role_by_title = {
            pk: role_ids[key]
            for pk, key in SalaryTitle.objects.values_list("pk", "key")
            if key in role_ids
        }

    def role_id(self, raw_title: str) -> int | None:
        title_id = self.titles.match(raw_title).title_id
        return self.role_by_title.get(title_id) if title_id is not None else None


def sync_postings(batch_size: int = BATCH_SIZE) -> SyncResult:
    """Bring every flagged posting's salary record and role up to date (see the module)."""
    sync_titles()  # a role saved since the last run may name new titles
    matcher = TitleMatcher.from_database()
    roles = RoleMatcher(matcher)
    result = SyncResult()
    while _sync_batch(matcher, roles, result, batch_size):
        pass
    result.records_removed = _remove_deleted_postings(result)
    if result.titles:
        refresh_or_defer(result.titles)
    if result.roles_matched:
        pages_changed()  # role pages and guides list the postings of their role
    return result


def match_roles_and_clear_flags() -> int:
    """For a full rebuild (which rewrites every record anyway): give flagged postings without a
    role their matching role, then clear every flag in one statement. Returns roles given."""
    sync_titles()
    roles = RoleMatcher(TitleMatcher.from_database())
    unmatched = Job.objects.filter(needs_salary_sync=True, role=None).values_list("pk", "title")
    matched: dict[int, list[int]] = {}
    for pk, title in unmatched.iterator(chunk_size=2000):
        role_id = roles.role_id(title)
        if role_id is not None:
            matched.setdefault(role_id, []).append(pk)
    given = _give_roles(matched)
    Job.objects.filter(needs_salary_sync=True).update(needs_salary_sync=False)
    if given:
        pages_changed()
    return given


def _give_roles(matched: dict[int, list[int]]) -> int:
    """One statement per role (and per thousand postings), not one per posting."""
    given = 0
    for role_id, pks in matched.items():
        for start in range(0, len(pks), 1000):
            chunk = pks[start : start + 1000]
            given += Job.objects.filter(pk__in=chunk, role=None).update(role_id=role_id)
    return given


def _sync_batch(
    matcher: TitleMatcher, roles: RoleMatcher, result: SyncResult, batch_size: int
) -> bool:
    with transaction.atomic():
        # Locked, so that a posting saved meanwhile waits and is flagged again after this batch;
        # another sync running at the same time takes other rows.
        jobs = list(
            Job.objects.filter(needs_salary_sync=True)
            .select_for_update(skip_locked=True, of=("self",))
            .only("role_id", *RECORD_FIELDS)
            .order_by("pk")[:batch_size]
        )
        if not jobs:
            return False
        ids = [job.pk for job in jobs]
        before = SalaryRecord.objects.filter(job_id__in=ids).values_list("title_id", flat=True)
        result.titles |= {pk for pk in before if pk is not None}
        SalaryRecord.objects.filter(job_id__in=ids).delete()
        records = [r for r in (posting_record(job, matcher) for job in jobs) if r is not None]
        SalaryRecord.objects.bulk_create(records)
        result.titles |= {r.title_id for r in records if r.title_id is not None}
        matched: dict[int, list[int]] = {}
        for job in jobs:
            role_id = roles.role_id(job.title) if job.role_id is None else None
            if role_id is not None:
                matched.setdefault(role_id, []).append(job.pk)
        result.roles_matched += _give_roles(matched)
        Job.objects.filter(pk__in=ids).update(needs_salary_sync=False)
        result.postings += len(jobs)
    return len(jobs) == batch_size


def _remove_deleted_postings(result: SyncResult) -> int:
    orphans = SalaryRecord.objects.filter(source=Source.POSTING).exclude(
        Exists(Job.objects.filter(pk=OuterRef("job_id")))
    )
    titles = set(orphans.exclude(title=None).values_list("title_id", flat=True).distinct())
    removed, _ = orphans.delete()
    result.titles |= titles
    return removed
