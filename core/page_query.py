"""Cache keys that a visitor cannot multiply: built from the page's known query parameters,
validated and written one way, and from one of the site's own host names.

Each cached page names its parameters and a rule for each (`Query`). A parameter the page does
not name is dropped; a value that fails its rule makes the request uncacheable (it is rendered
as before, errors shown, and not stored); the others are written canonically (`page=01` is
`page=1`, checkboxes sorted, blanks dropped). The view then sees that canonical query, not the
one sent, so what it renders is what the key says: an unknown parameter cannot reach a link on
a stored page.
"""

import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.http.request import split_domain_port

# A rule turns the values sent for a parameter into its canonical values ([] when blank), or
# raises Invalid.
Rule = Callable[[list[str]], list[str]]

SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")


class Invalid(ValueError):
    """A value that no page would render as asked: the request is answered without caching."""


def _last(values: list[str]) -> str:
    # Views read a single parameter with QueryDict.get: the last value sent.
    return values[-1] if values else ""


def text(max_length: int, *, squeeze_spaces: bool = False) -> Rule:
    """Free text (a search), kept as typed but for NUL bytes (PostgreSQL refuses them in text);
    blank is absent. A search box that reads a trailing space as "this word is finished" needs
    the spaces; `squeeze_spaces` makes runs of spaces one and drops them at the ends, so padded
    spellings of a name share one cached page."""

    def rule(values: list[str]) -> list[str]:
        value = _last(values)
        if len(value) > max_length:
            raise Invalid
        value = value.replace("\x00", "")
        if squeeze_spaces:
            value = " ".join(value.split())
        return [value] if value.strip() else []

    return rule


def integer(low: int, high: int, *, default: int | None = None) -> Rule:
    """A whole number from `low` to `high`; `default` (page 1) is written as absent."""

    def rule(values: list[str]) -> list[str]:
        value = _last(values).strip()
        if not value:
            return []
        # Leading zeros dropped first; past 20 digits int() would be slow, then refuse (4,300).
        digits = value.lstrip("0") or "0"
        if not value.isascii() or not value.isdigit() or len(digits) > 20:
            raise Invalid
        if not low <= int(digits) <= high:
            raise Invalid
        return [] if int(digits) == default else [digits]

    return rule


def slug(values: list[str]) -> list[str]:
    """A slug (whether one exists is the view's to say: see `page_cache.do_not_store`)."""
    value = _last(values).strip()
    if not value:
        return []
    if len(value) > 120 or not SLUG.match(value):
        raise Invalid
    return [value]


def choice(options: Iterable[str], *, upper: bool = False) -> Rule:
    allowed = frozenset(options)

    def rule(values: list[str]) -> list[str]:
        value = _last(values).strip()
        value = value.upper() if upper else value
        if not value:
            return []
        if value not in allowed:
            raise Invalid
        return [value]

    return rule


def choices(options: Iterable[str]) -> Rule:
    """Checkboxes: each value one of `options`, in one order, each once."""
    allowed = frozenset(options)

    def rule(values: list[str]) -> list[str]:
        picked = {value for value in values if value != ""}
        if not picked <= allowed:
            raise Invalid
        return sorted(picked)

    return rule


class Query:
    """The query parameters a page may be cached with, each with its rule."""

    def __init__(self, **rules: Rule) -> None:
        self.rules = rules

    def __or__(self, other: "Query") -> "Query":
        return Query(**{**self.rules, **other.rules})

    def canonical(self, query: QueryDict) -> QueryDict:
        """The known parameters of `query`, each written one way; raises Invalid."""
        result = QueryDict(mutable=True)
        for name in self.rules:  # in the order declared: the order of the links built from it
            values = self.rules[name](query.getlist(name))
            if values:
                result.setlist(name, values)
        result._mutable = False
        return result


NO_PARAMETERS = Query()


def use_canonical_query(request: HttpRequest, query: QueryDict) -> None:
    """Have the view (and the links it builds from the address) see only `query`."""
    request.GET = query  # type: ignore[assignment]  # made immutable by canonical()
    request.META["QUERY_STRING"] = query.urlencode()


def site_host(request: HttpRequest) -> str | None:
    """The host, as sent, when it is one of ALLOWED_HOSTS named in full (no wildcard), with no
    port or the port the server listens on; else None, and the page is not cached. The host
    goes into the absolute links a page holds, so it cannot be swapped for another in the key:
    a request under any other name is rendered for itself and not stored."""
    host = request.get_host()  # DisallowedHost (a 400) for a name not allowed at all
    domain, port = split_domain_port(host)
    named = {name.lower() for name in settings.ALLOWED_HOSTS if name != "*" and name[:1] != "."}
    if domain not in named:
        return None
    if port and port != str(request.META.get("SERVER_PORT", "")):
        return None
    return host
