import time

from django.core.management.base import BaseCommand, CommandError

from core.statistics import analyze
from demo.job_generator import MAX_COMPANIES, company_pool, default_company_count, generate_jobs


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Add realistic job postings in bulk, for load and search testing. The same seed and "
        "starting database give the same postings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=positive, required=True, help="Postings to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--companies",
            type=positive,
            help=f"Companies to spread them over (default count/100, at most {MAX_COMPANIES}); "
            "existing generated companies are reused.",
        )

    def handle(self, *args, count, seed, companies, **options):
        companies = companies or default_company_count(count)
        if companies > len(company_pool()):
            raise CommandError(f"--companies can be at most {len(company_pool())}.")
        started = time.perf_counter()
        result = generate_jobs(count, seed=seed, companies=companies)
        seconds = time.perf_counter() - started
        # Fresh statistics: without them PostgreSQL plans the new rows blind (slow pages).
        analyzed = analyze()
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.jobs:,} jobs at {result.companies:,} companies "
                f"({result.new_companies:,} new) in {seconds:.1f} s "
                f"({result.jobs / seconds:,.0f} jobs/s)."
            )
        )
        if analyzed:
            self.stdout.write("Planner statistics refreshed (ANALYZE).")
