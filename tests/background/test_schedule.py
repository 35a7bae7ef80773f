"""The periodic schedule: one run per slot, never two runs of a job at once, a failure recorded
and not repeated."""

from datetime import UTC, datetime, timedelta

import pytest

from background import schedule
from background.models import ScheduledRun

pytestmark = pytest.mark.django_db

JOBS = {
    "record": {"call": "tests.background.periodic_jobs.record_run", "every": 300},
    "broken": {"call": "tests.background.periodic_jobs.fail", "every": 60},
}
NOON = datetime(2026, 12, 6, 12, 0, 30, tzinfo=UTC)


@pytest.fixture
def tick(django_capture_on_commit_callbacks):
    """enqueue_due as the worker's ticker calls it, outside a transaction: each enqueue (and,
    with the immediate backend, each run) happens as its row commits."""

    def tick(now: datetime) -> list[str]:
        with django_capture_on_commit_callbacks(execute=True):
            return schedule.enqueue_due(now)

    return tick


@pytest.fixture(autouse=True)
def jobs(settings, tmp_path, monkeypatch):
    settings.PERIODIC_JOBS = JOBS
    monkeypatch.setenv("RUN_LOG", str(tmp_path / "runs.log"))
    return tmp_path / "runs.log"


def test_slots_are_aligned_whatever_the_tick():
    assert schedule.slot(NOON, 300) == datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    assert schedule.slot(NOON + timedelta(minutes=4), 300) == schedule.slot(NOON, 300)
    assert schedule.slot(NOON + timedelta(minutes=5), 300) > schedule.slot(NOON, 300)


def test_each_slot_runs_once_however_often_the_schedule_ticks(jobs, tick):
    # The immediate backend runs each enqueued run at once (the broken job raises inside it).
    assert sorted(tick(NOON)) == ["broken", "record"]
    assert tick(NOON) == []
    assert tick(NOON + timedelta(seconds=20)) == []
    assert tick(NOON + timedelta(minutes=1)) == ["broken"]
    assert sorted(tick(NOON + timedelta(minutes=5))) == ["broken", "record"]
    assert len(jobs.read_text().splitlines()) == 2
    runs = ScheduledRun.objects.filter(name="record")
    assert [r.outcome for r in runs] == ["recorded", "recorded"]


def test_a_failure_is_recorded_and_the_next_slot_still_runs(tick):
    tick(NOON)
    broken = ScheduledRun.objects.get(name="broken")
    assert broken.finished_at is not None
    assert broken.outcome == "failed: RuntimeError: the job broke"
    assert tick(NOON + timedelta(minutes=1)) == ["broken"]


def test_a_run_not_finished_holds_back_the_next_slot(tick):
    ScheduledRun.objects.create(name="record", due_at=schedule.slot(NOON, 300))
    ScheduledRun.objects.filter(name="record").update(enqueued_at=NOON)
    later = NOON + timedelta(minutes=5)
    assert "record" not in tick(later), "the earlier run is still queued"
    # A run abandoned by a worker that died no longer holds anything back.
    stale = NOON + schedule.stale_after(JOBS["record"]) + timedelta(minutes=1)
    assert "record" in tick(stale)


def test_a_slot_is_run_by_the_first_worker_only(jobs):
    run = ScheduledRun.objects.create(name="record", due_at=schedule.slot(NOON, 300))
    assert schedule.run(run.pk) == "recorded"
    assert schedule.run(run.pk) == "already started elsewhere"
    assert len(jobs.read_text().splitlines()) == 1
