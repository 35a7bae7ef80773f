"""The tasks the worker runs. Each takes only ids, so the queue never holds an address or a
message body, and each is safe to run twice."""

from django.tasks import task

from background import outbox, schedule


@task()
def deliver_email(ids: list[int]) -> dict[str, int]:
    """Send these outbox rows (skipping any another worker holds or already sent)."""
    return vars(outbox.deliver(ids))


@task()
def run_scheduled(run_id: int) -> str:
    """Run one slot of a periodic job (background/schedule.py)."""
    return schedule.run(run_id)
