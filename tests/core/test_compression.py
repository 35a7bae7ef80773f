"""Public responses are gzipped; responses that carry a CSRF token or a session are not."""

import gzip

import pytest
from django.test import Client

from tests.factories import make_job

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_public_page_feed_and_api_are_compressed():
    make_job(title="Compressed job")
    client = Client()
    for path in ("/jobs/", "/feeds/jobs/", "/api/v1/jobs/"):
        response = client.get(path, **GZIP)
        assert response.status_code == 200, path
        assert response["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in response["Vary"]
    body = gzip.decompress(client.get("/jobs/", **GZIP).content).decode()
    assert "Compressed job" in body


def test_without_accept_encoding_the_page_is_plain():
    assert not Client().get("/jobs/").has_header("Content-Encoding")


def test_a_page_with_a_csrf_token_is_not_compressed():
    response = Client().get("/employers/log-in/", **GZIP)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")


def test_a_signed_in_visitor_gets_nothing_compressed(django_user_model):
    user = django_user_model.objects.create_user("reader", password="x-long-pass-1")
    client = Client()
    client.force_login(user)
    assert not client.get("/jobs/", **GZIP).has_header("Content-Encoding")


def test_etag_and_304_still_work_when_compressed():
    client = Client()
    first = client.get("/guides/", **GZIP)
    assert first["Content-Encoding"] == "gzip"
    etag = first["ETag"]
    again = client.get("/guides/", HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 304
