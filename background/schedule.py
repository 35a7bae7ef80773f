"""Periodic work without cron: every worker ticks the schedule (settings.PERIODIC_JOBS), and the
database decides which tick enqueues each slot.

A job that runs every N seconds has one slot per N seconds of wall-clock time. Enqueuing a slot
inserts its ScheduledRun row; the unique (name, due_at) constraint lets exactly one of any number
of workers win. A job whose previous run has not finished is not enqueued again (unless that run
was abandoned by a worker that died: see stale_after), so a slow run never overlaps the next."""

import logging
from datetime import UTC, datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from background.models import ScheduledRun

log = logging.getLogger(__name__)


def stale_after(spec: dict) -> timedelta:
    """How long an unfinished run holds back the next: three periods, at least ten minutes (a
    slow digest run is not cut short) and at most an hour (a worker that died mid-run delays a
    job by an hour at worst)."""
    return timedelta(seconds=min(max(3 * spec["every"], 600), 3600))


def jobs() -> dict[str, dict]:
    return settings.PERIODIC_JOBS


def slot(now: datetime, every: int) -> datetime:
    """The start of the slot `now` falls in: slots are aligned to the epoch, so every worker
    computes the same one whatever its start time."""
    start = int(now.timestamp()) // every * every
    return datetime.fromtimestamp(start, UTC)


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue each job whose current slot has no run yet; return their names."""
    from background.tasks import run_scheduled  # the task module imports this one

    now = now or timezone.now()
    enqueued = []
    for name, spec in jobs().items():
        due_at = slot(now, spec["every"])
        latest = ScheduledRun.objects.filter(name=name).order_by("-due_at").first()
        if latest is not None:
            if latest.due_at >= due_at:
                continue
            if latest.finished_at is None and latest.enqueued_at > now - stale_after(spec):
                continue  # still queued or running
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(name=name, due_at=due_at)
                transaction.on_commit(partial(run_scheduled.enqueue, run.pk))
        except IntegrityError:
            continue  # another worker enqueued this slot first
        enqueued.append(name)
    return enqueued


def run(run_id: int) -> str:
    """Run one slot once: the first worker to mark it started runs it, any other returns."""
    started = timezone.now()
    if not ScheduledRun.objects.filter(pk=run_id, started_at__isnull=True).update(
        started_at=started
    ):
        return "already started elsewhere"
    scheduled = ScheduledRun.objects.get(pk=run_id)
    outcome = "failed"
    try:
        spec = jobs()[scheduled.name]
        outcome = str(import_string(spec["call"])())
        return outcome
    except Exception as error:
        outcome = f"failed: {type(error).__name__}: {error}"
        raise
    finally:
        scheduled.outcome = outcome[:500]
        scheduled.finished_at = timezone.now()
        scheduled.save(update_fields=["outcome", "finished_at"])
        log.info(
            "%s finished in %.1f s: %s",
            scheduled,
            (scheduled.finished_at - started).total_seconds(),
            outcome,
        )


def prune(now: datetime | None = None) -> int:
    """Keep a week of run history (the admin shows it)."""
    now = now or timezone.now()
    return ScheduledRun.objects.filter(due_at__lt=now - timedelta(days=7)).delete()[0]
