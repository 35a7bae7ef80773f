from django import template
from django.utils import timezone

from jobs import selectors

register = template.Library()

FEATURED_JOBS = 5
ROLE_PAGE_JOBS = 10
ROLE_COUNT_UP_TO = 1000


@register.simple_tag
def role_job_cards(roles=()):
    """Job cards for a guide's roles (`jobs/includes/featured_jobs.html` shows them): their
    featured jobs, then their other jobs; one query, shared by the page's two places."""
    return selectors.job_cards_for_roles(roles, FEATURED_JOBS)


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


@register.filter
def age(moment) -> str:
    """How long ago a posting went up, in the words a reader scans: “today”, “yesterday”,
    “3 days ago”, “2 weeks ago”, “4 months ago” (by calendar day in the site's time zone)."""
    if not moment:
        return ""
    days = (timezone.localdate() - timezone.localtime(moment).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return f"{years} year{'s' if years > 1 else ''} ago"
