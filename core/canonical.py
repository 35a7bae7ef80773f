"""The canonical address of a list page: what search engines should file the page under.

A list page's canonical keeps the parameters that change which items it lists (filters, a
search, a page number past the first) and drops the rest: the order (the same items), page 1,
blanks, values the page could not read and parameters it does not know. What is kept is written
as the page cache writes it (core/page_query.py), so `?page=1&role=x&utm_source=y` and `?role=x`
name one page. The choices are in docs/architecture.md ("Canonical links").
"""

from collections.abc import Iterable

from django.http import HttpRequest, QueryDict

from core.page_query import Invalid, Query


def canonical_path(request: HttpRequest, query: Query, leave_out: Iterable[str] = ()) -> str:
    """The request's path with the parameters of `query` that change its content."""
    left_out = set(leave_out)
    kept = QueryDict(mutable=True)
    for name, rule in query.rules.items():
        if name in left_out:
            continue
        try:
            values = rule(request.GET.getlist(name))
        except Invalid:
            continue  # a value the page ignores or refuses does not change what it lists
        if values:
            kept.setlist(name, values)
    return f"{request.path}?{kept.urlencode()}" if kept else request.path
