"""schema.org JSON-LD for guide pages (Article) and every page's breadcrumbs (BreadcrumbList)."""

from typing import Any

from django.http import HttpRequest

from core.breadcrumbs import Crumbs
from images.kinds import HERO
from images.models import variant_url
from roles.models import Guide


def guide_json_ld(guide: Guide, request: HttpRequest, site_name: str, crumbs: Crumbs) -> list[dict]:
    url = request.build_absolute_uri(guide.get_absolute_url())
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title,
        "description": guide.description,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "datePublished": guide.published_at.isoformat() if guide.published_at else None,
        "dateModified": (guide.revised_at or guide.published_at or guide.updated_at).isoformat(),
        "about": [{"@type": "Thing", "name": role.name} for role in guide.public_roles],
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if guide.hero_image_id:
        path = variant_url(guide.hero_image_id, HERO.largest, HERO.fallback)
        article["image"] = [request.build_absolute_uri(path)]
    if guide.byline:
        article["author"] = {"@type": "Person", "name": guide.byline}
    else:
        article["author"] = {"@type": "Organization", "name": site_name}
    return [article, breadcrumb_list(crumbs, request)]


def breadcrumb_list(crumbs: Crumbs, request: HttpRequest) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for i, (name, path) in enumerate(crumbs, start=1)
        ],
    }
