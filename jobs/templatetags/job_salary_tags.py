from django import template
from django.utils.text import slugify
from django_countries import countries

from jobs.models import Job
from jobs.salary_observations import yearly_usd_range
from roles.salary_charts import position_bar
from roles.salary_figures import PublicTitles, compare_range
from roles.salary_models import SalaryTitle
from roles.title_matching import TitleMatcher

register = template.Library()


@register.inclusion_tag("jobs/includes/salary_position.html")
def salary_position(job: Job, role=None):
    """Where a posting's pay sits in its title's distribution: the title its own title matches,
    else its role's; in its country at its level when enough records allow, else broader."""
    yearly = yearly_usd_range(job)
    if yearly is None:
        return {}
    public = PublicTitles.load()
    title_id = TitleMatcher.from_database().match(job.title).title_id
    titles = SalaryTitle.objects.filter(slug__in=public.slugs)
    title = titles.filter(pk=title_id).first() if title_id else None
    if title is None and role is not None:
        title = titles.filter(slug=slugify(role.name)).first()
    if title is None:
        return {}
    comparison = compare_range(title, job.experience_level, job.country.code, *yearly)
    if comparison is None:
        return {}
    return {
        "comparison": comparison,
        "country_name": countries.name(comparison.country) if comparison.country else "",
        "converted": job.salary_currency != "USD" or job.salary_period != "year",
        "bar": position_bar(comparison.figures, *yearly),
    }
