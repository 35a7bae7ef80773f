"""The floor for `make bench`: routed only with BENCH_FLOOR, through every middleware."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

import config.urls


def reload_urls() -> None:
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def floor_enabled():
    with override_settings(BENCH_FLOOR=True):
        reload_urls()
        yield
    reload_urls()


def test_floor_is_absent_unless_enabled(client, settings):
    assert settings.BENCH_FLOOR is False
    assert client.get("/bench/floor/").status_code == 404


@pytest.mark.django_db
def test_floor_answers_a_small_page_through_the_middleware(
    floor_enabled, client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert len(response.content) < 200
    # The same middleware as every page: security headers and the request id.
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Request-ID"]
    assert client.post("/bench/floor/").status_code == 405
