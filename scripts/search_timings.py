"""Server time of typical searches on the configured database, for docs/performance.md: each
page rendered (the page cache off), as for the first visitor after a change.

    DATABASE_URL=postgres://…/bench SECRET_KEY=x .venv/bin/python scripts/search_timings.py

Each address is requested through Django's test client with DEBUG off, once to warm up and then
seven times; the median is printed with the median database time of the page's queries.

    … scripts/search_timings.py --distinct FILE [COUNT]

renders instead COUNT addresses listed in FILE (one per line, as `manage.py bench_addresses`
writes them) once each: first views of distinct filtered lists, with the page cache on in this
process's memory, so that fragments many pages share are read as a server reads them. It prints
the median, 90th and 99th percentile and the slowest, with the median database time.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DEBUG"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
DISTINCT = sys.argv[1:2] == ["--distinct"]
# Each page rendered, as for the first visitor; over distinct addresses, each is a first view
# anyway, and the page cache (in memory) keeps what pages share.
os.environ["PAGE_CACHE_SECONDS"] = "600" if DISTINCT else "0"
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()
# Pages name their CSS through the hashed-name manifest, which only exists after collectstatic.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from jobs.models import Job  # noqa: E402

ADDRESSES = [
    "/search/?q=engineer",
    "/search/?q=computer+vision",
    "/search/?q=pytorch",
    "/search/?q=%22machine+learning%22+-intern",
    "/search/?q=data+or+ml+senior",
    "/search/?q=pyto",
    "/search/?q=kubernetes+healthcare",
    "/search/?q=zzzunknown",
    "/search/?q=lead+or+principal+-manager",
    "/jobs/?q=engineer",
    "/jobs/?q=computer+vision",
    "/jobs/?q=%22machine+learning%22+-intern",
    "/feeds/jobs/?q=pytorch",
    # The benchmark's filtered search and API list, and the choice filters without words.
    "/jobs/?q=data&workplace=remote&experience_level=senior",
    "/jobs/?workplace=remote&experience_level=senior",
    "/jobs/?location=Berlin",
    "/jobs/",
    "/api/v1/jobs/",
    "/api/v1/jobs/?q=data&workplace=remote&experience_level=senior",
]
RUNS = 7


def timed(client: Client, address: str) -> tuple[float, float]:
    """Seconds for one request of `address` (a 200), and seconds in its queries."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(address)
        seconds = time.perf_counter() - started
    assert response.status_code == 200, (address, response.status_code)
    return seconds, sum(float(q["time"]) for q in queries.captured_queries)


def main() -> None:
    client = Client()
    public = Job.objects.public().count()
    print(f"{connection.vendor}: {Job.objects.count():,} jobs, {public:,} public")
    print(f"{'address':62} {'median':>9} {'database':>9} {'word hits':>9}")
    for address in ADDRESSES:
        client.get(address)
        times, db_times = [], []
        for _ in range(RUNS):
            seconds, database = timed(client, address)
            times.append(seconds)
            db_times.append(database)
        text = address.split("q=", 1)[1].split("&")[0] if "q=" in address else ""
        text = text.replace("+", " ").replace("%22", '"')
        jobs = Job.objects.public()
        matches = f"{jobs.search(text).count():,}" if text else "-"
        print(
            f"{address:62} {statistics.median(times) * 1000:7.0f}ms "
            f"{statistics.median(db_times) * 1000:7.0f}ms {matches:>9}"
        )


def distinct(path: str, count: int) -> None:
    addresses = [line.strip() for line in Path(path).read_text().splitlines() if line.strip()]
    client = Client()
    for address in addresses[count : count + 20]:  # warm up: imports, templates, fragments
        client.get(address)
    times, db_times = [], []
    for address in addresses[:count]:
        seconds, database = timed(client, address)
        times.append(seconds)
        db_times.append(database)
    cuts = statistics.quantiles(times, n=100)
    print(
        f"{connection.vendor}: {Job.objects.count():,} jobs; {count} first views from {path}: "
        f"median {statistics.median(times) * 1000:.0f} ms (database "
        f"{statistics.median(db_times) * 1000:.0f} ms), p90 {cuts[89] * 1000:.0f} ms, "
        f"p99 {cuts[98] * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    if DISTINCT:
        distinct(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200)
    else:
        main()
