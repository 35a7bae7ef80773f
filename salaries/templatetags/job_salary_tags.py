from django import template
from django_countries import countries

from core import page_tags
from core.page_cache import cached_fragment
from jobs.models import Job
from roles.models import Role
from salaries.charts import position_bar
from salaries.figures import Comparison, Figures, PostingTitles, TitleCuts
from salaries.models import SalaryTitle

register = template.Library()


@register.inclusion_tag("salaries/includes/position.html")
def salary_position(job: Job, role=None):
    """Where a posting's pay sits in its title's distribution: the title its own title matches,
    else its role's; in its country at its level when enough records allow, else broader."""
    yearly = job.pay.yearly_usd()
    if yearly is None:
        return {}
    found = title_figures(job.title, role, job.experience_level, job.country.code)
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
    """(figures, title, level label, country) a posting is compared with, from two fragments
    every job page shares: the titles a posting's title is matched against, and the matched
    title's figures by country and level. Postings' titles are nearly all different, so a
    fragment per posting title would mostly be missed and written."""
    titles = cached_fragment(
        "posting-titles", (), (page_tags.SALARIES, page_tags.ROLES), PostingTitles.load
    )
    title = titles.match(raw_title, role)
    if title is None:
        return None
    cuts = cached_fragment(
        "title-cuts", (title.pk,), (page_tags.SALARIES,), lambda: TitleCuts.load(title)
    )
    found = cuts.most_specific(level, country)
    if found is None:
        return None
    figures, level_label, where = found
    return figures, title, level_label, where
