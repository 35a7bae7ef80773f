"""Headers a client sends to make the app believe it sits under another prefix, host or scheme
change nothing for the next visitor and never cause a 5xx, under gunicorn with the settings
`make serve` uses (config/gunicorn.py), the page cache on.

Before, gunicorn let a local address set SCRIPT_NAME from a request header: a value that did not
prefix the path was a "500 Bad Request", and a matching one rendered every link on the page under
the sender's prefix.
"""

import re
import urllib.error
import urllib.request

import pytest

from tests.faults import gunicorn, manage, server_env

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


def get(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    database = tmp_path_factory.mktemp("forwarded") / "db.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--noinput")
    with gunicorn(env, workers=1) as base:
        yield base


def test_no_forwarded_header_changes_the_next_visitors_page_or_causes_a_5xx(server):
    status, plain = get(server + "/salaries/")
    assert status == 200 and b'href="/salaries/' in plain
    for path, headers in HOSTILE:
        status, body = get(server + path, headers)
        assert status < 500, (path, headers, status, body[:200])
        assert b"evil.example" not in body and b'href="/x/' not in body, (path, headers)
        # The canonical link names the scheme the trusted local proxy reports; nothing else
        # on the page is built from the request's scheme.
        rest = re.sub(
            rb'<link rel="canonical" href="https?://127\.0\.0\.1:\d+/salaries/">', b"", body
        )
        assert b'href="/evil' not in body and b"https://127.0.0.1" not in rest, (path, headers)
        again_status, again = get(server + "/salaries/")
        assert (again_status, again) == (200, plain), (path, headers)


def test_script_name_from_a_client_is_not_a_prefix(server):
    status, _ = get(server + "/x/salaries/", {"SCRIPT_NAME": "/x"})
    assert status == 404  # the path is taken as it came, /x/salaries/ is no page
