"""Reads other apps need from postings, so they never reach into the jobs app's models."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest

from django.db.models import QuerySet
from django.utils import timezone

from jobs.models import Job, featured_now_q
from jobs.pagination import CountUpTo, featured_then_newest, newest_first
from roles.models import Role


def postable_roles() -> QuerySet[Role]:
    """The roles a posting may name: the published ones."""
    return Role.objects.published()


def job_cards_for_roles(roles: Sequence[Role], limit: int) -> list[Job]:
    """Job cards beside a guide, at most `limit`, in one query: the roles' featured jobs, then
    their other jobs (taking turns, so a comparison shows both roles). Only the roles' own:
    a card beside a guide about other work would be an advertisement, not a lead.

    The featured jobs and each role's newest jobs are read from their indexes in one `in_any()`
    query; each part's top rows are among the result, so they are sorted back out of it here."""
    role_ids = [role.pk for role in roles]
    if not role_ids:
        return []
    now = timezone.now()
    jobs = Job.objects.public().for_cards().filter(role__in=role_ids)
    featured_part = jobs.filter(featured_now_q(now)).newest()[:limit]
    newest_parts = [jobs.filter(role=role_id).newest()[:limit] for role_id in role_ids]
    rows = newest_first(jobs.in_any(featured_part, *newest_parts))  # one query
    # Each part's rows again, in its own order.
    featured = [job for job in rows if job.featured_until and job.featured_until > now][:limit]
    shown = {job.pk for job in featured}
    per_role = [[job for job in rows if job.role_id == role_id][:limit] for role_id in role_ids]
    per_role = [[job for job in jobs_of_role if job.pk not in shown] for jobs_of_role in per_role]
    role_rest = [job for turn in zip_longest(*per_role) for job in turn if job is not None]
    return (featured + role_rest)[:limit]


@dataclass(frozen=True)
class RoleOpenings:
    """A role's open jobs as its page shows them."""

    jobs: list[Job]  # the first few, featured first
    count: int  # all of them, counted up to a cap
    count_label: str  # "1,000+" past the cap


def role_openings(role: Role, *, limit: int, count_up_to: int) -> RoleOpenings:
    """A role's first `limit` open job cards, featured first, and how many it has, counted up
    to `count_up_to`; two queries."""
    jobs = Job.objects.public().filter(role=role).for_cards()
    counted = CountUpTo(jobs, count_up_to)
    count = counted.count()
    return RoleOpenings(
        jobs=featured_then_newest(jobs, limit), count=count, count_label=counted.label(count)
    )


def newest_cards_by_role(role_ids: Sequence[int], limit: int) -> dict[int, list[Job]]:
    """Each role's newest `limit` open job cards, in one query (each role's part read from the
    role's newest-first index)."""
    jobs = Job.objects.public().for_cards()
    parts = [jobs.filter(role=role_id).newest()[:limit] for role_id in role_ids]
    rows = newest_first(jobs.in_any(*parts)) if parts else []
    return {role_id: [job for job in rows if job.role_id == role_id] for role_id in role_ids}


def requested_skills_by_role(
    role_ids: Sequence[int], *, sample: int, limit: int
) -> dict[int, list[tuple[str, int]]]:
    """The skills named most often in each role's newest `sample` open postings, as (skill,
    postings naming it), at most `limit` per role; one query. Skills are matched ignoring case
    and spacing, and shown as most postings write them."""
    jobs = Job.objects.public().only("role", "skills", "posted_at")
    parts = [jobs.filter(role=role_id).newest()[:sample] for role_id in role_ids]
    rows = jobs.in_any(*parts) if parts else []
    counts: dict[int | None, Counter[str]] = {role_id: Counter() for role_id in role_ids}
    spellings: dict[str, Counter[str]] = {}
    for job in rows:
        keys = set()
        for skill in job.skill_list:
            key = " ".join(skill.casefold().split())
            spellings.setdefault(key, Counter())[skill] += 1
            keys.add(key)
        counts[job.role_id].update(keys)  # a posting counts once per skill
    return {
        role_id: [
            (spellings[key].most_common(1)[0][0], n)
            for key, n in sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:limit]
        ]
        for role_id, counted in counts.items()
        if role_id is not None
    }
