from django import template

from core import money
from salaries.figures import median_for

register = template.Library()


@register.inclusion_tag("salaries/includes/role_insights.html")
def role_salary_insights(role) -> dict:
    """A role page's salary card: the median of the role's own title and links to its titles."""
    return {"role": role, "figures": median_for(role.name)}


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
