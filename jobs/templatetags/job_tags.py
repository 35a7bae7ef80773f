from itertools import zip_longest

from django import template
from django.db.models import Case, Value, When

from jobs.models import Job
from jobs.pagination import featured_then_newest

register = template.Library()

FEATURED_JOBS = 5
ROLE_PAGE_JOBS = 10


@register.inclusion_tag("jobs/includes/featured_jobs.html")
def featured_jobs(roles=(), exclude_roles=False):
    """Job cards beside a guide: the roles' featured jobs, their other jobs (taking turns, so a
    comparison shows both roles), then other featured jobs; one query plus one per role. With
    `exclude_roles`, only featured jobs for other roles (the page lists the roles' own)."""
    role_ids = [role.pk for role in roles]
    jobs = Job.objects.public().for_cards()
    if exclude_roles:
        cards = list(jobs.featured().exclude(role__in=role_ids).newest()[:FEATURED_JOBS])
        return {"jobs": cards, "roles": roles, "exclude_roles": True}
    for_role = Case(When(role__in=role_ids, then=Value(1)), default=Value(0))
    featured = list(
        jobs.featured()
        .alias(for_role=for_role)
        .order_by("-for_role", "-posted_at", "-pk")[:FEATURED_JOBS]
    )
    role_featured = [job for job in featured if job.role_id in role_ids]
    shown = {job.pk for job in featured}
    per_role = [
        [job for job in jobs.filter(role=role_id).newest()[:FEATURED_JOBS] if job.pk not in shown]
        for role_id in role_ids
    ]
    role_rest = [job for turn in zip_longest(*per_role) for job in turn if job is not None]
    other_featured = [job for job in featured if job.role_id not in role_ids]
    cards = (role_featured + role_rest + other_featured)[:FEATURED_JOBS]
    return {"jobs": cards, "roles": roles, "exclude_roles": False}


@register.inclusion_tag("jobs/includes/role_jobs.html")
def role_jobs(role):
    """A role page's open jobs, featured first, with the total for the link to all of them."""
    jobs = Job.objects.public().filter(role=role).for_cards()
    return {
        "role": role,
        "jobs": featured_then_newest(jobs, ROLE_PAGE_JOBS),
        "job_count": jobs.count(),
    }
