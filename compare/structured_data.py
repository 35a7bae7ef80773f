"""schema.org JSON-LD of a comparison page: a WebPage about the two roles."""

from django.http import HttpRequest

from compare.comparison import Comparison
from compare.summary import description


def comparison_json_ld(comparison: Comparison, request: HttpRequest, site_name: str) -> list[dict]:
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
    return [page]
