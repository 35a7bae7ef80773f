import json
from datetime import date, datetime
from typing import Any

from django import template
from django.core.paginator import Page
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from core.breadcrumbs import Crumbs, breadcrumb_list

register = template.Library()

# Characters that could end the <script> element or start markup, escaped inside JSON strings.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: Any) -> SafeString:
    """Serialize structured data for a <script type="application/ld+json"> element."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_ESCAPES))


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
