import time

from django.core.management.base import BaseCommand

from jobs.salary_observations import sync_all_postings
from roles.salary_stats import refresh_after_title_change, refresh_stats, sync_titles


class Command(BaseCommand):
    help = (
        "Rebuild the salary figures from scratch: canonical titles from roles, every job "
        "posting's salary record, title matching and all percentiles. Safe to run any time."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        refresh_salaries()
        self.stdout.write(
            self.style.SUCCESS(f"Salary figures refreshed in {time.monotonic() - started:.1f} s.")
        )


def refresh_salaries() -> None:
    sync_titles()
    sync_all_postings()
    refresh_after_title_change()
    refresh_stats()
