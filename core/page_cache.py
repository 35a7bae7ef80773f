"""Whole pages cached for anonymous visitors, retired by what they show when it changes.

A cached page is stored with the current *generation*, a token kept in the same cache, and with
the version of each tag it carries (core/page_tags.py: `job:12`, `jobs`, `role:3`, ...). It is
served only while the generation and every one of those versions are unchanged: two round trips
to the cache, no query. A change to public content moves the versions of the tags it affects
(`pages_changed(*tags)`), so a job edit retires that job's page and the lists it appears on and
leaves guides about other roles cached; `pages_changed()` with no tag replaces the generation
and retires every page (deploys, bulk writes). With REDIS_URL every app server shares pages,
generation and versions alike.

Only requests that carry no session or messages cookie, for one of the site's own host names,
with valid values for the page's known query parameters (core/page_query.py) are served from or
stored in the cache, and only 200 answers that set no cookie, used no CSRF token and are not
marked private: a page for someone logged in, a form, or a staff preview is never stored.

Faults. Each committed change is also recorded in a database row (`core.PageGeneration`). A
process that saw Redis fail (a timeout, a refused or dropped connection: a pause, a partition or
a restart) compares Redis's record of the last change with the row's the first time Redis
answers again, one query; when they differ a change was made that Redis never heard of (or
Redis came back from an old snapshot), and every page is retired. A tag version that Redis lost
comes back as a new token, so pages stored under the old one read as stale. When the view itself
fails because the database is unreachable, the copy stored for the address is served even if it
is stale (stale-if-error), marked `X-Page-Cache: stale`; without one the database error goes on
to the 503 page.
"""

import hashlib
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import split_directive_names
from django.utils.text import compress_string

from core import cdn, cdn_purge, page_tags, replicas
from core.middleware import database_down
from core.models import PageGeneration
from core.page_query import NO_PARAMETERS, Invalid, Query, site_host, use_canonical_query

log = logging.getLogger(__name__)

View = Callable[..., HttpResponse]

GENERATION_KEY = "pages:generation"
CHANGE_KEY = page_tags.CHANGE_KEY
# Cookies that change what an anonymous page shows: a session (logged in, or a form's state)
# and one-time messages ("You have logged out").
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


# Set while writes are tried and then undone (core.dry_run): they change no page.
_dry_run: ContextVar[bool] = ContextVar("page_cache_dry_run", default=False)


def pages_changed(*tags: str) -> None:
    """Retire the cached pages carrying any of `tags` (every page when none is given): now, and
    again once the surrounding transaction commits.

    The second time closes a race: a request that read the new versions before the commit would
    otherwise store the old content under them."""
    if _dry_run.get():
        return
    # Shared caches holding these pages are purged once the change commits (core/cdn_purge.py).
    cdn_purge.after_commit(tags or (cdn.SITE_TAG,))
    if tags:
        _safely(cache.set_many, {**page_tags.new_versions(tags), CHANGE_KEY: _token()}, None)
        transaction.on_commit(lambda: _commit_change(tags))
    else:
        _safely(cache.set_many, {GENERATION_KEY: _token(), CHANGE_KEY: _token()}, None)
        transaction.on_commit(_new_committed_generation)


@contextmanager
def no_page_changes() -> Iterator[None]:
    """Writes made inside retire no cached page: for writes that are rolled back."""
    token = _dry_run.set(True)
    try:
        yield
    finally:
        _dry_run.reset(token)


def _token() -> str:
    return uuid.uuid4().hex


def _new_committed_generation() -> None:
    _commit_change(())


def _commit_change(tags: Iterable[str]) -> None:
    """A new change token in the database row, then in the cache with the new versions (or the
    new generation, when no tag is given): the row keeps it while Redis is away."""
    token = _token()
    try:
        now = timezone.now()
        if not PageGeneration.objects.filter(pk=1).update(token=token, changed_at=now):
            PageGeneration.objects.update_or_create(
                pk=1, defaults={"token": token, "changed_at": now}
            )
    except DatabaseError as error:
        log.error("Page change not recorded in the database (%s)", error)
    versions = page_tags.new_versions(tags) if tags else {GENERATION_KEY: _token()}
    # One MSET: a reader sees the new versions and the new change token together (and public
    # reads stay on the primary while the replicas catch up: core/replicas.py).
    _safely(cache.set_many, {**versions, CHANGE_KEY: token, **replicas.changed_now()}, None)


# Redis failures this process had seen when it last compared the cache's record of the last
# change with the database's (core.breaker.CircuitBreaker.failures_seen).
_failures_checked = 0


def _check_changes_after_failures() -> None:
    """Once Redis answers again after this process saw it fail: if its last change is not the
    one last committed, a change was made that it never heard of; retire every page. One query,
    only then; a cache without a breaker (memory) has nothing to check."""
    global _failures_checked
    breaker = getattr(cache, "breaker", None)
    if breaker is None or breaker.failures_seen == _failures_checked or breaker.is_open:
        return
    seen = breaker.failures_seen
    try:
        # (From the primary, even within a public read: a replica may not have the last change.)
        committed = (
            PageGeneration.objects.using(DEFAULT_DB_ALIAS).values_list("token", flat=True).first()
        )
    except DatabaseError:
        return  # the database is away too: check again on the next request
    if _safely(cache.get, CHANGE_KEY) != committed:
        log.warning("The cache missed a committed change to public content: retiring pages")
        _new_committed_generation()
    if breaker.failures_seen == seen:  # both calls answered
        _failures_checked = seen


def _safely(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A cache call that cannot fail a request or a write: an outage reads as a miss. (The
    Redis backend already answers so; this covers any backend.)"""
    try:
        return call(*args, **kwargs)
    except Exception as error:
        log.warning("Page cache unavailable (%s); serving without it", error)
        return None


def address_key(request: HttpRequest, host: str, prefix: str = "page") -> str:
    """The key for the page at the request's path and (canonical) query under `host`."""
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    return f"{prefix}:{hashlib.sha256(address.encode()).hexdigest()}"


@dataclass(frozen=True)
class Lookup:
    """What the cache said before a page was rendered: a page is stored only if the generation
    and the last change are still these afterwards."""

    generation: str
    change: str | None


# The cache's state as the request's first lookup read it (set by core.front_cache for the rest
# of the request): later lookups in the same request read only their own keys. A change after
# it is still caught: a page or fragment is stored only if the change token has not moved since.
_request_lookup: ContextVar[Lookup | None] = ContextVar("page_cache_request_lookup", default=None)


@contextmanager
def request_lookup(lookup: Lookup | None) -> Iterator[None]:
    """Lookups made inside reuse `lookup` rather than reading the generation again."""
    token = _request_lookup.set(lookup)
    try:
        yield
    finally:
        _request_lookup.reset(token)


def read_current(key: str, tag_keys: Iterable[str] = ()) -> tuple[Lookup | None, Any]:
    """The cache's state and what `key` holds if it is still current (its generation and the
    versions of its tags unchanged): one round trip, two on a stored page whose tags were not
    named in `tag_keys` (read with the key when the caller knows them). (None, None) when the
    cache cannot be reached."""
    _check_changes_after_failures()
    tag_keys = list(tag_keys)
    lookup = _request_lookup.get()
    state = [] if lookup is not None else [GENERATION_KEY, CHANGE_KEY]
    found = _safely(cache.get_many, [*state, key, *tag_keys]) or {}
    if lookup is None:
        generation = found.get(GENERATION_KEY)
        if generation is None or CHANGE_KEY not in found:
            return new_cache_state(), None
        lookup = Lookup(generation, found.get(CHANGE_KEY))
    stored = found.get(key)
    if stored is None or len(stored) != 3 or stored[0] != lookup.generation:
        return lookup, None
    versions = stored[1]
    if versions.keys() <= set(tag_keys):
        current = {tag_key: found.get(tag_key) for tag_key in versions}
    elif versions:
        current = _safely(cache.get_many, list(versions)) or {}
    else:
        current = {}
    if current != versions:
        return lookup, None  # a tag moved on, or its version was lost: stale
    return lookup, stored[2]


def new_cache_state() -> Lookup | None:
    """The cache's state once it has a generation and a change token: a new one of each it lacks
    (a new, restarted or flushed Redis, an evicted key) unless another request or a change set it
    meanwhile; None when the cache cannot be reached.

    Without a change token a process serves no fragment of its own (NearFragments), and a quiet
    board (no change since Redis restarted) read every shared fragment from Redis on every first
    view until its next change. A new token means no more than "changed now": what was checked
    before it is not stored."""
    _safely(cache.add, GENERATION_KEY, _token(), timeout=None)
    _safely(cache.add, CHANGE_KEY, _token(), timeout=None)
    found = _safely(cache.get_many, [GENERATION_KEY, CHANGE_KEY]) or {}
    generation = found.get(GENERATION_KEY)
    return Lookup(generation, found.get(CHANGE_KEY)) if generation else None


def current_versions(lookup: Lookup, tags: Iterable[str]) -> dict[str, str] | None:
    """The current versions of `tags`, to keep a value with; None when public content changed
    since `lookup` (the value may show what was there before)."""
    keys = sorted({page_tags.key(tag) for tag in tags})
    found = _safely(cache.get_many, [GENERATION_KEY, CHANGE_KEY, *keys]) or {}
    if found.get(GENERATION_KEY) != lookup.generation or found.get(CHANGE_KEY) != lookup.change:
        return None
    missing = [k for k in keys if k not in found]
    raced = []
    for tag_key in missing:
        # Never set or lost (evicted, a restart): a new version, which no stored page carries.
        token = _token()
        if _safely(cache.add, tag_key, token, timeout=None):
            found[tag_key] = token  # ours: a change after it moves it on, and the page is stale
        else:
            raced.append(tag_key)
    if raced:
        # A change (or another request) set one of them first.
        again = _safely(cache.get_many, [*raced, CHANGE_KEY]) or {}
        if again.get(CHANGE_KEY) != lookup.change or any(k not in again for k in raced):
            return None
        found.update(again)
    return {k: found[k] for k in keys}


def keep(key: str, generation: str, versions: dict[str, str], value: Any, seconds: int) -> None:
    """Store `value` under the generation and tag versions it was checked against."""
    keep_many({key: value}, generation, versions, seconds)


def keep_many(
    values: dict[str, Any], generation: str, versions: dict[str, str], seconds: int
) -> None:
    """Store several values checked against the same generation and versions: one round trip."""
    entries = {key: (generation, versions, value) for key, value in values.items()}
    if len(entries) == 1:
        _safely(cache.set, *entries.popitem(), seconds)
    else:
        _safely(cache.set_many, entries, seconds)


def store(key: str, lookup: Lookup, tags: Iterable[str], value: Any, seconds: int) -> bool:
    """Keep `value` with the current versions of `tags`, unless public content changed since
    `lookup` (the value may show what was there before, and False says so)."""
    versions = current_versions(lookup, tags)
    if versions is None:
        return False
    keep(key, lookup.generation, versions, value, seconds)
    return True


def cached_fragment(
    name: str, parts: tuple, tags: Iterable[str], compute: Callable[[], Any]
) -> Any:
    """A value many pages share (the same for every page that asks with `parts`: the pay
    figures for a title, a role's newest postings), kept as a page is kept, with the versions of
    `tags`, and computed again once one of them moves. Rendering a first view then reads it
    from the cache instead of the database. With the page cache off it is computed each time."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    key = f"fragment:{name}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    near = _near_fragments.get(key)
    if near is not None:
        return near[0]
    tags = tuple(tags)
    # (Its tags' versions are read with it: one round trip for a fragment still current.)
    lookup, stored = read_current(key, [page_tags.key(tag) for tag in tags])
    if stored is not None:
        value = stored[0]
    else:
        value = compute()
        if lookup is not None:
            # (In a tuple: a value of None is kept too.)
            store(key, lookup, tags, (value,), settings.PAGE_CACHE_SECONDS)
    _near_fragments.keep(key, (value,))
    return value


class NearFragments:
    """Fragments this process has read or computed, each with the cache's state (generation and
    last change) of the request that did so. While a later request finds the same state, no
    public content has changed since (every change moves the change token, core.page_changes),
    so the fragment is still current and is served from here without a round trip to Redis; a
    change, a new generation or a lost token (None) makes each one be read again. Only inside a
    request, whose front lookup read that state; emptied when full, like job_tags.Rendered.
    Kept no longer than the cache keeps a fragment (PAGE_CACHE_SECONDS): a posting that ends
    by its date moves no token, and a role's newest postings must drop it in time as before.

    A job page's first view read four fragments from Redis (the role's guides and newest
    postings, the titles its pay is compared with, the title's figures): a third of its time on
    two cores, where a round trip costs the worker about 0.3 ms of CPU and a wake-up."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._kept: dict[str, tuple[Lookup, float, tuple]] = {}

    def get(self, key: str) -> tuple | None:
        lookup = _request_lookup.get()
        found = self._kept.get(key)
        if lookup is None or lookup.change is None or found is None or found[0] != lookup:
            return None
        if time.monotonic() - found[1] > settings.PAGE_CACHE_SECONDS:
            return None
        return found[2]

    def keep(self, key: str, value: tuple) -> None:
        lookup = _request_lookup.get()
        if lookup is None or lookup.change is None:
            return
        if len(self._kept) >= self.limit:
            self._kept.clear()
        self._kept[key] = (lookup, time.monotonic(), value)

    def clear(self) -> None:
        self._kept.clear()


_near_fragments = NearFragments(limit=4096)


def _cacheable_request(request: HttpRequest) -> bool:
    # (With PAGE_CACHE_SECONDS=0 nothing is stored, but shared caches still get their headers.)
    return request.method in ("GET", "HEAD") and not any(
        name in request.COOKIES for name in PERSONAL_COOKIES
    )


def cache_key_for(request: HttpRequest, query: Query, prefix: str = "page") -> str | None:
    """The page's key, having the view see the canonical query from then on; None when the
    request is for another host name or a value fails its rule (render it, do not store it)."""
    host = site_host(request)
    if host is None:
        return None
    try:
        canonical = query.canonical(request.GET)
    except Invalid:
        return None
    use_canonical_query(request, canonical)
    return address_key(request, host, prefix)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    directives = split_directive_names(response.get("Cache-Control", ""))
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, DO_NOT_STORE, False)
        and not {"private", "no-store", "no-cache"}.intersection(directives)
    )


# The request attributes tag_page() and do_not_store() set, and the response attribute
# cache_until() sets.
PAGE_TAGS = "page_tags"
DO_NOT_STORE = "page_not_stored"
CACHE_UNTIL = "cache_until"
# The request attributes holding the page to store (`Kept`), for core.front_cache, and naming
# the address the front middleware looked up and did not find.
KEPT = "page_kept"
FRONT_MISS = "page_front_miss"


@dataclass(frozen=True)
class Kept:
    """A page to store (status, headers, body, compressed body) under `key`, with the generation
    and tag versions it was checked against and its lifetime. For a request that came through
    the front middleware, that middleware stores it together with its own copy, under the same
    generation and versions, without checking again: one round trip for both."""

    key: str
    value: tuple
    generation: str
    versions: dict[str, str]
    seconds: int


def _front_missed(request: HttpRequest, key: str) -> bool:
    """The front middleware just missed this very address (the query as asked for is the
    canonical one): a page stored under it is stored there too (core.front_cache keeps each
    page under the canonical address as well as the one asked for)."""
    return getattr(request, FRONT_MISS, None) == same_address(key, "front")


def same_address(key: str, prefix: str) -> str:
    """The key of the same address under another prefix ("page:…" to "front:…")."""
    return f"{prefix}:{key.partition(':')[2]}"


def tag_page(request: HttpRequest, *tags: str) -> None:
    """Add tags to the page being rendered, for what it shows that its decorator cannot know
    (the job, its company and role on a job page)."""
    shown = getattr(request, PAGE_TAGS, None)
    if shown is not None:  # (None: the page is not being cached)
        shown.update(tags)


def request_tags(request: HttpRequest) -> set[str]:
    """The tags the page being rendered carries so far (for tests and the API)."""
    return getattr(request, PAGE_TAGS, set())


def do_not_store(request: HttpRequest) -> None:
    """Answer this request without keeping the page: the view found that a value it was asked
    for names nothing (an unknown role, a page past the last), so that made-up values cannot
    fill the cache."""
    setattr(request, DO_NOT_STORE, True)


def cache_until(response: HttpResponse, moment: datetime | None) -> None:
    """Keep `response` in the page cache until `moment` at the latest (None: no sooner than
    usual), for a page that goes stale by itself (a job page at its posting's expiry)."""
    setattr(response, CACHE_UNTIL, moment)


def _seconds_to_keep(response: HttpResponse) -> int:
    """PAGE_CACHE_SECONDS, or less when the view says its page goes stale by itself sooner
    (through `cache_until()`)."""
    seconds = settings.PAGE_CACHE_SECONDS
    until = _seconds_until_stale(response)
    return seconds if until is None else min(seconds, until)


def _seconds_until_stale(response: HttpResponse) -> int | None:
    """How soon the page goes stale by itself (`cache_until()`); None: not by itself."""
    until = getattr(response, CACHE_UNTIL, None)
    if until is None:
        return None
    return max(1, int((until - timezone.now()).total_seconds()))


def _kept(response: HttpResponse) -> tuple:
    """What is stored for a page: its status, headers and body, and the body compressed once
    for the browsers that accept gzip (None when the compression middleware would leave it)."""
    content = response.content
    compress = (
        len(content) >= 200
        and not response.has_header("Content-Encoding")
        and not response.get("Content-Type", "").startswith("image/")
    )
    gzipped = compress_string(content) if compress else None
    return (response.status_code, list(response.items()), content, gzipped)


def from_stored(stored: tuple, request: HttpRequest | None = None) -> HttpResponse:
    """The stored page as a response: compressed when the request accepts gzip, so that
    PublicGZipMiddleware, which leaves an encoded response alone, does not compress it again."""
    status, headers, content = stored[:3]
    gzipped = stored[3] if len(stored) > 3 else None
    send_gzip = gzipped is not None and request is not None and _accepts_gzip(request)
    response = HttpResponse(gzipped if send_gzip else content, status=status)
    for name, value in headers:
        response[name] = value
    if send_gzip:
        # As GZipMiddleware marks a page it compresses.
        patch_vary_headers(response, ("Accept-Encoding",))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
    response["X-Page-Cache"] = "hit"
    return response


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))


def _rendered(response: HttpResponse) -> HttpResponse:
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    return response


def _revalidate_every_time(response: HttpResponse) -> None:
    """Not for shared caches: browsers revalidate each time (the ETag makes that a 304)."""
    for name in ("Cache-Control", cdn.SURROGATE_KEY, cdn.CACHE_TAG):
        if response.has_header(name):
            del response[name]
    patch_cache_control(response, no_cache=True)


def _rendered_for_shared_caches(
    request: HttpRequest,
    view: View,
    query: Query,
    static_tags: frozenset[str],
    args: tuple,
    kwargs: dict,
) -> HttpResponse:
    """With the page cache off (PAGE_CACHE_SECONDS=0): each page is rendered, and shared caches
    still get its headers and tags, under the same rules as a page that would be stored."""
    if site_host(request) is None:
        return view(request, *args, **kwargs)
    try:
        query.canonical(request.GET)
    except Invalid:
        return view(request, *args, **kwargs)
    setattr(request, PAGE_TAGS, set(static_tags))
    response = _rendered(view(request, *args, **kwargs))
    if _cacheable_response(request, response):
        cdn.make_public(response, request_tags(request), _seconds_until_stale(response))
        set_response_etag(response)
    return response


def stale_copy(key: str) -> Any:
    """What `key` holds, however old (for stale-if-error)."""
    kept = _safely(cache.get, key)
    return kept[2] if kept is not None and len(kept) == 3 else None


def cache_public_page(
    query: Query = NO_PARAMETERS, *, tags: Iterable[str] = ()
) -> Callable[[View], View]:
    """Serve a view's anonymous GETs from the page cache.

    `query` names the query parameters the page may be cached with, with a rule for each
    (core/page_query.py): others are dropped, and a value that fails its rule is rendered fresh
    and not stored, so made-up parameters cannot fill the cache. `tags` says what the page shows
    (core/page_tags.py); the view adds what depends on the page (`tag_page`)."""
    static_tags = frozenset(tags)

    def decorator(public_view: View) -> View:
        def view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            # An anonymous page's queries may go to a read replica (core/replicas.py).
            with replicas.public_reads(request):
                return public_view(request, *args, **kwargs)

        @wraps(public_view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            if settings.PAGE_CACHE_SECONDS <= 0:
                return _rendered_for_shared_caches(request, view, query, static_tags, args, kwargs)
            key = cache_key_for(request, query)
            if key is None:
                return view(request, *args, **kwargs)
            if _front_missed(request, key):
                lookup, stored = _request_lookup.get(), None  # no second look for the same page
            else:
                lookup, stored = read_current(key)
            if lookup is None:
                return view(request, *args, **kwargs)
            if stored is not None:
                return from_stored(stored, request)
            setattr(request, PAGE_TAGS, set(static_tags))
            try:
                response = _rendered(view(request, *args, **kwargs))
            except Exception as error:
                # The database is unreachable: the last copy, however old, beats a 503.
                kept = stale_copy(key) if database_down(error) else None
                if kept is None:
                    raise
                log.warning("Database unavailable (%s): serving the stored copy", error)
                response = from_stored(kept, request)
                response["X-Page-Cache"] = "stale"
                _revalidate_every_time(response)  # a retired copy: no shared cache keeps it
                return response
            if _cacheable_response(request, response):
                # Browsers and shared caches (a CDN) may keep it too, named by its tags for
                # purges (core/cdn.py); the ETag makes their revalidation a 304. Stored with the
                # page, so a hit sends the same headers.
                cdn.make_public(response, request_tags(request), _seconds_until_stale(response))
                set_response_etag(response)
                # The headers and body only: smaller than the response object, and quicker to read.
                kept = _kept(response)
                seconds = _seconds_to_keep(response)
                versions = current_versions(lookup, request_tags(request))
                if versions is None:
                    # Public content changed while it was rendered: it may show what was there
                    # before, so no cache keeps it (the purge may already have gone out).
                    _revalidate_every_time(response)
                else:
                    stored_page = Kept(key, kept, lookup.generation, versions, seconds)
                    if getattr(request, FRONT_MISS, None):
                        setattr(request, KEPT, stored_page)  # kept with the front's copy
                    else:
                        keep(key, lookup.generation, versions, kept, seconds)
                    # As a hit would send it (the body compressed once, not twice).
                    response = from_stored(kept, request)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapped

    return decorator


class PrivatePagesMiddleware:
    """Tells browsers and shared caches never to store a page for someone logged in, or one
    holding a CSRF token (a form). Sits after CsrfViewMiddleware, which forgets on its way out
    that the token was used."""

    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if cdn.same_for_everyone(response):
            return response
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or _logged_in(request):
            cdn.make_private(response)
        return response


def _logged_in(request: HttpRequest) -> bool:
    # Without a session cookie there is no user to load: no session query for visitors.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)
