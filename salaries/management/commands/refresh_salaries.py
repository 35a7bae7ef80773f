import time

from django.core.management.base import BaseCommand

from salaries.services import refresh_salaries
from salaries.stats import refresh_stale


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
