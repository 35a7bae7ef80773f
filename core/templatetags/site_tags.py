import json
from collections.abc import Hashable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.core.paginator import Page
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from core import addresses
from core.breadcrumbs import Crumbs, breadcrumb_list

register = template.Library()

# Characters that could end the <script> element or start markup, escaped inside JSON strings
# (replaced one by one: str.translate looks up every character of a posting's description).
_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


@register.filter
def json_ld(data: Any) -> SafeString:
    """Serialize structured data for a <script type="application/ld+json"> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder)
    for character, escaped in _ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(text)


@register.simple_tag
def address(name: str, slug: str | None = None) -> str:
    """`{% url name %}` for an address without arguments, or `{% url name slug %}` for one named
    by a slug, reversed once per process (core.addresses)."""
    return addresses.fixed(name) if slug is None else addresses.by_slug(name, slug)


@register.simple_tag(takes_context=True)
def absolute(context: template.Context, path: str) -> str:
    """The page at `path` as an absolute address, on the request's scheme and host."""
    return addresses.absolute_url(context["request"], path)


@register.simple_tag
def asset(path: str) -> str:
    """`{% static path %}`, looked up once per process: the static files' manifest maps the name
    to its hashed one, and the lookup and the URL joining took 25–35 µs a link."""
    storage = settings.STORAGES.get("staticfiles", {}).get("BACKEND", "")
    return _asset(path, settings.STATIC_URL, settings.DEBUG, storage)


@lru_cache(maxsize=64)
def _asset(path: str, *settings_read: Any) -> str:
    # (`settings_read`: what the URL depends on besides the path, part of the key.)
    return static(path)


@register.simple_tag
def rendered_once(template_name: str, **values: Hashable) -> SafeString:
    """An include that is the same on every page with these values (the navigation, the
    footer), rendered with them alone once per process rather than on every page: its links
    are reversed once (nineteen `{% url %}` tags were two thirds of the base template's
    render)."""
    return _rendered(
        template_name, tuple(sorted(values.items())), get_script_prefix(), get_urlconf()
    )


@lru_cache(maxsize=64)
def _rendered(template_name: str, values: tuple, *urls: Any) -> SafeString:
    # (`urls`: the script prefix and URLconf the links are reversed under, part of the key.)
    return mark_safe(render_to_string(template_name, dict(values)))


@register.filter
def page_numbers(page: Page) -> list:
    """Page numbers to link around the current page, with Paginator.ELLIPSIS for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


@register.filter
def iso(value: datetime | date | None) -> str:
    """A date or time for a `datetime` attribute: to the second, with its offset, in the site's
    time zone (`|date:'c'` keeps microseconds, which HTML's time formats do not allow)."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""


@register.filter(is_safe=True)
def possessive(name: str) -> str:
    """“Acme’s”, but “Labs’”: a name ending in s takes the apostrophe alone."""
    name = str(name).rstrip()
    return f"{name}’" if name[-1:] in ("s", "S") else f"{name}’s"


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context: template.Context, crumbs: Crumbs) -> SafeString:
    """The BreadcrumbList JSON-LD of the trail the breadcrumb bar shows."""
    return json_ld(breadcrumb_list(crumbs, context["request"]))
