import time

from django.core.management.base import BaseCommand

from jobs.salary_observations import sync_all_postings
from roles.salary_stats import (
    refresh_after_title_change,
    refresh_stale,
    refresh_stats,
    sync_titles,
)


class Command(BaseCommand):
    help = (
        "Rebuild the salary figures from scratch: canonical titles from roles, every job "
        "posting's salary record, title matching and all percentiles. Safe to run any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale",
            action="store_true",
            help="Only recompute titles whose postings changed since (cheap; run it often).",
        )

    def handle(self, *args, stale: bool, **options):
        started = time.monotonic()
        if stale:
            count = refresh_stale()
            message = f"Recomputed {count} title(s) with changed postings"
        else:
            refresh_salaries()
            message = "Salary figures rebuilt"
        self.stdout.write(self.style.SUCCESS(f"{message} in {time.monotonic() - started:.1f} s."))


def refresh_salaries() -> None:
    sync_titles()
    sync_all_postings()
    refresh_after_title_change()
    refresh_stats()
