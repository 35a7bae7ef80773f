import time

from django.core.management.base import BaseCommand

from salaries.periodic import refresh_stale_figures
from salaries.services import refresh_salaries


class Command(BaseCommand):
    help = (
        "Rebuild the salary figures from scratch: canonical titles from roles, every job "
        "posting's salary record, title matching and all percentiles. Safe to run any time. "
        "With --stale, only what changed since the last run (the worker runs it every two minutes)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale",
            action="store_true",
            help=(
                "Only the postings saved since the last run (their salary records and roles) "
                "and the titles they or earlier large changes moved (cheap; run it often)."
            ),
        )

    def handle(self, *args, stale: bool, **options):
        started = time.monotonic()
        if stale:
            message = refresh_stale_figures().capitalize()
        else:
            refresh_salaries()
            message = "Salary figures rebuilt"
        self.stdout.write(self.style.SUCCESS(f"{message} in {time.monotonic() - started:.1f} s."))
