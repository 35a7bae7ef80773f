"""Breadcrumb trails: the same list feeds the page's breadcrumb bar and its JSON-LD."""

from django.urls import reverse

Crumbs = list[tuple[str, str]]


def trail(*crumbs: tuple[str, str]) -> Crumbs:
    """Home, then the given (label, url) pairs; the last one is the current page."""
    return [("Home", reverse("home")), *crumbs]


def guides_trail(title: str, url: str) -> Crumbs:
    return trail(("Guides", reverse("roles:guides")), (title, url))


def roles_trail(title: str, url: str) -> Crumbs:
    return trail(("Roles", reverse("roles:list")), (title, url))


def companies_trail(name: str, url: str) -> Crumbs:
    return trail(("Companies", reverse("companies:list")), (name, url))
