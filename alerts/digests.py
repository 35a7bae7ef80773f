"""The alert digests: for each confirmed alert that is due, the postings that became public since
its last digest, still public now and matching its search, in one e-mail; none when nothing is new.

Built for 100,000 alerts over 100,000 postings with bounded memory. Alerts are read in batches
in order of their search (then id), so alerts sharing a search are mostly in one batch; within a
batch, alerts with the same search and the same watermark are one search, and every distinct
search is run once, all of them in one UNION query over only the postings of their windows
(posted_at, indexed). The batch's e-mails are queued with one bulk insert, its send
history with another, and its watermarks moved with one update, all in one transaction: a crash
sends nothing twice and loses nothing.

A posting "became public" at its `posted_at`: approving sets it to the moment of approval, and a
scheduled posting's date is when it goes public. The window stops SETTLE short of now, so that a
posting approved in a transaction not yet committed at the start of a run is in the next window
rather than skipped by this one."""

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from django.db import transaction
from django.db.models import IntegerField, Q, QuerySet, Value
from django.urls import reverse
from django.utils import timezone

from alerts import searches, services
from alerts.models import Alert, AlertSend
from core import email
from jobs.models import Job, JobQuerySet

BATCH_SIZE = 500
MAX_POSTINGS = 20  # per e-mail; a link leads to the rest
SETTLE = timedelta(minutes=5)
# Searches in one UNION (SQLite allows 500 parts in a compound query).
UNION_PARTS = 250
# Postings sent to an alert in this time are never sent to it again, should a moderator move a
# posting's date forward into a later window.
HISTORY = timedelta(days=60)
# Searches kept built (each costs a query or two to validate).
SEARCH_CACHE_SIZE = 1000

Search = tuple[str, datetime]  # (canonical query, watermark)


@dataclass
class DigestRun:
    alerts: int = 0
    emails: int = 0
    postings: int = 0
    batches: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"{self.emails} digests with {self.postings} postings for {self.alerts} due alerts "
            f"({self.batches} batches, {self.seconds:.1f} s)"
        )


class SearchCache:
    """Each saved search validated and built once: alerts come in order of their search, so a
    search's alerts are next to one another and a small cache serves them all. A filter whose
    value no longer validates (a role taken down) would widen the search if dropped, so such a
    search matches nothing."""

    def __init__(self) -> None:
        self.searches: dict[str, JobQuerySet | None] = {}

    def get(self, query: str) -> JobQuerySet | None:
        if query not in self.searches:
            if len(self.searches) >= SEARCH_CACHE_SIZE:
                self.searches.clear()
            filterset = searches.job_filter(query)
            valid = searches.canonical(filterset) == query
            built = filterset.filter_queryset(Job.objects.all()).order_by() if valid else None
            self.searches[query] = cast(JobQuerySet | None, built)
        return self.searches[query]


def send_due_digests(
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    *,
    every_alert: bool = False,
    settle: timedelta = SETTLE,
) -> DigestRun:
    """Send every due digest; a periodic job (settings.PERIODIC_JOBS). `every_alert` treats each
    confirmed alert as due (with `settle` at zero: what `send_alert_digests --now` does, to try
    an alert at once rather than a day later)."""
    started = time.monotonic()
    now = now or timezone.now()
    run, cache = DigestRun(), SearchCache()
    after: Q | None = None
    while True:
        with transaction.atomic():
            due = Alert.objects.confirmed() if every_alert else Alert.objects.due(now)
            due = due.select_related("subscriber").order_by("query", "pk")
            if after is not None:
                due = due.filter(after)
            # Two runs at once take different batches (PostgreSQL; SQLite runs one writer).
            locked = due.select_for_update(skip_locked=True, of=("self",))
            batch = list(locked[:batch_size])
            if not batch:
                break
            last = batch[-1]
            after = Q(query__gt=last.query) | Q(query=last.query, pk__gt=last.pk)
            _send_batch(batch, now, now - settle, cache, run)
        run.batches += 1
    run.seconds = time.monotonic() - started
    return run


def _send_batch(
    batch: list[Alert], now: datetime, until: datetime, cache: SearchCache, run: DigestRun
) -> None:
    groups: dict[Search, list[Alert]] = defaultdict(list)
    for alert in batch:
        assert alert.covered_until is not None  # set on confirmation
        groups[(alert.query, alert.covered_until)].append(alert)
    matches = _matches(list(groups), until, cache)
    with_matches = [a.pk for key, alerts in groups.items() if matches.get(key) for a in alerts]
    sent_before = _sent_before(with_matches, now)

    chosen: dict[int, tuple[list[int], int]] = {}  # alert -> (newest posting ids, how many new)
    for key, alerts in groups.items():
        for alert in alerts:
            new = [pk for pk in matches.get(key, []) if pk not in sent_before.get(alert.pk, ())]
            if new:
                chosen[alert.pk] = (new[:MAX_POSTINGS], len(new))
    wanted = {pk for ids, _ in chosen.values() for pk in ids}
    # Read again through the public rule: a posting closed since the search ran is left out.
    jobs = Job.objects.public().for_cards().in_bulk(wanted) if wanted else {}

    messages, sends, sent_ids = [], [], []
    for alert in batch:
        ids, total = chosen.get(alert.pk, ([], 0))
        postings = [jobs[pk] for pk in ids if pk in jobs]
        if not postings:
            continue
        messages.append(_message(alert, postings, total - len(ids)))
        sends.append(
            AlertSend(
                alert=alert,
                sent_at=now,
                job_count=len(postings),
                job_ids=[job.pk for job in postings],
            )
        )
        sent_ids.append(alert.pk)
        run.postings += len(postings)
    email.queue(messages)
    AlertSend.objects.bulk_create(sends)
    Alert.objects.filter(pk__in=[alert.pk for alert in batch]).update(covered_until=until)
    if sent_ids:
        Alert.objects.filter(pk__in=sent_ids).update(last_sent_at=now)
    run.alerts += len(batch)
    run.emails += len(messages)


def _matches(keys: list[Search], until: datetime, cache: SearchCache) -> dict[Search, list[int]]:
    """Each search's new postings, newest first: one query per UNION_PARTS searches."""
    parts: list[QuerySet] = []
    numbered: list[Search] = []
    for key in keys:
        query, watermark = key
        search = cache.get(query)
        if search is None:
            continue
        part = search.public().filter(posted_at__gt=watermark, posted_at__lte=until)
        number = Value(len(numbered), output_field=IntegerField())
        parts.append(part.annotate(search_no=number).values_list("pk", "posted_at", "search_no"))
        numbered.append(key)
    found: dict[Search, list[tuple[datetime, int]]] = defaultdict(list)
    for start in range(0, len(parts), UNION_PARTS):
        chunk = parts[start : start + UNION_PARTS]
        rows = chunk[0].union(*chunk[1:], all=True) if len(chunk) > 1 else chunk[0]
        for pk, posted_at, number in rows:
            found[numbered[number]].append((posted_at, pk))
    return {key: [pk for _, pk in sorted(rows, reverse=True)] for key, rows in found.items()}


def _sent_before(alert_ids: list[int], now: datetime) -> dict[int, set[int]]:
    """The postings already sent to each of these alerts (in the last HISTORY)."""
    if not alert_ids:
        return {}
    sent: dict[int, set[int]] = defaultdict(set)
    history = AlertSend.objects.filter(alert_id__in=alert_ids, sent_at__gte=now - HISTORY)
    for alert_id, job_ids in history.values_list("alert_id", "job_ids"):
        sent[alert_id].update(job_ids)
    return sent


def _message(alert: Alert, postings: list[Job], more: int) -> email.Message:
    search_url = email.link(alert.search_url)
    unsubscribe_url = services.unsubscribe_url(alert)
    context = {
        "alert": alert,
        "jobs": [(job, email.link(job.get_absolute_url())) for job in postings],
        "more": more,
        "search_url": search_url,
        "manage_url": services.manage_url(alert.subscriber),
        "unsubscribe_url": unsubscribe_url,
        "all_jobs_url": email.link(reverse("jobs:list")),
    }
    subject, body, html = email.render("alert_digest", context)
    headers = {
        # One-click unsubscribe (RFC 8058): mail clients POST List-Unsubscribe=One-Click here.
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return email.Message(
        to=alert.subscriber.email,
        subject=subject,
        body=body,
        html=html,
        headers=headers,
        kind="alert_digest",
    )
