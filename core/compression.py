"""Gzip for public responses, and only for them (BREACH).

BREACH recovers a secret from a compressed response's length when the same response also
reflects text an attacker chooses. So a response is compressed only when it carries no secret:
not when it holds a CSRF token (the CSRF middleware then sets its cookie on it) and not for a
signed-in visitor (a session cookie came with the request). Public pages, feeds, the sitemap and
API reads — most of the bytes the site sends — are compressed.

It sits above ConditionalGetMiddleware, so the ETag and 304 answers are worked out on the page as
written; Django's GZipMiddleware then marks the ETag weak.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


def carries_a_secret(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        settings.CSRF_COOKIE_NAME in response.cookies
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or settings.SESSION_COOKIE_NAME in response.cookies
    )


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if carries_a_secret(request, response):
            return response
        # Images are compressed already; gzip would only cost time and weaken their ETag.
        if response.get("Content-Type", "").startswith("image/"):
            return response
        return super().process_response(request, response)
