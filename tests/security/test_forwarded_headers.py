"""Headers a client sends to make the app believe it sits under another prefix, host or scheme
change nothing for the next visitor and never cause a 5xx, under gunicorn with the settings
`make serve` uses (config/gunicorn.py), the page cache on.

Before, gunicorn let a local address set SCRIPT_NAME from a request header: a value that did not
prefix the path was a "500 Bad Request", and a matching one rendered every link on the page under
the sender's prefix.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"

HOSTILE = [
    ("/x/salaries/", {"SCRIPT_NAME": "/x"}),
    ("/salaries/", {"SCRIPT_NAME": "/nowhere"}),
    ("/salaries/", {"SCRIPT_NAME": "/x", "PATH_INFO": "/admin/"}),
    ("/salaries/", {"X-Forwarded-Host": "evil.example"}),
    ("/salaries/", {"X-Forwarded-Prefix": "/evil"}),
    ("/salaries/", {"X-Original-URL": "/admin/"}),
    ("/salaries/", {"X-Rewrite-URL": "/admin/"}),
    ("/salaries/", {"X-Forwarded-Proto": "https"}),
    ("/salaries/", {"X-Forwarded-Protocol": "ssl", "X-Forwarded-SSL": "on"}),
    ("/salaries/", {"X-Forwarded-Port": "444", "X-Forwarded-Server": "evil.example"}),
    ("/salaries/", {"Forwarded": "host=evil.example;proto=https;for=1.2.3.4"}),
    ("/salaries/", {"X-Host": "evil.example", "X-HTTP-Host-Override": "evil.example"}),
    ("/salaries/", {"X-HTTP-Method-Override": "DELETE"}),
    ("/salaries/", {"X_Forwarded_For": "1.2.3.4", "Remote-User": "admin"}),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn is not installed in {GUNICORN.parent}")
    database = tmp_path_factory.mktemp("forwarded") / "db.sqlite3"
    env = {
        **os.environ,
        # DEBUG serves static file names without collectstatic's manifest; the page cache is on
        # as in production with Redis.
        "DEBUG": "1",
        "SECRET_KEY": "forwarded-headers-test",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{database}",
        "PAGE_CACHE_SECONDS": "600",
    }
    env.pop("REDIS_URL", None)
    env.pop("FORWARDER_HEADERS", None)
    env.pop("FORWARDED_ALLOW_IPS", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [str(GUNICORN), "config.wsgi", "--config", "config/gunicorn.py",
         "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_no_forwarded_header_changes_the_next_visitors_page_or_causes_a_5xx(server):
    status, plain = get(server + "/salaries/")
    assert status == 200 and b'href="/salaries/' in plain
    for path, headers in HOSTILE:
        status, body = get(server + path, headers)
        assert status < 500, (path, headers, status, body[:200])
        assert b"evil.example" not in body and b'href="/x/' not in body, (path, headers)
        assert b'href="/evil' not in body and b"https://127.0.0.1" not in body, (path, headers)
        again_status, again = get(server + "/salaries/")
        assert (again_status, again) == (200, plain), (path, headers)


def test_script_name_from_a_client_is_not_a_prefix(server):
    status, _ = get(server + "/x/salaries/", {"SCRIPT_NAME": "/x"})
    assert status == 404  # the path is taken as it came, /x/salaries/ is no page
