from django import template
from django_countries import countries

from core import page_tags
from core.page_cache import cached_fragment
from jobs.models import Job
from roles.models import Role
from salaries.charts import position_bar
from salaries.figures import Comparison, Figures, PublicTitles, figures_for, posting_title
from salaries.models import SalaryTitle

register = template.Library()


@register.inclusion_tag("salaries/includes/position.html")
def salary_position(job: Job, role=None):
    """Where a posting's pay sits in its title's distribution: the title its own title matches,
    else its role's; in its country at its level when enough records allow, else broader."""
    yearly = job.pay.yearly_usd()
    if yearly is None:
        return {}
    # The same for every posting with this title, role, level and country ("Senior Data
    # Scientist" in Germany): found once, kept until the figures or the roles change.
    where = (job.title, role.pk if role else None, job.experience_level, job.country.code)
    found = cached_fragment(
        "salary-figures",
        where,
        (page_tags.SALARIES, page_tags.ROLES),
        lambda: title_figures(job.title, role, job.experience_level, job.country.code),
    )
    if found is None:
        return {}
    figures, title, level, country = found
    comparison = Comparison(figures, title, level, country, *yearly)
    return {
        "comparison": comparison,
        "country_name": countries.name(comparison.country) if comparison.country else "",
        "converted": job.salary_currency != "USD" or job.salary_period != "year",
        "bar": position_bar(comparison.figures, *yearly),
    }


def title_figures(
    raw_title: str, role: Role | None, level: str, country: str
) -> tuple[Figures, SalaryTitle, str, str] | None:
    """(figures, title, level label, country) a posting is compared with: the title's match
    is one query; the public titles and each title's figures are shared with other titles."""
    public = cached_fragment("public-titles", (), (page_tags.ROLES,), PublicTitles.load)
    title = posting_title(raw_title, role, public)
    if title is None:
        return None
    found = cached_fragment(
        "title-figures",
        (title.pk, level, country),
        (page_tags.SALARIES,),
        lambda: figures_for(title, level, country),
    )
    if found is None:
        return None
    figures, level_label, where = found
    return figures, title, level_label, where
