"""Cached pages answered by one of the first middleware, as stored bytes with stored headers.

A hit through the page cache's decorator (core/page_cache.py) still passes every middleware
and the URL resolver before the view looks the page up: about as much work as the page itself.
`FrontPageCacheMiddleware` sits just after the request id and looks up the page as it is asked
for (scheme, host and the full path as sent); a hit is answered at once, with the headers that
went out with the page the first time (security headers, CSP, caching and tags), its compressed
copy when the browser takes gzip, and a 304 for a matching If-None-Match.

It keeps only what the view's decorator checked on the way (`page_cache.KEPT`), under the same
generation and tag versions, so whatever retires the page retires this copy too, and the rules
of what may be stored stay the view's own: anonymous GETs, no cookie set, nothing private. The
API is never answered here: its throttles count every request.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe, split_directive_names

from core import cdn, page_cache
from core.page_query import site_host

# Where no page-cached view answers: no lookup for them.
NOT_PAGES = ("/api/", "/admin/", "/images/", "/" + settings.STATIC_URL.lstrip("/"))
# Written for each response, or for each encoding of it, rather than kept.
PER_RESPONSE = {"x-request-id", "x-page-cache", "content-encoding", "content-length", "etag"}


class FrontPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = front_key(request)
        if key is None:
            return self.get_response(request)
        lookup, stored = page_cache.read_current(key)
        if stored is not None:
            return answer(request, stored)
        setattr(request, page_cache.FRONT_MISS, key)
        # The rest of the request's lookups reuse this one's reading of the cache's state.
        with page_cache.request_lookup(lookup):
            response = self.get_response(request)
        kept: page_cache.Kept | None = getattr(request, page_cache.KEPT, None)
        if kept is not None:
            # Checked by the view's decorator a moment ago: a change since then moved a version
            # or the generation on, and both copies read as stale.
            values = {kept.key: kept.value}
            if may_keep(response):
                # Under the address as asked for and as the view wrote it (the same page: a
                # request for that one skips the view's own lookup after missing here).
                values[key] = entry(kept, response)
                values[page_cache.same_address(kept.key, "front")] = values[key]
            page_cache.keep_many(values, kept.generation, kept.versions, kept.seconds)
        return response


def front_key(request: HttpRequest) -> str | None:
    """The key of the page as asked for, or None when it is not a page the cache may hold."""
    if (
        request.method != "GET"
        or settings.PAGE_CACHE_SECONDS <= 0
        or request.path.startswith(NOT_PAGES)
        or not cdn.anonymous_read(request)  # (a session, messages or credentials)
    ):
        return None
    try:
        host = site_host(request)
    except DisallowedHost:
        return None  # the 400 comes from the usual path
    return None if host is None else page_cache.address_key(request, host, prefix="front")


def may_keep(response: HttpResponse) -> bool:
    """What went out is still the stored page, as public as it was (no middleware made it
    private or set a cookie on it)."""
    directives = split_directive_names(response.get("Cache-Control", ""))
    return (
        response.status_code == 200
        and not response.cookies
        and not {"private", "no-store", "no-cache"}.intersection(directives)
    )


def entry(kept: "page_cache.Kept", response: HttpResponse) -> tuple:
    """The stored page with the headers that went out with it; the body, its compressed copy
    and the ETag come from the page as the view stored it (what went out may be compressed)."""
    status, view_headers, content, gzipped = kept.value
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in PER_RESPONSE
    ]
    headers += [(name, value) for name, value in view_headers if name.lower() == "etag"]
    return (status, headers, content, gzipped)


def answer(request: HttpRequest, stored: tuple) -> HttpResponse:
    response = page_cache.from_stored(stored, request)
    response["Content-Length"] = str(len(response.content))
    etag = response.get("ETag")
    last_modified = parse_http_date_safe(response.get("Last-Modified", "")) or None
    if etag or last_modified:
        # As ConditionalGetMiddleware answers a revalidation.
        conditional = get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
        return conditional or response
    return response
