from django import template

from jobs import selectors

register = template.Library()

FEATURED_JOBS = 5
ROLE_PAGE_JOBS = 10
ROLE_COUNT_UP_TO = 1000


@register.inclusion_tag("jobs/includes/featured_jobs.html")
def featured_jobs(roles=(), exclude_roles=False):
    """Job cards beside a guide: the roles' featured jobs, their other jobs, then other featured
    jobs; one query. With `exclude_roles`, only featured jobs for other roles (the page lists
    the roles' own)."""
    if exclude_roles:
        cards = selectors.featured_jobs_of_other_roles(roles, FEATURED_JOBS)
    else:
        cards = selectors.job_cards_for_roles(roles, FEATURED_JOBS)
    return {"jobs": cards, "roles": roles, "exclude_roles": bool(exclude_roles)}


@register.inclusion_tag("jobs/includes/role_jobs.html")
def role_jobs(role):
    """A role page's open jobs, featured first, with the total for the link to all of them,
    counted up to ROLE_COUNT_UP_TO ("1,000+" past it, as /jobs/ says for a search)."""
    openings = selectors.role_openings(role, limit=ROLE_PAGE_JOBS, count_up_to=ROLE_COUNT_UP_TO)
    return {
        "role": role,
        "jobs": openings.jobs,
        "job_count": openings.count,
        "job_count_label": openings.count_label,
    }
