"""Breadcrumb trails: the same list feeds the page's breadcrumb bar and its JSON-LD, both written
by templates/includes/breadcrumbs.html so the two never disagree."""

from django.http import HttpRequest

from core.addresses import absolute_url, fixed

Crumbs = list[tuple[str, str]]


def trail(*crumbs: tuple[str, str]) -> Crumbs:
    """Home, then the given (label, url) pairs; the last one is the current page."""
    return [("Home", fixed("home")), *crumbs]


def guides_trail(title: str, url: str) -> Crumbs:
    return trail(("Guides", fixed("roles:guides")), (title, url))


def roles_trail(title: str, url: str) -> Crumbs:
    return trail(("Roles", fixed("roles:list")), (title, url))


def companies_trail(name: str, url: str) -> Crumbs:
    return trail(("Companies", fixed("companies:list")), (name, url))


def authors_trail(name: str, url: str) -> Crumbs:
    return trail(("Authors", fixed("authors:list")), (name, url))


def breadcrumb_list(crumbs: Crumbs, request: HttpRequest) -> dict:
    """The trail as schema.org JSON-LD (BreadcrumbList), with absolute addresses."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": name,
                "item": absolute_url(request, path),
            }
            for i, (name, path) in enumerate(crumbs, start=1)
        ],
    }
