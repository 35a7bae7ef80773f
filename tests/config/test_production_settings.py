"""Production hardening: the deploy checklist, security headers and CSP, request ids, error pages
and a friendly 503 while the database is down."""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError

from tests.factories import make_guide, make_job

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "jobs.example.com",
    "BEHIND_TLS_PROXY": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_COOKIES": "1",
    "HSTS_SECONDS": "31536000",
    "EMAIL_HOST": "smtp.example.com",
}


def test_deploy_checklist_passes_with_production_values():
    env = {**os.environ, **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("url", ["/", "/jobs/", "/guides/", "/admin/login/"])
def test_pages_send_a_strict_content_security_policy(client, url):
    make_job()
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_use_no_inline_script_or_style(client):
    guide = make_guide()
    job = make_job()
    for url in ["/", "/jobs/", guide.get_absolute_url(), job.get_absolute_url()]:
        html = client.get(url).text
        scripts = html.count("<script")
        assert scripts == html.count('<script type="application/ld+json">'), url
        assert " style=" not in html and "<style" not in html, url


def test_every_response_carries_a_request_id(client):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert len(first) == 32 and first != second
    kept = client.get("/", headers={"X-Request-ID": "lb-1234567890"})
    assert kept["X-Request-ID"] == "lb-1234567890"
    replaced = client.get("/", headers={"X-Request-ID": "<script>"})
    assert replaced["X-Request-ID"] != "<script>"


def test_log_lines_name_the_request(client, caplog):
    from core.middleware import RequestIdLogFilter

    with mock.patch("jobs.views.Job.objects.public", side_effect=OperationalError("gone")):
        caplog.handler.addFilter(RequestIdLogFilter())
        response = client.get("/jobs/")
    record = next(r for r in caplog.records if r.name == "jobboard.requests")
    assert record.request_id == response["X-Request-ID"]


def test_database_outage_gives_a_friendly_503_and_recovers(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        down = client.get("/jobs/")
        health = client.get("/healthz")
    assert down.status_code == 503
    assert "We will be back in a moment" in down.text
    assert down["Retry-After"] == "30"
    assert health.status_code == 503
    assert client.get("/jobs/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_unknown_host_gets_the_400_page(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "We could not understand that request" in response.text


def test_forbidden_admin_page_gets_the_403_page(client):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user("plain", password="x-long-password", is_staff=True)
    client.force_login(staff)
    response = client.get("/admin/jobs/job/")
    assert response.status_code == 403
    assert "You are not allowed to do that" in response.text


def test_expired_form_gets_a_readable_page():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})
    assert response.status_code == 403
    assert "This form has expired" in response.text
