"""The periodic schedule alone, for sites whose tasks run on another queue (RQ, Celery): it
enqueues each due slot through the configured backend and that queue's workers run it."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from background.management.commands.worker import Ticker


class Command(BaseCommand):
    help = "Tick the periodic schedule (settings.PERIODIC_JOBS) until stopped; runs no tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        ticker = Ticker(settings.SCHEDULE_TICK_SECONDS)
        try:
            ticker.run()  # in this thread, until Ctrl-C or SIGTERM
        except KeyboardInterrupt:
            ticker.stopped.set()
