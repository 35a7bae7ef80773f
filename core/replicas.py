"""Public reads from read replicas (DATABASE_REPLICA_URLS); everything else from the primary.

Only reads that anyone could make and that no one's own write has to show go to a replica: an
anonymous visitor's public page (`cache_public_page`) and the public API's anonymous reads. They
opt in with `public_reads()`, around the view. Everything else reads the primary: writes (any
method but GET and HEAD), whatever a signed-in employer or editor asks for (the admin, the
dashboard, the employers' API: a session cookie or a token), alerts and account pages, commands
and the worker. The router itself never guesses: outside `public_reads()` it says nothing and
Django uses `default`.

Replicas lag. A page rendered from a replica just after a change could show what was there
before, and the page cache (and a CDN) would then keep that copy under the change's new tag
versions. So for REPLICA_LAG_SECONDS after any committed change to public content (the moment
is kept in the cache, `pages:changed_at`, set with the change), public reads go to the primary
too; a visitor who made no change and whose page missed the cache then is served by the primary
for those few seconds.
"""

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest

CHANGED_AT_KEY = "pages:changed_at"
# The replica the request being served reads from; "" when it reads the primary, None when it
# may use a replica and has not chosen one yet.
_replica: ContextVar[str | None] = ContextVar("replica", default="")


def replicas() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", ()))


def may_read_replica(request: HttpRequest) -> bool:
    """A read anyone could make: GET or HEAD, with no session, message or API token."""
    return (
        bool(replicas())
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


@contextmanager
def public_reads(request: HttpRequest) -> Iterator[None]:
    """Within this block the request's reads may go to a replica (when `may_read_replica`)."""
    token = _replica.set(None if may_read_replica(request) else "")
    try:
        yield
    finally:
        _replica.reset(token)


def _changed_recently() -> bool:
    try:
        changed_at = cache.get(CHANGED_AT_KEY)
    except Exception:  # the cache is away: nothing is stored meanwhile, a lagging read is fine
        return False
    return changed_at is not None and time.time() - changed_at < settings.REPLICA_LAG_SECONDS


def _chosen_replica() -> str:
    chosen = _replica.get()
    if chosen is None:
        # One choice per request (its queries see one consistent state), made at its first read.
        chosen = "" if _changed_recently() else random.choice(replicas())
        _replica.set(chosen)
    return chosen


def changed_now() -> dict[str, float]:
    """The cache entry marking a committed change to public content (core/page_cache.py sets it
    with the change's versions, in one MSET)."""
    return {CHANGED_AT_KEY: time.time()}


class ReplicaRouter:
    """Sends the reads inside `public_reads()` to a replica; leaves every other query to
    `default`. Replicas are copies of the primary: relations across them are allowed, and no
    migration runs on them."""

    # Named outright, never None: Django would otherwise use the alias an instance was loaded
    # from, and write a row read from a replica to the replica.
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if not replicas():
            return None
        return (_replica.get() != "" and _chosen_replica()) or DEFAULT_DB_ALIAS

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return DEFAULT_DB_ALIAS if replicas() else None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # A replica alias is marked as a mirror of `default` (settings.py), which holds also
        # where DATABASE_REPLICAS is not (yet) set: nothing is ever migrated on a replica.
        mirror = connections.settings.get(db, {}).get("TEST", {}).get("MIRROR")
        return False if db in replicas() or mirror else None
