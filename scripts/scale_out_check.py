"""Two app servers sharing one PostgreSQL and one Redis: sessions, cache invalidation and throttles
hold across them.

    .venv/bin/python scripts/scale_out_check.py      # or: make scale-out-check

It (re)creates the database `jobboard_scaleout`, migrates it and loads the demo content, empties
one Redis database (4 by default, never 0) and the next (the limits' counters), starts two
gunicorn servers (DEBUG off, one SECRET_KEY, DATABASE_URL and REDIS_URL, ports 8201 and 8202,
called A and B below) and checks, over plain HTTP, that:

1. sessions: the demo employer logs in on A and sees the dashboard on B; logging out on B ends
   the session on A too;
2. cache invalidation: with the home page, /jobs/ and a guide read on B twice (the second time
   from the page cache), a moderator approves a pending posting in A's admin and B lists and
   shows it at once;
   an edit of a published guide in A's admin shows on B's guide page at once;
3. CDN headers: anonymous /jobs/ and /api/v1/jobs/ on both, miss and hit, say `public` with
   s-maxage and name their tags (Surrogate-Key, Cache-Tag); the editor's page is private;
4. replicas: B reads anonymous pages through a replica alias (DATABASE_REPLICA_URLS, here the
   same database: this machine has no streaming replica); after a guide edit on A the editor
   sees it at once, and B's page and API within REPLICA_LAG_SECONDS;
5. throttles: five failed log-ins for one account, spread over A and B, pause it on both; and
   with API_ANON_RATE=5/minute, API requests spread over A and B get 429 after the fifth.

One PASS or FAIL line per check; the exit status is 1 when any fails. Both servers are stopped
in the end, also on errors and Ctrl-C. Their logs are kept in a temporary directory (printed).
"""

import argparse
import html
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Only created with DEBUG on, as `make run` does (demo/management/commands/load_demo.py).
EDITOR = ("editor", "demo-editor-pass")
EMPLOYER = ("hiring@tessellate-ai.example.com", "demo-employer-pass", "Tessellate AI")
API_ANON_LIMIT = 5  # API_ANON_RATE for both servers: this many a minute
LOG_IN_FAILURES = 5  # core.ratelimit.LOG_IN_FAILURES: then the account is paused
PAUSED_MESSAGE = "Too many failed attempts for this account"
REPLICA_LAG_SECONDS = 3  # B's public reads go to the primary this long after a change


class CheckFailed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# --- HTTP ------------------------------------------------------------------------------------


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # answer with the redirect itself


class Response:
    def __init__(self, status: int, headers, body: bytes):
        self.status = status
        self.headers = headers
        self.text = body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Visitor:
    """One browser: a cookie jar (cookies belong to the host, whatever the port, as behind a
    load balancer) or none, for an anonymous visitor whose requests all look alike."""

    def __init__(self, servers: dict[str, str], cookies: bool = True):
        self.servers = servers
        self.jar = CookieJar() if cookies else None
        handlers = [NoRedirects()]
        if self.jar is not None:
            handlers.append(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, server: str, path: str, data: dict | list | None = None) -> Response:
        url = self.servers[server] + path
        body = None if data is None else urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(urllib.request.Request(url, data=body), timeout=30) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read())

    def get(self, server: str, path: str) -> Response:
        return self.request(server, path)

    def post(self, server: str, path: str, data: dict | list) -> Response:
        return self.request(server, path, data)


def find(pattern: str, text: str, what: str, flags: int = 0) -> tuple[str, ...]:
    found = re.search(pattern, text, flags)
    expect(found is not None, f"no {what} in the page")
    return found.groups()


def csrf_token(page: Response) -> str:
    return find(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text, "CSRF token")[0]


class FormFields(HTMLParser):
    """The fields a browser would send for the form with the given id, as (name, value) pairs."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._multiple = False
        self._option: tuple[str, bool] | None = None

    def handle_starttag(self, tag, attrs):
        a = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []
        elif tag == "select" and a.get("name"):
            self._select, self._options, self._multiple = a["name"], [], "multiple" in a
        elif tag == "option" and self._select is not None:
            self._option = (a.get("value"), "selected" in a)
            self._text = []

    def handle_data(self, data):
        if self._textarea is not None or self._option is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # A newline right after <textarea> is not part of the value.
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, selected = self._option
            self._options.append((value if value is not None else "".join(self._text), selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]
            self.fields.extend((self._select, value) for value in chosen)
            self._select = None


def form_fields(page: Response, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(page.text)
    expect(parser.fields, f"no form #{form_id} in the page")
    return parser.fields


# --- Checks ----------------------------------------------------------------------------------


def employer_log_in(visitor: Visitor, server: str, password: str) -> Response:
    page = visitor.get(server, "/employers/log-in/")
    expect(page.status == 200, f"log-in page on {server}: {page.status}")
    data = {"csrfmiddlewaretoken": csrf_token(page), "username": EMPLOYER[0], "password": password}
    return visitor.post(server, "/employers/log-in/", data)


def admin_log_in(visitor: Visitor, server: str) -> None:
    page = visitor.get(server, "/admin/login/?next=/admin/")
    expect(page.status == 200, f"admin log-in page on {server}: {page.status}")
    data = {
        "csrfmiddlewaretoken": csrf_token(page),
        "username": EDITOR[0],
        "password": EDITOR[1],
        "next": "/admin/",
    }
    answer = visitor.post(server, "/admin/login/?next=/admin/", data)
    expect(answer.status == 302, f"the editor's admin log-in on {server} answered {answer.status}")


def check_sessions(servers: dict[str, str]) -> str:
    employer = Visitor(servers)
    answer = employer_log_in(employer, "A", EMPLOYER[1])
    expect(answer.status == 302, f"log-in on A answered {answer.status}, not a redirect")
    dashboard = employer.get("B", "/employers/dashboard/")
    expect(dashboard.status == 200, f"dashboard on B answered {dashboard.status}")
    expect(
        EMPLOYER[2] in dashboard.text and EMPLOYER[0] in dashboard.text,
        "dashboard on B does not show the employer's company and address",
    )
    answer = employer.post(
        "B", "/employers/log-out/", {"csrfmiddlewaretoken": csrf_token(dashboard)}
    )
    expect(answer.status in (200, 302), f"log-out on B answered {answer.status}")
    after = employer.get("A", "/employers/dashboard/")
    expect(
        after.status == 302 and "/employers/log-in/" in after.location,
        f"after log-out on B, the dashboard on A answered {after.status} {after.location}",
    )
    return (
        "logged in on A, dashboard on B shows Tessellate AI; logged out on B, "
        "A sends the dashboard to the log-in page"
    )


def warm(anonymous: Visitor, paths: list[str]) -> None:
    """Reads each page on B twice: the second answer must come from the shared page cache, so
    the check below proves that a change on A retires B's cached copy."""
    for round in range(2):
        for path in paths:
            page = anonymous.get("B", path)
            expect(page.status == 200, f"{path} on B answered {page.status}")
            if round:
                source = page.headers.get("X-Page-Cache")
                expect(source == "hit", f"{path} on B did not come from the page cache: {source}")


def check_job_approval(servers: dict[str, str]) -> str:
    editor, anonymous = Visitor(servers), Visitor(servers, cookies=False)
    admin_log_in(editor, "A")
    queue = editor.get("A", "/admin/jobs/jobforreview/")
    expect(queue.status == 200, f"review queue on A answered {queue.status}")
    review_url = find(r'href="(/admin/jobs/job/\d+/review/)"', queue.text, "pending posting")[0]
    review = editor.get("A", review_url)
    expect(review.status == 200, f"review page on A answered {review.status}")
    title = html.unescape(find(r"<h1>Review: (.*?)</h1>", review.text, "job title")[0])
    job_path = find(r'href="(/jobs/[^/"]+/)"[^>]*>Open its page', review.text, "job link")[0]

    warm(anonymous, ["/", "/jobs/"])
    before = anonymous.get("B", job_path)
    expect(before.status == 404, f"the pending posting's page on B answered {before.status}")
    listed = anonymous.get("B", "/jobs/")
    expect(f'href="{job_path}"' not in listed.text, "B lists the posting before its approval")

    # The form names the version it decides on (a hidden field).
    revision = find(r'name="revision" value="(\d+)"', review.text, "version field")[0]
    data = {
        "csrfmiddlewaretoken": csrf_token(review),
        "revision": revision,
        "decision": "approve",
        "note": "",
    }
    answer = editor.post("A", review_url, data)
    expect(answer.status == 302, f"approving on A answered {answer.status}")

    listed = anonymous.get("B", "/jobs/")
    expect(f'href="{job_path}"' in listed.text, f"B's /jobs/ does not list {job_path}")
    page = anonymous.get("B", job_path)
    expect(page.status == 200, f"{job_path} on B answered {page.status} after the approval")
    expect(html.escape(title) in page.text, f"{job_path} on B does not show “{title}”")
    home = anonymous.get("B", "/")
    expect(f'href="{job_path}"' in home.text, "B's home page does not list the new posting")
    return f"approved “{title}” on A; B's /jobs/, {job_path} and home page show it at once"


def check_guide_edit(servers: dict[str, str]) -> str:
    editor, anonymous = Visitor(servers), Visitor(servers, cookies=False)
    admin_log_in(editor, "A")
    guides = editor.get("A", "/admin/roles/guide/?status__exact=published")
    expect(guides.status == 200, f"guides in A's admin answered {guides.status}")
    # Each row links to its change page first and then to the public page ("View").
    change_url, guide_path = find(
        r'href="(/admin/roles/guide/\d+/change/)[^"]*".*?href="(/guides/[^/"]+/)">View<',
        guides.text,
        "published guide",
        re.S,
    )
    warm(anonymous, [guide_path])

    form = editor.get("A", change_url)
    expect(form.status == 200, f"the guide's change page on A answered {form.status}")
    marker = f"Edited on server A ({secrets.token_hex(4)})"
    fields = [(n, marker if n == "subtitle" else v) for n, v in form_fields(form, "guide_form")]
    expect(("subtitle", marker) in fields, "the guide form has no subtitle")
    answer = editor.post("A", change_url, [*fields, ("_save", "Save")])
    expect(answer.status == 302, f"saving the guide on A answered {answer.status} (form errors?)")

    page = anonymous.get("B", guide_path)
    expect(page.status == 200, f"{guide_path} on B answered {page.status}")
    expect(marker in page.text, f"{guide_path} on B does not show the new subtitle")
    return f"subtitle of {guide_path} changed in A's admin; B's page shows it at once"


# The limits' Redis database (set in main()): emptied before checks that read the API, whose
# anonymous rate is API_ANON_LIMIT a minute for the whole run.
LIMITS: list[str] = []


def forget_limits() -> None:
    for url in LIMITS:
        redis.Redis.from_url(url).flushdb()


def check_cdn_headers(servers: dict[str, str]) -> str:
    """Anonymous pages and API reads on both servers may be kept by a CDN and name their tags;
    a signed-in editor's page stays private."""
    forget_limits()
    anonymous, editor = Visitor(servers, cookies=False), Visitor(servers)
    for server in ("A", "B"):
        for path in ("/jobs/", "/api/v1/jobs/"):
            for _ in range(2):  # the miss, then the page cache's hit: the same headers
                page = anonymous.get(server, path)
                control = page.headers.get("Cache-Control", "")
                keys = page.headers.get("Surrogate-Key", "").split()
                expect(control.startswith("public, ") and "s-maxage=" in control,
                       f"{path} on {server}: Cache-Control {control!r}")  # fmt: skip
                expect(keys[:1] == ["site"] and "jobs" in keys,
                       f"{path} on {server}: Surrogate-Key {keys}")  # fmt: skip
                expect(page.headers.get("Cache-Tag") == ",".join(keys),
                       f"{path} on {server}: Cache-Tag does not match Surrogate-Key")  # fmt: skip
    admin_log_in(editor, "A")
    private = editor.get("B", "/jobs/").headers.get("Cache-Control", "")
    expect("private" in private and "public" not in private,
           f"the editor's /jobs/ on B: Cache-Control {private!r}")  # fmt: skip
    return (
        f"/jobs/ and /api/v1/jobs/ on A and B, miss and hit: {control}, "
        f"Surrogate-Key {' '.join(keys)}; the signed-in editor's page: {private}"
    )


def check_replica_reads(servers: dict[str, str]) -> str:
    """B reads anonymous pages from its replica alias: after a guide edit on A, the editor sees
    it at once on A (the primary) and anonymous readers of B within REPLICA_LAG_SECONDS."""
    forget_limits()
    editor, anonymous = Visitor(servers), Visitor(servers, cookies=False)
    admin_log_in(editor, "A")
    guides = editor.get("A", "/admin/roles/guide/?status__exact=published")
    change_url, guide_path = find(
        r'href="(/admin/roles/guide/\d+/change/)[^"]*".*?href="(/guides/([^/"]+)/)">View<',
        guides.text,
        "published guide",
        re.S,
    )[:2]
    slug = guide_path.strip("/").split("/")[-1]
    api_path = f"/api/v1/guides/{slug}/"
    warm(anonymous, [guide_path])
    form = editor.get("A", change_url)
    marker = f"Edited for the replica check ({secrets.token_hex(4)})"
    fields = [(n, marker if n == "subtitle" else v) for n, v in form_fields(form, "guide_form")]
    answer = editor.post("A", change_url, [*fields, ("_save", "Save")])
    expect(answer.status == 302, f"saving the guide on A answered {answer.status}")
    own = editor.get("A", guide_path)
    expect(marker in own.text, "the editor does not see the edit at once on A")
    started = time.monotonic()
    deadline = started + REPLICA_LAG_SECONDS + 2
    while True:
        page, api = anonymous.get("B", guide_path), anonymous.get("B", api_path)
        if marker in page.text and marker in api.text:
            break
        late = f"B's {guide_path} and {api_path} lack the edit after {REPLICA_LAG_SECONDS} s"
        expect(time.monotonic() < deadline, late)
        time.sleep(0.5)
    seen_after = time.monotonic() - started
    time.sleep(REPLICA_LAG_SECONDS + 1)  # B reads its replica again
    fresh = anonymous.get("B", api_path)
    expect(marker in fresh.text, f"B's replica read of {api_path} lacks the edit")
    return (
        f"edited {guide_path} on A; the editor saw it at once, anonymous {guide_path} and "
        f"{api_path} on B after {seen_after:.1f} s (REPLICA_LAG_SECONDS={REPLICA_LAG_SECONDS}), "
        "and still from B's replica alias after the lag"
    )


def check_log_in_pause(servers: dict[str, str]) -> str:
    visitor = Visitor(servers)
    sides = ["A", "B"] * LOG_IN_FAILURES
    for n, server in enumerate(sides[:LOG_IN_FAILURES], start=1):
        answer = employer_log_in(visitor, server, f"wrong-password-{n}")
        expect(answer.status == 200, f"failed log-in {n} on {server} answered {answer.status}")
        expect(PAUSED_MESSAGE not in answer.text, f"paused already after {n - 1} failures")
    # Counted per server, A would hold 3 failures and B 2: the right password would still work.
    for server in ("B", "A"):
        answer = employer_log_in(visitor, server, EMPLOYER[1])
        expect(
            answer.status == 200 and PAUSED_MESSAGE in answer.text,
            f"after {LOG_IN_FAILURES} failures on A and B, the right password on {server} "
            f"answered {answer.status} without the pause",
        )
    return (
        f"{LOG_IN_FAILURES} failures alternating A, B, A, B, A paused the account: "
        "the right password is refused on B and on A"
    )


def check_api_throttle(servers: dict[str, str]) -> str:
    forget_limits()  # the checks before read the API too
    client = Visitor(servers, cookies=False)
    statuses = []
    for server in ["A", "B"] * API_ANON_LIMIT:
        answer = client.get(server, "/api/v1/roles/")
        statuses.append(f"{server}{answer.status}")
        if answer.status == 429:
            expect(answer.headers.get("Retry-After"), "a 429 without Retry-After")
    expected = [f"{s}200" for s in ["A", "B"] * API_ANON_LIMIT][:API_ANON_LIMIT]
    expected += [f"{s}429" for s in ["A", "B"] * API_ANON_LIMIT][API_ANON_LIMIT:]
    expect(statuses == expected, f"got {' '.join(statuses)}, wanted {' '.join(expected)}")
    return f"API_ANON_RATE={API_ANON_LIMIT}/minute: {' '.join(statuses)}"


# --- Set-up and servers ----------------------------------------------------------------------


def run(command: list[str], env: dict) -> None:
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def reset_database(postgres: str, name: str) -> str:
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres}/{name}"


def reset_redis(url: str) -> None:
    database = urllib.parse.urlparse(url).path.strip("/")
    if not database.isdigit() or database == "0":
        sys.exit(f"Give a Redis database of its own to empty, e.g. redis://…/4 (not {url!r}).")
    redis.Redis.from_url(url).flushdb()
    # The limits' counters: the next database of the same server (REDIS_LIMITS_URL's default).
    limits = urllib.parse.urlparse(url)._replace(path=f"/{int(database) + 1}").geturl()
    redis.Redis.from_url(limits).flushdb()
    LIMITS[:] = [limits]


def start_server(port: int, env: dict, logs: Path, workers: int) -> subprocess.Popen:
    log = open(logs / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 (closed with the process)
    command = [
        str(BIN / "gunicorn"),
        "config.wsgi",
        "--config",
        "config/gunicorn.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]
    # A process group of its own: stopping it stops the workers too.
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    log.close()
    return process


def wait_until_up(base: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CheckFailed(f"the server at {base} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise CheckFailed(f"the server at {base} did not answer /healthz in {seconds:.0f} s")


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


CHECKS: list[tuple[str, Callable[[dict[str, str]], str]]] = [
    ("sessions", check_sessions),
    ("cache: job approved", check_job_approval),
    ("cache: guide edited", check_guide_edit),
    ("cdn headers", check_cdn_headers),
    ("replica: read-your-writes and lag", check_replica_reads),
    ("throttle: log-in pause", check_log_in_pause),
    ("throttle: API", check_api_throttle),
]


def interrupted(signum, frame):
    """SIGTERM (from make, a CI runner, kill) stops the servers as Ctrl-C does."""
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="jobboard_scaleout")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/4")
    parser.add_argument("--ports", default="8201,8202", help="two ports: servers A and B")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    args = parser.parse_args()
    ports = [int(port) for port in args.ports.split(",")]
    if len(ports) != 2:
        parser.error("--ports takes two ports")

    signal.signal(signal.SIGTERM, interrupted)

    database_url = reset_database(args.postgres, args.database)
    reset_redis(args.redis)
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": args.redis,
        "API_ANON_RATE": f"{API_ANON_LIMIT}/minute",
        "LOG_LEVEL": "WARNING",
    }
    python = [sys.executable, "manage.py"]
    print(f"Database {database_url}: migrating and loading the demo content")
    run([*python, "collectstatic", "--noinput", "--verbosity", "0"], env)
    run([*python, "migrate", "--noinput", "--verbosity", "0"], env)
    # The demo's editor and employer accounts are only made with DEBUG on (as `make run` does);
    # the servers themselves run with DEBUG off.
    run([*python, "load_demo"], {**env, "DEBUG": "1"})

    servers = {name: f"http://127.0.0.1:{port}" for name, port in zip("AB", ports, strict=True)}
    logs = Path(tempfile.mkdtemp(prefix="jobboard-scale-out-"))
    processes: list[subprocess.Popen] = []
    results: list[bool] = []
    try:
        # B reads anonymous pages from a replica alias. This machine has no streaming replica:
        # the alias points at the same database, which exercises the routing, not real lag.
        server_env = [env, {**env, "DATABASE_REPLICA_URLS": database_url,
                            "REPLICA_LAG_SECONDS": str(REPLICA_LAG_SECONDS)}]  # fmt: skip
        for port, environment in zip(ports, server_env, strict=True):
            processes.append(start_server(port, environment, logs, args.workers))
        for base, process in zip(servers.values(), processes, strict=True):
            wait_until_up(base, process)
        print(
            f"Servers A {servers['A']} and B {servers['B']} ({args.workers} gunicorn workers "
            f"each, DEBUG off) share {database_url} and {args.redis}; B reads anonymous pages "
            f"through the replica alias replica1 (the same database); logs in {logs}"
        )
        for name, check in CHECKS:
            try:
                detail = check(servers)
            except (CheckFailed, OSError) as error:
                results.append(False)
                print(f"FAIL  {name}: {error}", flush=True)
            else:
                results.append(True)
                print(f"PASS  {name}: {detail}", flush=True)
    except CheckFailed as error:
        print(f"FAIL  start-up: {error} (logs in {logs})")
        results.append(False)
    except KeyboardInterrupt:
        print("Interrupted: stopping the servers")
        results.append(False)
    finally:
        # A second Ctrl-C must not leave the servers running.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)
    passed = results.count(True) == len(CHECKS)
    print(f"{'PASS' if passed else 'FAIL'}: {results.count(True)} of {len(CHECKS)} checks passed")
    return 0 if passed else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # during the set-up, before any server started
        sys.exit("Interrupted")
