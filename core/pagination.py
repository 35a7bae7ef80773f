"""One answer for a page number that names no page, on every HTML list: 404.

The API answers a page past the last with a 404 too (and a malformed number with its 400
validation error, api/common.py). A page is never swapped for the nearest one: an address that
shows something other than it says would be cached, linked and indexed as if it were right."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpRequest


def requested_page(request: HttpRequest) -> int:
    """The page number asked for, for work done before the paginator decides (page 1 when
    absent or not a number: page_or_404() then answers a bad one)."""
    typed = request.GET.get("page", "").strip()
    if not (typed.isascii() and typed.isdigit()):
        return 1
    return min(int(typed), 10**9)  # (a number that long names no page either)


def page_or_404(paginator: Paginator, request: HttpRequest) -> Page:
    """The page `?page=` asks for (page 1 when absent or blank); anything but a whole number
    in ASCII digits from 1 to the last page (`-1`, `abc`, `+2`, `1.5`, `99999`) is a 404."""
    typed = request.GET.get("page", "").strip() or "1"
    if not (typed.isascii() and typed.isdigit()):
        raise Http404("A page number is a whole number.")
    try:
        return paginator.page(typed)
    except InvalidPage:
        raise Http404("This list has no such page.") from None
