from django.conf import settings
from django.http import HttpRequest

# URL names of the roles app that belong to the "Guides" part of the site.
GUIDE_URL_NAMES = {"guides", "guide"}


def site(request: HttpRequest) -> dict:
    """The site's name, and which main-navigation entry the current page belongs to."""
    match = request.resolver_match
    section = ""
    if match:
        section = match.namespace
        if section == "roles" and match.url_name in GUIDE_URL_NAMES:
            section = "guides"
    return {"site_name": settings.SITE_NAME, "nav_section": section, "main_nav": MAIN_NAV}


MAIN_NAV = (
    ("jobs", "jobs:list", "Jobs"),
    ("guides", "roles:guides", "Guides"),
    ("roles", "roles:list", "Roles"),
    ("salaries", "salaries:list", "Salaries"),
    ("employers", "employers:home", "Employers"),
)
