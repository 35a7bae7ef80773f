"""The background worker: runs queued tasks (django-tasks-db's worker) and ticks the periodic
schedule in a thread beside it. Any number may run at once; see background/schedule.py."""

import logging
import os
import threading
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from background import schedule

log = logging.getLogger("background.schedule")


class Ticker(threading.Thread):
    """Enqueues due periodic jobs every `interval` seconds until the process ends."""

    daemon = True  # ends with the worker, which ends cleanly between tasks

    def __init__(self, interval: float) -> None:
        super().__init__(name="schedule-ticker")
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while True:
            try:
                enqueued = schedule.enqueue_due()
                if enqueued:
                    log.info("Enqueued %s", ", ".join(enqueued))
            except Exception:  # a database hiccup must not end the schedule; try at the next tick
                log.exception("Could not tick the schedule")
            finally:
                close_old_connections()
            if self.stopped.wait(self.interval):
                return


class Command(db_worker.Command):
    help = (
        "Run the background worker: queued tasks (e-mail, alerts) and the periodic schedule "
        "(settings.PERIODIC_JOBS). Run one or more beside the web servers."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Only run queued tasks; leave the periodic schedule to other workers.",
        )

    def configure_logging(self, verbosity: int) -> None:
        # The site's LOGGING already prints every logger; the base command would add a second
        # handler and print each line twice.
        level = {0: logging.CRITICAL, 1: logging.INFO}.get(verbosity, logging.DEBUG)
        for name in ("django.tasks", "django_tasks_db", "background"):
            logging.getLogger(name).setLevel(level)

    def handle(self, *args: Any, **options: Any) -> None:
        schedule = options.pop("schedule", True)
        batch = options.get("batch")
        # With the reloader, the outer process only watches files; the ticker runs in the child.
        in_worker_process = batch or not options.get("reload")
        in_worker_process = in_worker_process or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if schedule and not batch and in_worker_process:
            Ticker(settings.SCHEDULE_TICK_SECONDS).start()
        super().handle(*args, **options)
