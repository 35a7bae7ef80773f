"""make bench: load the production server as traffic does and compare it with Django's floor.

Builds (or reuses) the benchmark data set on PostgreSQL, draws addresses from it as visitors ask
for them (demo/bench_addresses.py), starts `make serve` on a spare port with the floor view
routed (BENCH_FLOOR=1), and runs wrk: the floor first; one cached page at a time; then many
addresses, each asked once (distinct job pages, filtered `/jobs/` lists, `/api/v1/jobs/` calls:
first views, which miss the page cache); then the mix (job pages with the fresh ones most
viewed, filtered lists, the API, guides, roles, salary pages, the home page, site search and
company pages in their shares); the floor again (the floor figure is the mean of the two).
Every stored page is retired before each run over many addresses, as a deploy does, but for
the mix's second run: the mix runs once just after the retirement and then, over a second draw
of the same traffic, for the next seconds (the target is judged there). The app server's memory
is read after warming up, before the mix and after it (flat: it grows at most 5 % over the mix).
It prints a table (req/s, p50, p99, errors and 5xx, ratio to the floor, target, met or missed),
writes it as Markdown to bench-results.md and exits 1 if a target is missed
(BENCH_ALLOW_MISS=1: report only).

Settings, all from the environment (make passes its own variables through):

    BENCH_DATABASE_URL  postgres://postgres@127.0.0.1:5432/jobboard_bench
    BENCH_REDIS_URL     redis://127.0.0.1:6379/3
    BENCH_PORT          8765
    BENCH_SECONDS       10 (per run)
    BENCH_CONNECTIONS   16
    BENCH_THREADS       2 (wrk threads)
    WEB_CONCURRENCY     3 (gunicorn workers, as make serve)
    BENCH_OUTPUT        bench-results.md
    BENCH_JOBS          100000 (jobs in the data set; use another BENCH_DATABASE_URL per size)
    BENCH_ALLOW_MISS    0
"""

import json
import os
import platform
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

FLOOR = "/bench/floor/"
# Target ratios to the floor (at TARGET_CONNECTIONS), and the latency and error targets.
# One cached page (the API list renders its JSON from cached data); first views of distinct job
# pages, of distinct filtered lists and API calls; and the traffic mix.
CACHED, CACHED_API = 0.50, 0.15
DISTINCT_JOB, DISTINCT_LIST, MIX = 0.15, 0.08, 0.10
# Addresses of each kind drawn for the traffic runs: more than a run gets through.
ADDRESSES = 12_000
TARGET_CONNECTIONS = 16
P99_LIMIT_MS = 100.0
# The app server's memory may grow this much over the mix and still count as flat. It is
# judged over the mix, which comes after every page has run under load: the growth before
# it is the workers filling their caches and heaps once, not a leak.
MEMORY_GROWTH_LIMIT = 0.05

# wrk reports socket errors and non-2xx/3xx responses; a 3xx is an error here too, so the
# script counts every status outside 200–299 itself and prints one JSON line at the end.
WRK_SCRIPT = """
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  bad = 0
  statuses = {}
  if load_paths then load_paths() end
end
function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end
function done(summary, latency, requests)
  local bad_total, five = 0, 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + thread:get("bad")
    for status, n in pairs(thread:get("statuses")) do
      if status >= 500 then five = five + n end
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f, "socket_errors": %d, "non_2xx": %d, "status_5xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean,
    e.connect + e.read + e.write + e.timeout, bad_total, five))
end
"""
# Appended for a run over many addresses, one per line in a file: each wrk thread takes every
# n-th line (so no two threads ask for the same address) and its connections go down its share
# in turn.
FROM_FILE = """
paths = {}
index = 0
function load_paths()
  local n = 0
  for line in io.lines(%s) do
    if line ~= "" then
      if n %% %d == id then table.insert(paths, line) end
      n = n + 1
    end
  end
end
function request()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end
"""
# Browsers ask for compressed pages; so does every run.
HEADERS = ["Accept-Encoding: gzip, deflate, br"]


@dataclass
class Page:
    name: str
    path: str | Path  # one address, or a file listing many
    target: float | None  # ratio to the floor; None for the floor itself
    latency_target: bool = True  # p99 under P99_LIMIT_MS
    retire: bool = True  # over many addresses: retire every stored page first


@dataclass
class Run:
    page: Page
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    socket_errors: int
    non_2xx: int
    status_5xx: int
    ratio: float | None = None
    misses: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.socket_errors + self.non_2xx


def parse_wrk(output: str) -> dict:
    """The JSON line the Lua script prints at the end of a wrk run."""
    for line in output.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line.removeprefix("BENCH "))
    raise RuntimeError(f"wrk printed no result:\n{output}")


def make_run(page: Page, result: dict) -> Run:
    return Run(
        page=page,
        requests=result["requests"],
        seconds=result["duration_us"] / 1e6,
        p50_ms=result["p50_us"] / 1000,
        p90_ms=result["p90_us"] / 1000,
        p99_ms=result["p99_us"] / 1000,
        socket_errors=result["socket_errors"],
        non_2xx=result["non_2xx"],
        status_5xx=result["status_5xx"],
    )


def judge(runs: list[Run], floor_rps: float, connections: int) -> None:
    """Fill each run's ratio to the floor and the targets it misses. Ratio and latency targets
    are set for TARGET_CONNECTIONS; at other loads only errors count."""
    for run in runs:
        run.ratio = run.rps / floor_rps if floor_rps else None
        run.misses = []
        if run.errors:
            run.misses.append(f"{run.errors} errors")
        if connections != TARGET_CONNECTIONS:
            continue
        if run.page.latency_target and run.p99_ms >= P99_LIMIT_MS:
            run.misses.append(f"p99 {run.p99_ms:.0f} ms")
        if run.page.target is not None and (run.ratio or 0) < run.page.target:
            run.misses.append(f"ratio {run.ratio:.2f} < {run.page.target:.2f}")


def target_text(page: Page, connections: int) -> str:
    latency = (
        f"p99 < {P99_LIMIT_MS:.0f} ms, "
        if page.latency_target and connections == TARGET_CONNECTIONS
        else ""
    )
    ratio = (
        f"≥ {page.target:.2f}, "
        if page.target is not None and connections == TARGET_CONNECTIONS
        else ""
    )
    return f"{ratio}{latency}0 errors"


def table(runs: list[Run], connections: int) -> list[list[str]]:
    rows = [["page", "req/s", "p50", "p99", "errors", "ratio", "target", "result"]]
    for run in runs:
        rows.append(
            [
                run.page.name,
                f"{run.rps:,.0f}",
                f"{run.p50_ms:.1f} ms",
                f"{run.p99_ms:.1f} ms",
                f"{run.errors}" + (f" ({run.status_5xx} 5xx)" if run.status_5xx else ""),
                f"{run.ratio:.2f}" if run.ratio is not None else "–",
                target_text(run.page, connections),
                "met" if not run.misses else "MISSED: " + "; ".join(run.misses),
            ]
        )
    return rows


def plain(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(cells):
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    return "\n".join([line(rows[0]), line(["-" * w for w in widths]), *map(line, rows[1:])])


def markdown(rows: list[list[str]]) -> str:
    def line(cells):
        return "| " + " | ".join(cells) + " |"

    return "\n".join([line(rows[0]), line(["---"] * len(rows[0])), *map(line, rows[1:])])


# --- the machine and the server ---------------------------------------------------------------


def env(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


def env_int(name: str, default: int) -> int:
    raw = env(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        sys.exit(f"{name} must be a whole number; got {raw!r}")
    if value < 1:
        sys.exit(f"{name} must be at least 1; got {value}")
    return value


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GB memory"
    except (OSError, ValueError, IndexError):
        pass
    load = ", load average {:.1f} {:.1f} {:.1f} at start".format(*os.getloadavg())
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}{load}"


def psql_value(database_url: str, sql: str, timeout: int = 60) -> str:
    """The one value `sql` answers, or "?" when psql cannot say."""
    try:
        out = subprocess.run(
            ["psql", database_url, "-Atc", sql], capture_output=True, text=True, timeout=timeout
        )
    except (OSError, subprocess.SubprocessError):
        return "?"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "?"


def postgres_version(database_url: str) -> str:
    return psql_value(database_url, "SHOW server_version", timeout=10).split()[0]


def ensure_database(database_url: str) -> None:
    """Create the bench database when it does not exist yet (on the same server)."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        sys.exit(f"BENCH_DATABASE_URL must name a database of letters, digits and _; got {name!r}")
    maintenance = parts._replace(path="/postgres").geturl()
    exists = subprocess.run(
        ["psql", maintenance, "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
    )
    if exists.returncode != 0:
        sys.exit(f"Cannot reach PostgreSQL at {maintenance}: {exists.stderr.strip()}")
    if exists.stdout.strip() != "1":
        print(f"Creating database {name}")
        subprocess.run(["psql", maintenance, "-qc", f'CREATE DATABASE "{name}"'], check=True)


def gunicorn_memory_mb(pgid: int) -> float:
    """RSS of this run's gunicorn master and workers (its own process group only)."""
    out = subprocess.run(
        ["ps", "-eo", "pgid=,rss=,args="], capture_output=True, text=True, check=True
    ).stdout
    total = 0
    for line in out.splitlines():
        group, rss, args = line.split(None, 2)
        if int(group) == pgid and "gunicorn" in args:
            total += int(rss)
    return total / 1024


def get(url: str, timeout: float = 10) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_up(base: str, server: subprocess.Popen, log: Path, seconds: int = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The server stopped while starting; its log:\n{log.read_text()[-3000:]}")
        try:
            if get(base + "/healthz", timeout=2) == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"The server did not answer /healthz within {seconds} s; log: {log}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wrk(base: str, path: str | Path, *, seconds, connections, threads, script: Path) -> dict:
    """One wrk run against one address, or over the addresses listed in a file."""
    lua = script.read_text()
    if isinstance(path, Path):
        lua += FROM_FILE % (json.dumps(str(path)), threads)
        path = "/"
    run_script = script.with_name(f"run-{time.monotonic_ns()}.lua")
    run_script.write_text(lua)
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={run_script}",
        *(f"--header={header}" for header in HEADERS),
        base + path,
    ]
    out = subprocess.run(command, capture_output=True, text=True)
    run_script.unlink()
    if out.returncode != 0:
        raise RuntimeError(f"wrk failed: {out.stderr or out.stdout}")
    return parse_wrk(out.stdout)


# --- the run ----------------------------------------------------------------------------------


def ensure_wrk() -> None:
    """wrk comes from Debian's packages; installed here when the machine allows it, as CI
    installs its browser."""
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (Debian package)…", flush=True)
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, capture_output=True).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
            subprocess.run(install, capture_output=True)
    if not shutil.which("wrk"):
        sys.exit("make bench needs wrk: install it with 'apt-get install wrk' (Debian/Ubuntu)")


def main() -> int:
    ensure_wrk()
    database_url = env("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jobboard_bench")
    redis_url = env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    port = env_int("BENCH_PORT", 8765)
    seconds = env_int("BENCH_SECONDS", 10)
    connections = env_int("BENCH_CONNECTIONS", TARGET_CONNECTIONS)
    threads = env_int("BENCH_THREADS", 2)
    workers = env_int("WEB_CONCURRENCY", 3)
    output = ROOT / env("BENCH_OUTPUT", "bench-results.md")
    allow_miss = env("BENCH_ALLOW_MISS", "0").lower() in {"1", "true", "yes", "on"}
    base = f"http://127.0.0.1:{port}"
    secret = secrets.token_urlsafe(50)
    server_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": secret,
        "DEBUG": "0",
        "BENCH_FLOOR": "1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        # One client address sends every request: lift the API's per-address limit so the list
        # is measured rather than refused (the throttle still counts each request in Redis).
        "API_ANON_RATE": "100000000/minute",
    }

    machine_text = machine()
    ensure_database(database_url)
    work = Path(tempfile.mkdtemp(prefix="jobboard-bench-"))
    paths_file = work / "paths.json"
    started = time.monotonic()
    print("Migrating and building (or reusing) the data set…", flush=True)
    jobs = env("BENCH_JOBS", "100000")
    for command in (["migrate", "--noinput", "-v0"], ["build_bench_data", "--jobs", jobs]):
        extra = ["--paths-file", str(paths_file)] if command[0] == "build_bench_data" else []
        subprocess.run(
            [PYTHON, "manage.py", *command, *extra], cwd=ROOT, env=server_env, check=True
        )
    addresses = work / "addresses"
    print("Drawing the traffic mix's addresses from the database…", flush=True)
    subprocess.run(
        [PYTHON, "manage.py", "bench_addresses", str(addresses), "--count", str(ADDRESSES)],
        cwd=ROOT,
        env=server_env,
        check=True,
    )
    data_seconds = time.monotonic() - started
    print("Checking that every job filter and ordering is served by an index…", flush=True)
    explain = subprocess.run([PYTHON, "scripts/explain_check.py"], cwd=ROOT, env=server_env)
    chosen = json.loads(paths_file.read_text())

    # One address each, asked again and again: served from the page cache after the first.
    pages = [
        Page("home `/`", "/", CACHED),
        Page("`/jobs/`", "/jobs/", CACHED),
        Page("filtered search", "/jobs/?q=data&workplace=remote&experience_level=senior", CACHED),
        Page("job page", chosen["job"], CACHED),
        Page("guide page", chosen["guide"], CACHED),
        Page("salary page", chosen["salary"], CACHED),
        Page("`/api/v1/jobs/`", "/api/v1/jobs/", CACHED_API),
    ]
    # Many addresses, each asked once (first views), and the mix as traffic asks; every page
    # stored so far is retired before each, as a deploy does.
    traffic = [
        Page("distinct job pages", addresses / "job.txt", DISTINCT_JOB, latency_target=False),
        Page("distinct `/jobs/` lists", addresses / "list.txt", DISTINCT_LIST, False),
        Page("distinct `/api/v1/jobs/`", addresses / "api.txt", DISTINCT_LIST, False),
        # The mix just after a deploy (every page retired), then the next seconds of the same
        # traffic, which find what the first ones stored: the target is for traffic as it runs.
        Page("mix, just after a deploy", addresses / "mix.txt", None, False),
        Page("**mix**, the next seconds", addresses / "mix-next.txt", MIX, retire=False),
    ]
    floor = Page("floor", FLOOR, None)
    script = work / "bench.lua"
    script.write_text(WRK_SCRIPT)

    log = work / "server.log"
    print(f"Starting make serve on port {port} ({workers} workers); log: {log}", flush=True)
    with log.open("w") as log_file:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=server_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        wait_until_up(base, server, log)
        for page in [floor, *pages]:
            statuses = {get(base + str(page.path)) for _ in range(4 * workers)}
            if statuses != {200}:
                sys.exit(f"{page.path} answered {sorted(statuses)} while warming up; log: {log}")
        memory_before = gunicorn_memory_mb(server.pid)
        options = {
            "seconds": seconds,
            "connections": connections,
            "threads": threads,
            "script": script,
        }
        runs = []
        memory_loaded = memory_after = 0.0
        for page in [floor, *pages, *traffic, floor]:
            if isinstance(page.path, Path) and page.retire:
                retire = [PYTHON, "manage.py", "retire_pages"]
                subprocess.run(retire, cwd=ROOT, env=server_env, check=True, capture_output=True)
            if page is traffic[-2]:
                memory_loaded = gunicorn_memory_mb(server.pid)
            print(f"  {page.name} …", end="", flush=True)
            run = make_run(page, wrk(base, page.path, **options))
            print(f" {run.rps:,.0f} req/s, p99 {run.p99_ms:.1f} ms", flush=True)
            runs.append(run)
            if page is traffic[-1]:
                memory_after = gunicorn_memory_mb(server.pid)
    finally:
        stop(server)
        signal.signal(signal.SIGTERM, previous)

    first_floor, last_floor = runs[0], runs[-1]
    floor_rps = statistics.mean([first_floor.rps, last_floor.rps])
    first_floor.page = Page("floor (first)", FLOOR, None)
    last_floor.page = Page("floor (last)", FLOOR, None)
    ordered = [first_floor, last_floor, *runs[1:-1]]
    judge(ordered, floor_rps, connections)
    growth = (memory_after - memory_loaded) / memory_loaded if memory_loaded else 0.0
    memory_ok = growth <= MEMORY_GROWTH_LIMIT
    rows = table(ordered, connections)
    missed = [run for run in ordered if run.misses] + ([] if memory_ok else ["memory"])
    if explain.returncode != 0:
        missed.append("indexes")

    paths = "; ".join(f"{p.name.split()[0]} `{p.path}`" for p in pages[3:6])
    settings = (
        f"`make serve` (gunicorn, {workers} sync workers, DEBUG off, Redis cache), "
        f"PostgreSQL {postgres_version(database_url)} on the same machine, Python "
        f"{platform.python_version()}; wrk {threads} threads, {connections} connections, "
        f"{seconds} s per run, `Accept-Encoding: gzip`, on the same machine over loopback"
    )
    summary = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {jobs_count(database_url)} jobs. "
        f"Machine: {machine_text}.",
        f"Settings: {settings}.",
        f"Floor: a bare Django view (`{FLOOR}`, through the same middleware), run first and "
        f"last; ratios are to the mean of the two ({floor_rps:,.0f} req/s).",
        f"Cached pages: {paths}. Traffic runs: {ADDRESSES:,} addresses of each kind drawn from "
        "the database (demo/bench_addresses.py); every stored page retired before each, but "
        "for the mix's second run, which follows the first.",
        f"App-server memory (RSS of gunicorn's master and workers): {memory_before:.0f} MB "
        f"after warming up, {memory_loaded:.0f} MB before the two mix runs, {memory_after:.0f} "
        f"MB after them ({growth:+.1%} over the mix; flat means at most "
        f"{MEMORY_GROWTH_LIMIT:+.0%}: {'met' if memory_ok else 'MISSED'}).",
        f"Data set and addresses ready in {data_seconds:.0f} s.",
        "Indexes (scripts/explain_check.py): "
        + (
            "every job filter and ordering is served by an index."
            if explain.returncode == 0
            else "MISSED: a query reads the jobs table whole."
        ),
    ]
    print()
    print(plain(rows))
    print()
    print("\n".join(summary))
    output.write_text("\n\n".join([markdown(rows), *summary]) + "\n")
    shown = output.relative_to(ROOT) if output.is_relative_to(ROOT) else output
    print(f"\nMarkdown written to {shown}.")
    if missed:
        print(f"{len(missed)} target(s) missed." + (" (BENCH_ALLOW_MISS)" if allow_miss else ""))
        return 0 if allow_miss else 1
    print("Every target met.")
    return 0


def jobs_count(database_url: str) -> str:
    count = psql_value(database_url, "SELECT count(*) FROM jobs_job")
    return f"{int(count):,}" if count.isdigit() else count


if __name__ == "__main__":
    sys.exit(main())
