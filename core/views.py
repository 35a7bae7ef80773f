"""Endpoints for operators and crawlers."""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from background import health as background_health
from core.cache import BreakerRedisCache


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 503 when the database does not answer; 200 "degraded: <reason>" when
    the site serves without the shared cache (Redis away: pages uncached, rate limits counted per
    server) or e-mail is overdue (no worker), so that the app server stays in rotation;
    `?strict=1` answers 503 then too, for monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    problems = cache_problems() + background_health.problems()
    if not problems:
        return HttpResponse("ok\n", content_type="text/plain")
    strict = request.GET.get("strict", "").lower() in ("1", "true", "yes", "on")
    body = "degraded: " + "; ".join(problems) + "\n"
    return HttpResponse(body, status=503 if strict else 200, content_type="text/plain")


def cache_problems() -> list[str]:
    """Why the shared cache cannot be used now, once per server (the aliases share it). A ping
    goes through the circuit breaker: while it is open, Redis is not called."""
    problems, seen = [], set()
    for alias in settings.CACHES:
        cache = caches[alias]
        if not isinstance(cache, BreakerRedisCache) or id(cache.breaker) in seen:
            continue
        seen.add(id(cache.breaker))
        reason = cache.unavailable_reason()
        if reason:
            problems.append(f"cache unavailable ({reason})")
    return problems


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /employers/",
        "Disallow: /jobs/*/apply/",
        "Disallow: /search/",  # result pages are endless and say noindex anyway
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
