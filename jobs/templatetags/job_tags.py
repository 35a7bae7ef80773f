from itertools import zip_longest

from django import template
from django.db.models import Case, Value, When
from django.utils import timezone

from jobs.models import Job, featured_now_q
from jobs.pagination import CountUpTo, featured_then_newest, newest_first

register = template.Library()

FEATURED_JOBS = 5
ROLE_PAGE_JOBS = 10
ROLE_COUNT_UP_TO = 1000


@register.inclusion_tag("jobs/includes/featured_jobs.html")
def featured_jobs(roles=(), exclude_roles=False):
    """Job cards beside a guide: the roles' featured jobs, their other jobs (taking turns, so a
    comparison shows both roles), then other featured jobs; one query. With
    `exclude_roles`, only featured jobs for other roles (the page lists the roles' own)."""
    role_ids = [role.pk for role in roles]
    now = timezone.now()
    jobs = Job.objects.public().for_cards()
    featured = jobs.filter(featured_now_q(now))
    if exclude_roles:
        cards = list(featured.exclude(role__in=role_ids).newest()[:FEATURED_JOBS])
        return {"jobs": cards, "roles": roles, "exclude_roles": True}
    for_role = Case(When(role__in=role_ids, then=Value(1)), default=Value(0))
    featured = featured.alias(for_role=for_role).order_by("-for_role", "-posted_at", "-pk")
    newest = [jobs.filter(role=role_id).newest()[:FEATURED_JOBS] for role_id in role_ids]
    rows = newest_first(jobs.in_any(featured[:FEATURED_JOBS], *newest))  # one query
    # Each part's rows again, in its own order: its top rows are among `rows`.
    featured = [job for job in rows if job.featured_until and job.featured_until > now]
    featured.sort(key=lambda job: job.role_id in role_ids, reverse=True)  # stable: newest next
    featured = featured[:FEATURED_JOBS]
    role_featured = [job for job in featured if job.role_id in role_ids]
    shown = {job.pk for job in featured}
    per_role = [
        [job for job in rows if job.role_id == role_id][:FEATURED_JOBS] for role_id in role_ids
    ]
    per_role = [[job for job in jobs_of_role if job.pk not in shown] for jobs_of_role in per_role]
    role_rest = [job for turn in zip_longest(*per_role) for job in turn if job is not None]
    other_featured = [job for job in featured if job.role_id not in role_ids]
    cards = (role_featured + role_rest + other_featured)[:FEATURED_JOBS]
    return {"jobs": cards, "roles": roles, "exclude_roles": False}


@register.inclusion_tag("jobs/includes/role_jobs.html")
def role_jobs(role):
    """A role page's open jobs, featured first, with the total for the link to all of them,
    counted up to ROLE_COUNT_UP_TO ("1,000+" past it, as /jobs/ says for a search)."""
    jobs = Job.objects.public().filter(role=role).for_cards()
    counted = CountUpTo(jobs, ROLE_COUNT_UP_TO)
    count = counted.count()
    return {
        "role": role,
        "jobs": featured_then_newest(jobs, ROLE_PAGE_JOBS),
        "job_count": count,
        "job_count_label": counted.label(count),
    }
