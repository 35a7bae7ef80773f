"""schema.org JSON-LD for guide pages (Article); the breadcrumbs' comes with the breadcrumb bar."""

from django.http import HttpRequest
from django.templatetags.static import static

from roles.models import Guide


def guide_json_ld(guide: Guide, request: HttpRequest, site_name: str) -> list[dict]:
    url = request.build_absolute_uri(guide.get_absolute_url())
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title,
        "description": guide.description,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "datePublished": guide.published_at.isoformat() if guide.published_at else None,
        "dateModified": (guide.revised_at or guide.published_at or guide.updated_at).isoformat(),
        "about": [{"@type": "Thing", "name": role.name} for role in guide.public_roles],
        "publisher": {
            "@type": "Organization",
            "name": site_name,
            "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("logo.png"))},
        },
    }
    if guide.byline:
        article["author"] = {"@type": "Person", "name": guide.byline}
    else:
        article["author"] = {"@type": "Organization", "name": site_name}
    return [article]
