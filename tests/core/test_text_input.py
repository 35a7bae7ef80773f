"""The API and the admin answer 400 to query strings that are not text a database can hold (a NUL
byte made the admin's list filters fail with a 500 on PostgreSQL)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from core.text_input import is_text
from tests.factories import make_guide, make_job

pytestmark = pytest.mark.django_db


def test_what_counts_as_text():
    assert is_text("Data Engineer, Zürich 🚀")
    assert not is_text("data\x00")
    assert not is_text("\ud800")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/jobs/job/?status=%00",
        "/admin/jobs/job/?workplace=x%00",
        "/admin/roles/guide/?status=%00",
        "/admin/jobs/job/?q=%00",
        "/admin/jobs/job/?%00=1",
    ],
)
def test_admin_filters_refuse_nul_bytes_with_the_400_page(url):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-pw-pw-pw")
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 400
    assert b"Bad request" in response.content or b"bad request" in response.content.lower()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/jobs/?q=%00",
        "/api/v1/guides/?q=data%00",
        "/api/v1/roles/?q=%00",
        "/api/v1/companies/?q=%00",
        "/api/v1/salaries/?q=%00",
        "/api/v1/jobs/?%00x=1",
    ],
)
def test_api_parameters_refuse_nul_bytes_in_the_error_format(url):
    make_job()
    make_guide()
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid" and body["errors"]


def test_public_pages_still_clean_such_characters_themselves(client):
    make_job(title="Data Engineer")
    assert client.get("/jobs/?q=data%00").status_code == 200
    assert client.get("/search/?q=data%00").status_code == 200
