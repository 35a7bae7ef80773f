"""Edges of the transport: chunked bodies are refused rather than silently dropped, and the
health probe answers over plain HTTP whatever the TLS settings."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def chunked(client: Client, path: str):
    return client.post(
        path,
        data=b"a=1",
        content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"},
    )


def test_a_chunked_form_post_is_refused_with_411():
    response = chunked(Client(raise_request_exception=False), "/employers/log-in/")
    assert response.status_code == 411
    assert b"Content-Length" in response.content


def test_a_chunked_api_post_is_refused_in_the_error_format():
    response = chunked(Client(raise_request_exception=False), "/api/v1/employer/jobs/")
    assert response.status_code == 411
    assert response.json()["code"] == "length_required"


def test_healthz_answers_plain_http_under_the_https_redirect(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/jobs/").status_code == 301  # everything else still goes to HTTPS
