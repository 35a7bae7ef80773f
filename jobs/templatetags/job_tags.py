from django import template

from jobs.models import Job

register = template.Library()

FEATURED_JOBS = 5
ROLE_PAGE_JOBS = 10


@register.inclusion_tag("jobs/includes/featured_jobs.html")
def featured_jobs(roles=(), exclude_roles=False):
    """Job cards beside a guide or a role: the roles' own jobs first, then other featured ones.

    With `exclude_roles`, only featured jobs for other roles (the page lists the roles' own).
    """
    jobs = Job.objects.public().for_cards()
    if exclude_roles:
        jobs = jobs.featured().exclude(role__in=[role.pk for role in roles])
    else:
        jobs = jobs.featured_for(roles)
    return {"jobs": list(jobs[:FEATURED_JOBS]), "roles": roles, "exclude_roles": exclude_roles}


@register.inclusion_tag("jobs/includes/role_jobs.html")
def role_jobs(role):
    """A role page's open jobs, featured first, with the total for the link to all of them."""
    jobs = Job.objects.public().filter(role=role)
    return {
        "role": role,
        "jobs": list(jobs.for_cards().featured_first()[:ROLE_PAGE_JOBS]),
        "job_count": jobs.count(),
    }
