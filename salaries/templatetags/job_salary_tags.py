from django import template
from django_countries import countries

from jobs.models import Job
from salaries.charts import position_bar
from salaries.figures import PublicTitles, compare_range, posting_title

register = template.Library()


@register.inclusion_tag("salaries/includes/position.html")
def salary_position(job: Job, role=None):
    """Where a posting's pay sits in its title's distribution: the title its own title matches,
    else its role's; in its country at its level when enough records allow, else broader."""
    yearly = job.pay.yearly_usd()
    if yearly is None:
        return {}
    title = posting_title(job.title, role, PublicTitles.load())  # two queries
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
