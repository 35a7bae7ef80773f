"""schema.org JSON-LD for guide pages (Article, its authors as Person); the breadcrumbs' comes
with the breadcrumb bar."""

from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static

from authors.structured_data import person
from images.kinds import HERO
from images.models import variant_url
from roles.models import Guide


def guide_json_ld(guide: Guide, request: HttpRequest, site_name: str) -> list[dict]:
    url = request.build_absolute_uri(guide.get_absolute_url())
    page = {"@type": "WebPage", "@id": url}
    if guide.last_reviewed:
        page["lastReviewed"] = guide.last_reviewed.isoformat()
    authors = [person(author, request) for author in guide.credited_authors]
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title,
        "description": guide.description,
        "mainEntityOfPage": page,
        "url": url,
        "datePublished": guide.published_at.isoformat() if guide.published_at else None,
        "dateModified": (guide.revised_at or guide.published_at or guide.updated_at).isoformat(),
        "about": [{"@type": "Thing", "name": role.name} for role in guide.public_roles],
        "publisher": {
            "@type": "Organization",
            "name": site_name,
            "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("logo.png"))},
        },
        # Each credited author with their page; the site itself for a guide without a byline.
        "author": authors or {"@type": "Organization", "name": site_name},
    }
    if guide.hero_image_id:
        path = variant_url(guide.hero_image_id, HERO.largest, HERO.fallback)
        article["image"] = [request.build_absolute_uri(path)]
    return [article]
