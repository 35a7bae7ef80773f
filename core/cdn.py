"""Headers that let a CDN or Varnish keep public pages, and purge them by the page cache's tags.

An anonymous visitor's public page (`cache_public_page`) and an anonymous API read are sent

    Cache-Control: public, max-age=CDN_MAX_AGE, s-maxage=CDN_SHARED_MAX_AGE,
                   stale-while-revalidate=CDN_STALE_SECONDS
    Surrogate-Key: site jobs role:3 ...      (Fastly, Varnish xkey: space-separated)
    Cache-Tag: site,jobs,role:3,...          (Cloudflare: comma-separated)
    Vary: Cookie

naming the same tags the page cache retires the page by (core/page_tags.py), plus `site`, which
every such page carries and a change to everything purges. The headers are stored with the page,
so a page-cache hit sends exactly what the miss sent. `Vary: Cookie` keeps a shared cache that
honours it from handing the anonymous copy to someone with a session.

More than CDN_MAX_TAGS tags would make a header too long for some caches: such a page names only
`site`, and a shared cache keeps it no longer than a browser does (a purge of one of its tags
could not reach it).

Everything else is private. `SharedCacheGuardMiddleware` has the last word: a response marked
public that sets a cookie, answers a request carrying a session, messages cookie or credentials,
or answers anything but a read is made `private, no-store` on its way out.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import split_directive_names

# Carried by every page a shared cache may keep; purged when every page is retired at once.
SITE_TAG = "site"
SURROGATE_KEY = "Surrogate-Key"
CACHE_TAG = "Cache-Tag"
# Cookies that make a request personal (core.page_cache.PERSONAL_COOKIES; sessions, messages).
_PERSONAL_COOKIES = ("messages",)


def anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD with no session, no messages and no credentials: anyone's request."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not any(name in request.COOKIES for name in _PERSONAL_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def header_tags(tags: Iterable[str]) -> list[str]:
    """The tags a shared cache is told, `site` first; only `site` when there are too many."""
    named = sorted(set(tags) - {SITE_TAG})
    if len(named) > settings.CDN_MAX_TAGS:
        return [SITE_TAG]
    return [SITE_TAG, *named]


def make_public(response: HttpResponse, tags: Iterable[str], seconds: int | None = None) -> None:
    """Let browsers and shared caches keep `response`, for at most `seconds` when given (a page
    that goes stale by itself), named by `tags` for purges."""
    tags = set(tags) - {SITE_TAG}
    named = header_tags(tags)
    browser = settings.CDN_MAX_AGE
    # Named in full, the page is purged when it changes; otherwise kept as briefly as a browser.
    shared = settings.CDN_SHARED_MAX_AGE if len(named) == len(tags) + 1 else browser
    if seconds is not None:
        browser, shared = min(browser, seconds), min(shared, seconds)
    response["Cache-Control"] = (
        f"public, max-age={browser}, s-maxage={shared}, "
        f"stale-while-revalidate={settings.CDN_STALE_SECONDS}"
    )
    response[SURROGATE_KEY] = " ".join(named)
    response[CACHE_TAG] = ",".join(named)
    patch_vary_headers(response, ("Cookie",))


def make_private(response: HttpResponse) -> None:
    """Keep `response` out of every shared cache and browser cache."""
    for name in ("Cache-Control", SURROGATE_KEY, CACHE_TAG, "Expires"):
        if response.has_header(name):
            del response[name]
    add_never_cache_headers(response)


def is_public(response: HttpResponse) -> bool:
    return "public" in split_directive_names(response.get("Cache-Control", ""))


def same_for_everyone(response: HttpResponse) -> bool:
    """An immutable response (an image at an address naming its content) is the same for
    every visitor and holds no one's data: it keeps its year-long cache headers."""
    return not response.cookies and "immutable" in split_directive_names(
        response.get("Cache-Control", "")
    )


class SharedCacheGuardMiddleware:
    """Nothing personal leaves marked public. Sits just outside SessionMiddleware, so the
    session's own cookie is seen too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            is_public(response)
            and not same_for_everyone(response)
            and (
                not anonymous_read(request)
                or response.cookies
                or response.status_code not in (200, 304)
            )
        ):
            make_private(response)
        return response
