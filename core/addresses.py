"""Addresses of pages named by one slug (a posting, a company, a role, a guide), reversed once per
URL name and then filled in; addresses without arguments, reversed once; and pages' absolute
addresses.

Django's `reverse()` looks the name up among every pattern and checks each argument against its
pattern's converters: 30–45 µs an address on the benchmark machine. An API list of twenty
postings writes sixty (each posting's, its company's and its role's), four fifths of the time of
writing a posting's JSON; a list page writes one for each new card.
"""

import re

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

# Django's slug converter: any other value is left to reverse(), which refuses it as before.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
# Stands for the slug while the address is reversed; a slug itself, so it comes back unquoted.
MARK = "0slug0mark0"

# By URL name, script prefix and URLconf (a request may set its own; tests change the setting).
_templates: dict[tuple[str, str, str], str] = {}


def _key(name: str) -> tuple[str, str, str]:
    return (name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def by_slug(name: str, slug: str) -> str:
    """`reverse(name, args=[slug])`, reversed once for the name."""
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return reverse(name, args=[slug])
    key = _key(name)
    template = _templates.get(key)
    if template is None:
        template = reverse(name, args=[MARK])
        if template.count(MARK) != 1:  # the slug is not a plain path segment here
            return reverse(name, args=[slug])
        _templates[key] = template
    return template.replace(MARK, slug)


_fixed: dict[tuple[str, str, str], str] = {}


def fixed(name: str) -> str:
    """`reverse(name)` for an address without arguments, reversed once (the base template and
    the job list write ten such links on every page)."""
    key = _key(name)
    address = _fixed.get(key)
    if address is None:
        address = _fixed[key] = reverse(name)
    return address


# A path that `build_absolute_uri` would put after the scheme and host unchanged.
PLAIN_PATH = re.compile(r"/[-\w/.~]*", re.ASCII)


def absolute_url(request: HttpRequest | None, path: str) -> str:
    """`request.build_absolute_uri(path)`, or the path itself without a request. The scheme and
    host are worked out once per request and put before a plain path: build_absolute_uri parsed
    every address again (three for each posting of an API list, a few on every page)."""
    if request is None:
        return path
    if not PLAIN_PATH.fullmatch(path) or "//" in path or "/." in path:
        return request.build_absolute_uri(path)
    site = getattr(request, SITE_ADDRESS, None)
    if site is None:
        site = request.build_absolute_uri("/")[:-1]
        setattr(request, SITE_ADDRESS, site)
    return site + path


# The request's scheme and host, as `absolute_url` worked them out.
SITE_ADDRESS = "_site_address"
