"""The daily clean-up of background work's own records."""

from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import outbox, schedule

KEEP_TASK_RESULTS = timedelta(days=7)


def prune() -> str:
    now = timezone.now()
    emails = outbox.prune(now)
    runs = schedule.prune(now)
    results = DBTaskResult.objects.finished().filter(finished_at__lt=now - KEEP_TASK_RESULTS)
    tasks = results.delete()[0]
    return f"pruned {emails} e-mail(s), {runs} schedule run(s), {tasks} task result(s)"
