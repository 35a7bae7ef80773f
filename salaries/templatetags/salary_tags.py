from django import template

from core import money
from salaries.charts import pair_range_chart
from salaries.figures import global_figures_by_name, median_for, min_sample, top_paid_titles

register = template.Library()


@register.inclusion_tag("salaries/includes/role_insights.html")
def role_salary_insights(role) -> dict:
    """A role page's salary card: the median of the role's own title and links to its titles."""
    return {"role": role, "figures": median_for(role.name)}


@register.inclusion_tag("salaries/includes/top_paid_titles.html")
def top_paid_titles_list(roles, limit: int = 5) -> dict:
    """The home page's top titles by pay: the salary pages' own medians (one query; `roles` are
    the published roles the page has read)."""
    return {"titles": top_paid_titles(roles, limit)}


@register.filter
def usd(amount) -> str:
    """$145,300"""
    return money.usd(amount) if amount is not None else ""


@register.filter
def usd_short(amount) -> str:
    """$145K"""
    return money.usd_short(amount) if amount is not None else ""


# Country names that read better with "the" in a sentence ("in the United States").
_WITH_THE = {"US", "GB", "NL", "AE", "CZ", "PH", "DO", "BS", "GM", "CF", "VA"}


@register.filter
def in_country(code: str) -> str:
    """“in the United States”, “in Germany”; “worldwide” without a country."""
    from django_countries import countries

    if not code:
        return "worldwide"
    name = countries.name(code)
    return f"in the {name}" if code in _WITH_THE else f"in {name}"


def _guide_figures(guide) -> dict:
    """The global figures of every title a guide links to, read once per page (one query)
    however many of the tags below it uses."""
    if not hasattr(guide, "_salary_figures"):
        guide._salary_figures = global_figures_by_name(guide.salary_titles)
    return guide._salary_figures


@register.inclusion_tag("salaries/includes/guide_insights.html")
def guide_salary_insights(guide) -> dict:
    """A guide's salary links, each with its title's global median when there is enough data."""
    figures = _guide_figures(guide)
    titles = [
        (title, figures[title].overall if title in figures else None)
        for title in guide.salary_titles
    ]
    return {"titles": titles}


@register.inclusion_tag("salaries/includes/guide_pay_chart.html")
def guide_pay_chart(guide) -> dict:
    """A comparison guide's pay by level for both roles on one axis (as the comparison page)."""
    roles = guide.public_roles
    if len(roles) != 2:
        return {}
    figures = _guide_figures(guide)
    if not all(role.name in figures for role in roles):
        return {}
    return {
        "chart": pair_range_chart(*(figures[role.name].by_level for role in roles)),
        "names": [role.name for role in roles],
        "min_sample": min_sample(),
    }
