"""Whole pages cached for anonymous visitors, and dropped at once when published content changes.

A cached page is stored with the current *generation*, a token kept in the same cache, and is
served only while the token is unchanged (both are read in one round trip). Any change to what
the public sees (a job approved, filled or expired, a guide published, salary figures
recomputed) replaces the token, so every page cached before it is left unread until it is
replaced or ages out; no list of keys is needed. With REDIS_URL every app server shares pages
and token alike.

Only requests that carry no session or messages cookie are served from or stored in the cache,
and only 200 answers that set no cookie, used no CSRF token and are not marked private: a page
for someone logged in, a form, or a staff preview is never stored.

Faults. The token of each committed change is also written to a database row
(`core.PageGeneration`). A process that saw Redis fail (a timeout, a refused or dropped
connection: a pause, a partition or a restart) compares Redis's token with the row's the first
time Redis answers again, one query; when they differ a change was made that Redis never heard
of (or Redis came back from an old snapshot), and every page is retired. A hit never queries the
database. When the view itself fails because the database is unreachable, the copy stored
for the address is served even if its generation is stale (stale-if-error), marked
`X-Page-Cache: stale`; without one the database error goes on to the 503 page.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag
from django.utils.http import split_directive_names

from core.middleware import database_down
from core.models import PageGeneration

log = logging.getLogger(__name__)

View = Callable[..., HttpResponse]

GENERATION_KEY = "pages:generation"
# Cookies that change what an anonymous page shows: a session (logged in, or a form's state)
# and one-time messages ("You have logged out").
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def pages_changed() -> None:
    """Retire every cached page: now, and again once the surrounding transaction commits.

    The second time closes a race: a request that read the new token before the commit would
    otherwise store the old content under it."""
    _new_generation()
    transaction.on_commit(_new_committed_generation)


def _new_generation() -> None:
    _safely(cache.set, GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _new_committed_generation() -> None:
    """A new token in the database row, then in the cache: the row keeps it while Redis is away."""
    token = uuid.uuid4().hex
    try:
        now = timezone.now()
        if not PageGeneration.objects.filter(pk=1).update(token=token, changed_at=now):
            PageGeneration.objects.update_or_create(
                pk=1, defaults={"token": token, "changed_at": now}
            )
    except DatabaseError as error:
        log.error("Page generation not recorded in the database (%s)", error)
    _safely(cache.set, GENERATION_KEY, token, timeout=None)


# Redis failures this process had seen when it last compared the cache's generation with the
# database's (core.breaker.CircuitBreaker.failures_seen).
_failures_checked = 0


def _check_generation_after_failures() -> None:
    """Once Redis answers again after this process saw it fail: if its generation is not the one
    last committed, a change was made that it never heard of; retire every page. One query, only
    then; a cache without a breaker (memory) has nothing to check."""
    global _failures_checked
    breaker = getattr(cache, "breaker", None)
    if breaker is None or breaker.failures_seen == _failures_checked or breaker.is_open:
        return
    seen = breaker.failures_seen
    try:
        committed = PageGeneration.objects.values_list("token", flat=True).first()
    except DatabaseError:
        return  # the database is away too: check again on the next request
    if _safely(cache.get, GENERATION_KEY) != committed:
        log.warning("Page generation in the cache is not the last committed one: retiring pages")
        _new_committed_generation()
    if breaker.failures_seen == seen:  # both calls answered
        _failures_checked = seen


def current_generation() -> str | None:
    """The token pages are stored under; None when the cache cannot be reached."""
    token = _safely(cache.get, GENERATION_KEY)
    if token is None:
        _safely(cache.add, GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = _safely(cache.get, GENERATION_KEY)
    return token


def _safely(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A cache call that cannot fail a request or a write: an outage reads as a miss. (The
    Redis backend already answers so; this covers any backend.)"""
    try:
        return call(*args, **kwargs)
    except Exception as error:
        log.warning("Page cache unavailable (%s); serving without it", error)
        return None


def address_key(request: HttpRequest, prefix: str = "page") -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{prefix}:{hashlib.sha256(address.encode()).hexdigest()}"


def read_current(key: str) -> tuple[str | None, Any]:
    """The current generation and what `key` holds if it was stored under that generation,
    in one round trip to the cache. (None, None) when the cache cannot be reached."""
    _check_generation_after_failures()
    found = _safely(cache.get_many, [GENERATION_KEY, key]) or {}
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return current_generation(), None
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return generation, stored[1]
    return generation, None


def store(key: str, generation: str, value: Any, seconds: int) -> None:
    """Keep `value` as current for `generation`; a later generation ignores it."""
    _safely(cache.set, key, (generation, value), seconds)


def _cacheable_request(request: HttpRequest, params: frozenset[str]) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and set(request.GET) <= params
    )


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    directives = split_directive_names(response.get("Cache-Control", ""))
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not {"private", "no-store", "no-cache"}.intersection(directives)
    )


# The response attribute cache_until() sets.
CACHE_UNTIL = "cache_until"


def cache_until(response: HttpResponse, moment: datetime | None) -> None:
    """Keep `response` in the page cache until `moment` at the latest (None: no sooner than
    usual), for a page that goes stale by itself (a job page at its posting's expiry)."""
    setattr(response, CACHE_UNTIL, moment)


def _seconds_to_keep(response: HttpResponse) -> int:
    """PAGE_CACHE_SECONDS, or less when the view says its page goes stale by itself sooner
    (through `cache_until()`)."""
    seconds = settings.PAGE_CACHE_SECONDS
    until = getattr(response, CACHE_UNTIL, None)
    if until is not None:
        seconds = min(seconds, max(1, int((until - timezone.now()).total_seconds())))
    return seconds


def _from_stored(stored: tuple) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def cache_public_page(*params: str) -> Callable[[View], View]:
    """Serve a view's anonymous GETs from the page cache.

    `params` names the query parameters the page may be cached with; a request with any other
    parameter (a tracking tag, or junk) is rendered fresh and not stored, so made-up parameters
    cannot fill the cache."""
    allowed = frozenset(params)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable_request(request, allowed):
                return view(request, *args, **kwargs)
            key = address_key(request)
            generation, stored = read_current(key)
            if generation is None:
                return view(request, *args, **kwargs)
            if stored is not None:
                return _from_stored(stored)
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
            except Exception as error:
                # The database is unreachable: the last copy, however old, beats a 503.
                kept = _safely(cache.get, key) if database_down(error) else None
                if kept is None:
                    raise
                log.warning("Database unavailable (%s): serving the stored copy", error)
                response = _from_stored(kept[1])
                response["X-Page-Cache"] = "stale"
                return response
            if _cacheable_response(request, response):
                # Visitors' browsers and any shared cache revalidate each time (the ETag makes
                # that a 304), so a change reaches them as soon as it reaches this cache.
                patch_cache_control(response, no_cache=True)
                set_response_etag(response)
                # The headers and body only: smaller than the response object, and quicker to read.
                kept = (response.status_code, list(response.items()), response.content)
                store(key, generation, kept, _seconds_to_keep(response))
                response["X-Page-Cache"] = "miss"
            return response

        return wrapped

    return decorator


class PublicInSomeStatuses:
    """For models whose rows reach public pages only in some statuses (`PUBLIC_STATUSES`):
    remembers the status a row was loaded with, so that saving a row that was not public and
    still is not (an employer's draft, a posting in review) retires no cached page."""

    PUBLIC_STATUSES: tuple[str, ...] = ()
    _loaded_status: str | None = None

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any, **kwargs: Any) -> Any:
        instance = super().from_db(db, field_names, values, **kwargs)  # type: ignore[misc]
        if "status" in field_names:  # deferred otherwise: treated as public
            instance._loaded_status = values[field_names.index("status")]
        return instance

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)  # type: ignore[misc]
        self._loaded_status = self.status  # type: ignore[attr-defined]

    def changes_public_pages(self, created: bool = False) -> bool:
        if self.status in self.PUBLIC_STATUSES:  # type: ignore[attr-defined]
            return True
        if created:
            return False
        # Not loaded with its status (deferred): assume it was public.
        return self._loaded_status is None or self._loaded_status in self.PUBLIC_STATUSES


def _content_saved(sender: type[Model], instance: Any = None, **kwargs: Any) -> None:
    # A model may say that a write cannot have changed a public page (a draft saved as a
    # draft): then nothing is retired. Deletes and many-to-many changes always retire.
    changes_public_pages = getattr(instance, "changes_public_pages", None)
    saved = kwargs.get("signal") is post_save
    if saved and changes_public_pages and not changes_public_pages(kwargs.get("created", False)):
        return
    pages_changed()


def retire_pages_on_change(*models: type[Model]) -> None:
    """Retire cached pages whenever a row of these models is saved or deleted, or one of their
    many-to-many links changes; a save is skipped when the row's `changes_public_pages()` says
    it was not public before and is not now. Each app names its public models in its
    `AppConfig.ready()`; accounts, history, API keys and salary rows stay out (bulk recomputes
    retire pages themselves, and a delete listener would make Django load each row of a bulk
    delete).

    Writes that skip signals (`update()`, `bulk_create`, imports) call `pages_changed` instead."""
    for model in models:
        uid = f"page_cache_{model._meta.label_lower}"
        post_save.connect(_content_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_content_saved, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_content_saved, sender=through, dispatch_uid=f"{uid}_{field.name}")


class PrivatePagesMiddleware:
    """Tells browsers and shared caches never to store a page for someone logged in, or one
    holding a CSRF token (a form). Sits after CsrfViewMiddleware, which forgets on its way out
    that the token was used."""

    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or _logged_in(request):
            add_never_cache_headers(response)
        return response


def _logged_in(request: HttpRequest) -> bool:
    # Without a session cookie there is no user to load: no session query for visitors.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)
