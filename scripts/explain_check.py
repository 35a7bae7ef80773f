"""Checks on a full-size PostgreSQL database that every job filter and ordering is served by an
index: each page's own queries are captured, then EXPLAINed with the planner's real statistics,
and any plan that reads the whole jobs table with nothing to stop it early fails the check.

It needs real data: on a table of a few rows PostgreSQL rightly reads the table whole, and with
sequential scans switched off it walks any index at all, so neither proves anything. `make bench`
runs it against its data set of 100,000 jobs; run it alone with

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jobboard_bench \\
        .venv/bin/python scripts/explain_check.py
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "explain-check-only")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # the queries behind each page, not a cached copy

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from jobs.models import Company, Job  # noqa: E402
from roles.models import Guide, Role  # noqa: E402

# One query string per filter of the job list and per ordering, then combinations.
JOB_QUERIES = [
    "",
    "page=3",
    "q=data",
    "q=%22machine+learning%22+-intern",
    "q=data&workplace=remote&experience_level=senior",
    "location=Berlin",
    "location=Germany",
    "location=remote,Europe",
    "workplace=remote",
    "employment_type=contract",
    "experience_level=senior",
    "salary_min=150000",
    "role={role}",
    "company={company}",
    "posted_within=1",
    "ordering=newest",
    "ordering=salary",
    "ordering=salary&page=3",
    "salary_min=150000&ordering=salary",
    "role={role}&workplace=remote&experience_level=senior",
]
OTHER_PAGES = [
    "/",
    "/guides/",
    "/guides/?role={role}",
    "/guides/{guide}/",
    "/roles/{role}/",
    "/jobs/{job}/",
    "/search/?q=data",
    "/feeds/jobs/",
    "/sitemap.xml",
    "/sitemap-jobs.xml",
    "/salaries/",
    "/api/v1/companies/",
    "/api/v1/guides/",
]
# Pages whose job: to sum up every open posting. They read the table once per cache lifetime.
WHOLE_BY_DESIGN = {
    "/": "pay by role on the home page, over every open job; cached (ROLE_FIGURES_SECONDS)",
    "/sitemap.xml": "the number and latest change of all open jobs; the page is cached",
    "/sitemap-jobs.xml": "lists every open job (50,000 per file, as sitemaps allow); cached",
}
WHOLE_TABLE = re.compile(r"Seq Scan on jobs_job\b")
INDEX_USED = re.compile(r"(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? on (\w+)")


def unbounded_scan(plan: str) -> bool:
    """A sequential scan of the jobs table that nothing stops early. Directly under a Limit (a
    capped count, or a page of a common filter) the scan ends after that many matches:
    PostgreSQL picks it when matches are dense enough that rows in table order find them
    soonest. A Sort, Hash or aggregate between the two reads every row first."""
    lines = plan.splitlines()
    for number, line in enumerate(lines):
        if not WHOLE_TABLE.search(line):
            continue
        depth = len(line) - len(line.lstrip())
        for row in reversed(lines[:number]):  # the scan's ancestors, nearest first
            row_depth = len(row) - len(row.lstrip())
            if row_depth >= depth or not row.lstrip().startswith("->") and row_depth:
                continue
            depth = row_depth
            node = row.strip().removeprefix("->").strip()
            if node.startswith("Limit"):
                break
            if node.startswith(("Sort", "Hash", "Aggregate", "GroupAggregate", "HashAggregate",
                                "Partial", "Finalize", "Materialize", "WindowAgg")):  # fmt: skip
                return True
        else:
            return True  # no Limit above it
    return False


def addresses() -> list[str]:
    values = {
        "role": Role.objects.published().values_list("slug", flat=True).first(),
        "company": Company.objects.values_list("slug", flat=True).first(),
        "guide": Guide.objects.published().values_list("slug", flat=True).first(),
        "job": Job.objects.public().values_list("slug", flat=True).first(),
    }
    pages = [f"/jobs/?{query}" for query in JOB_QUERIES]
    pages += [f"/api/v1/jobs/?{query}" for query in JOB_QUERIES]
    return [page.format(**values).rstrip("?") for page in pages + OTHER_PAGES]


def plans(client: Client, url: str) -> list[tuple[str, str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    found = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if sql.lstrip().upper().startswith("SELECT"):
                cursor.execute("EXPLAIN " + sql)
                found.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return found


def main() -> int:
    if connection.vendor != "postgresql":
        print("explain_check needs PostgreSQL (set DATABASE_URL)")
        return 2
    settings.ALLOWED_HOSTS = ["testserver"]
    # Plain static names: the check needs no collected (hashed) files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    jobs = Job.objects.count()
    print(f"EXPLAIN check on {connection.settings_dict['NAME']} ({jobs:,} jobs)")
    client = Client()
    failures = 0
    for url in addresses():
        scans, indexes = [], set()
        for sql, plan in plans(client, url):
            indexes.update(INDEX_USED.findall(plan))
            if unbounded_scan(plan):
                scans.append(f"    {sql[:300]}\n      " + plan.replace("\n", "\n      "))
        if scans and url in WHOLE_BY_DESIGN:
            print(f"ok   {url:<70} whole table by design: {WHOLE_BY_DESIGN[url]}")
            continue
        status = "FAIL" if scans else "ok  "
        failures += bool(scans)
        print(f"{status} {url:<70} {', '.join(sorted(indexes)) or '-'}")
        for scan in scans:
            print(scan)
    print(f"{failures} address(es) read a whole table" if failures else "Every plan uses indexes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
