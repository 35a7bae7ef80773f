"""The benchmark data set (make bench): demo content grown to production-like counts.

Idempotent: each part is only added up to its target, so a run on a database that already holds
the data set changes nothing and returns at once.
"""

import json
import time
import uuid
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Max

from core import page_tags
from demo.guide_generator import generate_guides, generate_roles
from demo.job_generator import generate_jobs
from demo.salary_survey import survey_csv_lines
from jobs.models import Company, Job
from roles.models import Guide, Role
from salaries.models import SalaryRecord, SalaryStat, Source
from salaries.services import refresh_salaries
from salaries.stats import sync_titles
from salaries.survey import analyze_records, import_survey

TARGETS = {
    "jobs": 100_000,
    "companies": 1_000,
    "roles": 50,
    "guides": 200,
    "salary records": 100_000,
}
BENCH_DATASET = "bench-survey"
BENCH_SEED = 4242


def counts() -> dict[str, int]:
    return {
        "jobs": Job.objects.count(),
        "companies": Company.objects.count(),
        "roles": Role.objects.published().count(),
        "guides": Guide.objects.published().count(),
        "salary records": SalaryRecord.objects.filter(source=Source.SURVEY).count(),
    }


def complete(found: dict[str, int]) -> bool:
    return all(found[name] >= target for name, target in TARGETS.items())


def bench_paths() -> dict[str, str]:
    """A job, guide and salary page to measure: the newest open job, the newest published guide
    comparing two roles (the heavier kind) and the title with the most records behind its
    figures."""
    job = Job.objects.public().order_by("-posted_at", "-pk").first()
    guide = Guide.objects.published().filter(second_role__isnull=False).first()
    stat = (
        SalaryStat.objects.filter(title__isnull=False)
        .values("title__slug")
        .annotate(records=Max("count"))
        .order_by("-records", "title__slug")
        .first()
    )
    if job is None or guide is None or stat is None:
        raise RuntimeError("The bench data set has no open job, guide or salary figures.")
    return {
        "job": job.get_absolute_url(),
        "guide": guide.get_absolute_url(),
        "salary": f"/salaries/{stat['title__slug']}/",
    }


def record_page_tags(chunk: int = 5000) -> int:
    """A version for each open posting's and each company's page tag that has none, as a live
    board has one from publishing the posting (a save retires its pages, core/page_changes.py):
    the data set is inserted in bulk, so without this every first view of a job page wrote its
    tags' versions, a Redis round trip no live board makes. Versions already there are kept (a
    stored page carrying them stays current). How many were recorded."""
    jobs = Job.objects.public().order_by().values_list("pk", "company_id")
    tags = [
        tag
        for pk, company in jobs.iterator()
        for tag in (page_tags.job(pk), page_tags.company(company))
    ]
    keys = list(dict.fromkeys(page_tags.key(tag) for tag in tags))
    recorded = 0
    for start in range(0, len(keys), chunk):
        part = keys[start : start + chunk]
        missing = set(part) - set(cache.get_many(part))
        cache.set_many({key: uuid.uuid4().hex for key in missing}, None)
        recorded += len(missing)
    return recorded


class Command(BaseCommand):
    help = (
        "Build the benchmark data set (100,000 jobs, 1,000 companies, 50 roles, 200 guides, "
        "100,000 salary-survey records) on the configured database, or reuse it if present."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jobs",
            type=int,
            default=TARGETS["jobs"],
            help="Jobs in the data set (default 100,000; the scale curve also uses 10k and 1M).",
        )
        parser.add_argument(
            "--paths-file",
            type=Path,
            help="Write the job, guide and salary page chosen for the benchmark here (JSON).",
        )

    def handle(self, *args, jobs: int, paths_file: Path | None, **options):
        TARGETS["jobs"] = jobs
        started = time.monotonic()
        found = counts()
        if complete(found):
            self.stdout.write(f"Bench data set present: {self._describe(found)}.")
        else:
            self.build(found)
            found = counts()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Bench data set built in {time.monotonic() - started:.0f} s: "
                    f"{self._describe(found)}."
                )
            )
        self._step("Recording the open postings' page tags", record_page_tags)
        if paths_file:
            paths_file.write_text(json.dumps(bench_paths()))

    def build(self, found: dict[str, int]) -> None:
        if not Role.objects.exists():
            self._step("Loading the demo content", lambda: call_command("load_demo", verbosity=0))
        self._step("Adding roles", lambda: generate_roles(TARGETS["roles"]))
        self._step("Adding guides", lambda: generate_guides(TARGETS["guides"]))
        sync_titles()
        missing_jobs = TARGETS["jobs"] - Job.objects.count()
        if missing_jobs > 0:
            self._step(
                f"Adding {missing_jobs:,} jobs",
                lambda: generate_jobs(
                    missing_jobs, seed=BENCH_SEED, companies=TARGETS["companies"]
                ),
            )
        others = (
            SalaryRecord.objects.filter(source=Source.SURVEY).exclude(dataset=BENCH_DATASET).count()
        )
        rows = TARGETS["salary records"] - others
        if SalaryRecord.objects.filter(dataset=BENCH_DATASET).count() != rows and rows > 0:
            self._step(
                f"Importing {rows:,} salary-survey records", lambda: self._import_survey(rows)
            )
        self._step("Computing the salary figures", self._refresh_salaries)
        self._step("Vacuuming and analyzing", self._vacuum)

    def _step(self, what: str, action) -> None:
        started = time.monotonic()
        self.stdout.write(f"{what}…")
        self.stdout.flush()
        action()
        self.stdout.write(f"  {time.monotonic() - started:.1f} s")

    @staticmethod
    def _import_survey(rows: int) -> None:
        def fail(line: int, reason: str) -> None:
            raise ValueError(f"generated survey line {line}: {reason}")

        import_survey(survey_csv_lines(rows, BENCH_SEED), dataset=BENCH_DATASET, on_bad_row=fail)
        analyze_records()

    @staticmethod
    def _refresh_salaries() -> None:
        refresh_salaries()

    @staticmethod
    def _vacuum() -> None:
        """What autovacuum would do in time: planner statistics, and the visibility map that lets
        counts over freshly inserted rows use index-only scans (three times faster on /jobs/)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    @staticmethod
    def _describe(found: dict[str, int]) -> str:
        return ", ".join(f"{number:,} {name}" for name, number in found.items())
