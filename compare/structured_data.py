"""schema.org JSON-LD of a comparison page: a WebPage about the two roles, and its breadcrumbs."""

from django.http import HttpRequest

from compare.comparison import Comparison
from compare.summary import description
from core.breadcrumbs import Crumbs
from roles.structured_data import breadcrumb_list


def comparison_json_ld(
    comparison: Comparison, request: HttpRequest, site_name: str, crumbs: Crumbs
) -> list[dict]:
    url = request.build_absolute_uri(comparison.pair.get_absolute_url())
    page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": comparison.pair.title,
        "description": description(comparison.summary),
        "url": url,
        "about": [
            {
                "@type": "Occupation",
                "name": side.role.name,
                "url": request.build_absolute_uri(side.role.get_absolute_url()),
            }
            for side in comparison.sides
        ],
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    return [page, breadcrumb_list(crumbs, request)]
