"""Rate limits counted in the shared cache, so every app server counts together. A window opens
with the first attempt and lasts `seconds` (the counter's expiry); incrementing keeps it.

The log-in lockout (failures per account) is counted in the database instead: it must hold on
every app server whether Redis answers or not, and costs one small query per log-in attempt
(`Limit.in_database`)."""

import hashlib
import ipaddress
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.cache import CacheUnavailable
from core.models import LimitCount

log = logging.getLogger(__name__)

# When the shared cache cannot be reached, limits are counted in this process instead: they
# still hold per app server rather than failing open (or taking the page down).
_fallback = LocMemCache("ratelimit-fallback", {})


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int
    in_database: bool = False

    @property
    def minutes(self) -> int:
        return max(1, self.seconds // 60)


SIGN_UP = Limit("sign-up", 5, 60 * 60)  # per address the request comes from
LOG_IN = Limit("log-in", 20, 5 * 60)  # per address
# Per account: then it is locked, on every app server, with or without Redis.
LOG_IN_FAILURES = Limit("log-in-failures", 5, 15 * 60, in_database=True)
# Failed log-ins per address, whatever account they name: one address trying many accounts.
LOG_IN_ADDRESS_FAILURES = Limit("log-in-address-failures", 30, 60 * 60)
PASSWORD_RESET = Limit("password-reset", 5, 60 * 60)  # per address
VERIFICATION_EMAIL = Limit("verification-email", 3, 60 * 60)  # per account
SUBMISSION = Limit("submission", 10, 60 * 60)  # per company
# An employer's download of their data (it reads every posting and its history), per account.
DATA_EXPORT = Limit("data-export", 5, 24 * 60 * 60)
# Password attempts to delete an account, per account.
ACCOUNT_DELETION = Limit("account-deletion", 5, 60 * 60)
# Reveals of a posting's application e-mail address (POST /jobs/<slug>/apply/) per address.
APPLY_REVEAL = Limit("apply-reveal", 30, 60 * 60)
# Job alerts saved (POST /alerts/) per network address, and per e-mail address: each sends a
# confirmation e-mail, so these bound the mail anyone can make the site send to someone else.
ALERT_SIGN_UP = Limit("alert-sign-up", 20, 60 * 60)
ALERT_ADDRESS = Limit("alert-address", 5, 24 * 60 * 60)
# Reports of postings and contact messages per network address: each stores a row an editor reads
# and may send e-mail (to the editors, to a reporter once the report is handled).
REPORT = Limit("report", 10, 60 * 60)
CONTACT = Limit("contact", 5, 60 * 60)
# Bogus, revoked or expired API tokens per address: guessing keys is refused before any lookup.
API_TOKEN_FAILURES = Limit("api-token-failures", 10, 60)


def identity(text: str) -> str:
    """One spelling per user name or e-mail address, so that its variants (width, case,
    compatibility characters, surrounding spaces) share one count: NFKC, case-folded, stripped."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _key(limit: Limit, who: str) -> str:
    digest = hashlib.sha256(identity(who).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"ratelimit:{limit.name}:{digest}"


def store_call(method: str, *args: Any) -> Any:
    """Call a method of the rate-limit cache, or of this process's fallback when it raises."""
    return _on_store(lambda store: getattr(store, method)(*args))


def _on_store(action: Callable[[Any], Any]) -> Any:
    """`action` on the rate-limit cache, or on this process's fallback when it raises."""
    try:
        return action(caches["ratelimit"])
    except Exception as error:  # any failure of the cache server (connection refused, timeout, ...)
        if not isinstance(error, CacheUnavailable):  # (an open circuit was logged when it opened)
            log.warning("Rate limits: shared cache unavailable, counting in this process")
        return action(_fallback)


def hit(limit: Limit, who: str) -> bool:
    """Count one attempt by `who`; True when that goes over the limit."""
    key = _key(limit, who)
    if limit.in_database:
        return _count_in_database(key, limit) > limit.count
    count = _on_store(lambda store: _counted(store, key, limit.seconds))
    return count > limit.count


def _counted(store: Any, key: str, seconds: int) -> int:
    """One more attempt in the counter `key` of `store`, whose window opens with the first
    attempt: the count so far. Redis counts in one round trip (`count_in_window`)."""
    count_in_window = getattr(store, "count_in_window", None)
    if count_in_window is not None:
        return count_in_window(key, seconds)
    store.add(key, 0, seconds)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, seconds)
        return 1


def exceeded(limit: Limit, who: str) -> bool:
    """Whether `who` has used up the limit, without counting an attempt."""
    if limit.in_database:
        return LimitCount.objects.filter(
            key=_key(limit, who), hits__gte=limit.count, window_ends__gt=timezone.now()
        ).exists()
    return (store_call("get", _key(limit, who)) or 0) >= limit.count


def clear(limit: Limit, who: str) -> None:
    if limit.in_database:
        # One query that also sweeps away every window that has passed, so the table holds only
        # the accounts with recent failures.
        passed = Q(window_ends__lte=timezone.now())
        LimitCount.objects.filter(Q(key=_key(limit, who)) | passed).delete()
        return
    store_call("delete", _key(limit, who))


def _count_in_database(key: str, limit: Limit) -> int:
    """Count one attempt in the database and return the count in the window: one statement,
    atomic under concurrent attempts (PostgreSQL and SQLite both have INSERT ... ON CONFLICT)."""
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    table = connection.ops.quote_name(LimitCount._meta.db_table)
    sql = f"""
        INSERT INTO {table} (key, hits, window_ends) VALUES (%s, 1, %s)
        ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN {table}.window_ends > %s THEN {table}.hits + 1 ELSE 1 END,
            window_ends = CASE WHEN {table}.window_ends > %s
                THEN {table}.window_ends ELSE excluded.window_ends END
        RETURNING hits
    """
    ends = now + timedelta(seconds=limit.seconds)
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, adapt(ends), adapt(now), adapt(now)])
        return cursor.fetchone()[0]


def client_address(request: HttpRequest) -> str:
    """The visitor's address: behind our proxy, the one it appended to X-Forwarded-For."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_network(request: HttpRequest) -> str:
    """Who a per-sender limit counts: an IPv4 address, or the /64 of an IPv6 one. Anyone given
    one IPv6 address holds its whole /64 (2^64 addresses), as a home or a server gets it, so
    counting addresses one by one would limit nothing."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # without a zone ("fe80::1%eth0")
    except ValueError:
        return address  # not an address (a test client's, a misconfigured proxy's): as it is
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def too_many(request: HttpRequest, limit: Limit, **context: str) -> HttpResponse:
    """The friendly 429 page, with Retry-After. `context` may give the page a `heading`, a
    `message`, and a way back (`back_url`, `back_label`)."""
    response = render(request, "429.html", {"minutes": limit.minutes, **context}, status=429)
    response["Retry-After"] = str(limit.seconds)
    return response
