"""What the fault tests share: a redis-server of their own, gunicorn as `make serve` runs it, a
load of concurrent requests that counts the answers, and a database connection of their own."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"
REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def admin_connection(settings_dict: dict):
    """A psycopg connection of our own to the test database, as an operator (or a failover)
    would hold one, in autocommit."""
    import psycopg

    return psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        dbname=settings_dict["NAME"],
        autocommit=True,
    )


def get(url: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A redis-server on a free port, without persistence (as the page cache should run)."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    break
            time.sleep(0.05)
        else:
            pytest.fail("redis-server did not start")
        yield RedisServer(port, process)
    finally:
        process.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
        process.terminate()
        process.wait(timeout=10)


def server_env(**overrides: str) -> dict[str, str]:
    env = {
        **os.environ,
        # DEBUG serves static file names without collectstatic's manifest.
        "DEBUG": "1",
        "SECRET_KEY": "fault-test",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PAGE_CACHE_SECONDS": "600",
        "LOG_LEVEL": "CRITICAL",
        **overrides,
    }
    for name in ("FORWARDER_HEADERS", "FORWARDED_ALLOW_IPS"):
        env.pop(name, None)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args, "-v", "0"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int = 2, log: Path | None = None) -> Iterator[str]:
    """gunicorn as `make serve` runs it; its output goes to `log` when given."""
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn is not installed in {GUNICORN.parent}")
    port = free_port()
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [str(GUNICORN), "config.wsgi", "--config", "config/gunicorn.py",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "30"],
        cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if get(base + "/healthz")[0] < 500:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        if log:
            output.close()


@dataclass
class Load:
    """Answers to a load: status per request, by kind of request."""

    seconds: float
    answers: list[tuple[str, int]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return len(self.answers) / self.seconds

    def statuses(self, kind: str | None = None) -> Counter:
        return Counter(status for k, status in self.answers if kind in (None, k))


def load(
    base: str, next_request: Callable[[int], tuple[str, str]], *, seconds: float, threads: int
) -> Load:
    """`threads` clients sending requests back to back for `seconds`; `next_request(n)` gives
    the n-th request's kind and path. A request that gets no answer counts as status 0."""
    result = Load(seconds)
    counter = iter(range(10**9))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                kind, path = next_request(next(counter))
            try:
                status = get(base + path, timeout=15)[0]
            except OSError:
                status = 0
            with lock:
                result.answers.append((kind, status))

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return result
