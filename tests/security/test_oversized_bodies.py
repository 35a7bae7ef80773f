"""Request bodies over Django's limits are refused cleanly: the site's 400 page, the API's error
format, a form error for a logo over its size; never a server error.

The limits are Django's defaults: DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB of fields, files not
counted), DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000 fields) and FILE_UPLOAD_MAX_MEMORY_SIZE (an
upload larger than 2.5 MB goes to a temporary file instead of memory)."""

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from jobs.models import Company, Job
from jobs.validators import LOGO_MAX_BYTES
from tests.api_clients import token_client
from tests.employers.helpers import LOG_IN_URL, NEW_URL, SIGN_UP_URL, job_data, make_employer
from tests.factories import make_job
from tests.jobs.test_admin import png_bytes

pytestmark = pytest.mark.django_db

TOO_BIG = django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024
TOO_MANY = django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 10
FORM = "application/x-www-form-urlencoded"
API_JOBS = "/api/v1/employer/jobs/"
COMPANY_URL = reverse("employers:company")
BAD_REQUEST_PAGE = "We could not understand that request"


def test_the_limits_are_djangos_defaults():
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000
    assert django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert LOGO_MAX_BYTES < django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE


@pytest.fixture
def employer():
    return make_employer()


def browser(url: str, user=None, *, enforce_csrf: bool) -> tuple[Client, dict]:
    """A client that loaded the form first (so that the CSRF check reads the body itself)."""
    client = Client(enforce_csrf_checks=enforce_csrf, raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    headers = {}
    if enforce_csrf:
        assert client.get(url).status_code == 200
        headers["X-CSRFToken"] = client.cookies[django_settings.CSRF_COOKIE_NAME].value
    return client, headers


def send(client, url: str, shape: str, fields: dict, headers: dict):
    if shape == "urlencoded":
        big = {**fields, "padding": "x" * TOO_BIG}
        return client.post(url, urlencode(big), FORM, headers=headers)
    if shape == "multipart":
        return client.post(url, {**fields, "padding": "x" * TOO_BIG}, headers=headers)
    if shape == "one-huge-field":
        name = next(iter(fields))
        return client.post(url, urlencode({**fields, name: "x" * TOO_BIG}), FORM, headers=headers)
    many = list(fields.items()) + [(f"f{n}", "x") for n in range(TOO_MANY)]
    if shape == "many-fields":
        return client.post(url, urlencode(many), FORM, headers=headers)
    data = {}  # many fields, multipart
    for key, value in many:
        data.setdefault(key, value)
    return client.post(url, data, headers=headers)


SHAPES = ["urlencoded", "multipart", "one-huge-field", "many-fields", "many-fields-multipart"]
SIGN_UP = {"email": "big@example.com", "password": "a-long-password", "company_name": "Big"}


def assert_bad_request_page(response) -> None:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert BAD_REQUEST_PAGE in response.content.decode()


@pytest.mark.parametrize("enforce_csrf", [False, True], ids=["csrf-off", "csrf-on"])
@pytest.mark.parametrize("shape", SHAPES)
def test_sign_up(shape, enforce_csrf):
    client, headers = browser(SIGN_UP_URL, enforce_csrf=enforce_csrf)
    assert_bad_request_page(send(client, SIGN_UP_URL, shape, SIGN_UP, headers))
    assert not Company.objects.exists()


@pytest.mark.parametrize("shape", SHAPES)
def test_log_in(employer, shape):
    client, headers = browser(LOG_IN_URL, enforce_csrf=False)
    fields = {"username": employer.user.email, "password": "wrong"}
    assert_bad_request_page(send(client, LOG_IN_URL, shape, fields, headers))


@pytest.mark.parametrize("enforce_csrf", [False, True], ids=["csrf-off", "csrf-on"])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_posting_form(employer, shape, enforce_csrf):
    client, headers = browser(NEW_URL, employer.user, enforce_csrf=enforce_csrf)
    fields = {"description": "Fine.", **job_data()}
    assert_bad_request_page(send(client, NEW_URL, shape, fields, headers))
    assert not Job.objects.exists()


@pytest.mark.parametrize("shape", SHAPES)
def test_the_company_form(employer, shape):
    client, headers = browser(COMPANY_URL, employer.user, enforce_csrf=False)
    fields = {"description": "Fine.", "website": ""}
    assert_bad_request_page(send(client, COMPANY_URL, shape, fields, headers))


# --- the API ------------------------------------------------------------------------------------


def api_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == status
    assert body["code"] == code
    return body


POSTING = {
    "title": "Data Engineer",
    "description": "Build pipelines.",
    "workplace": "remote",
    "country": "US",
    "remote_region": "anywhere in the U.S.",
    "apply_url": "https://acme.example/jobs/1",
}


@pytest.mark.parametrize("method", ["post", "patch", "put"])
@pytest.mark.parametrize("content_type", ["application/json", FORM, "multipart"])
def test_an_api_body_over_the_limit_is_a_413(employer, method, content_type):
    api = token_client(employer.user)
    job = make_job(company=employer.company)
    url = API_JOBS if method == "post" else f"{API_JOBS}{job.pk}/"
    big = {**POSTING, "description": "x" * TOO_BIG}
    if content_type == "application/json":
        response = getattr(api, method)(url, json.dumps(big), content_type=content_type)
    elif content_type == FORM:
        response = getattr(api, method)(url, urlencode(big), content_type=content_type)
    else:
        response = api.generic(method.upper(), url, *_multipart(big))
    body = api_error(response, 413, "too_large")
    assert body["detail"] == "The request body is too large."
    assert Job.objects.count() == 1


def _multipart(fields: dict) -> tuple[bytes, str]:
    return encode_multipart(BOUNDARY, fields), MULTIPART_CONTENT


@pytest.mark.parametrize("content_type", [FORM, "multipart"])
def test_too_many_fields_for_the_api_is_a_400(employer, content_type):
    api = token_client(employer.user)
    many = {**POSTING, **{f"f{n}": "x" for n in range(TOO_MANY)}}
    if content_type == FORM:
        response = api.post(API_JOBS, urlencode(many), content_type=FORM)
    else:
        response = api.post(API_JOBS, many)
    body = api_error(response, 400, "parse_error")
    assert body["detail"] == "The request could not be read."
    assert not Job.objects.exists()


def test_a_deeply_nested_json_body_is_a_400(employer):
    """A small body that would exhaust the parser's recursion."""
    api = token_client(employer.user)
    body = "[" * 100_000 + "]" * 100_000
    response = api.post(API_JOBS, body, content_type="application/json")
    api_error(response, 400, "parse_error")


# --- logos --------------------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    "size",
    [LOGO_MAX_BYTES + 1, django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1, TOO_BIG + 1024],
    ids=["over-the-logo-limit", "to-a-temporary-file", "over-the-field-limit"],
)
def test_a_logo_over_the_size_limit_is_a_form_error(employer, media, size):
    client, _ = browser(COMPANY_URL, employer.user, enforce_csrf=False)
    content = png_bytes() + b"\0" * (size - len(png_bytes()))
    logo = SimpleUploadedFile("logo.png", content, content_type="image/png")
    response = client.post(COMPANY_URL, {"description": "We do things.", "logo_upload": logo})
    assert response.status_code == 200
    errors = response.context["form"].errors["logo_upload"]
    assert any("the limit is 512.0\xa0KB" in error for error in errors), errors
    employer.company.refresh_from_db()
    assert not employer.company.logo
    assert not any(media.rglob("*"))


def test_a_body_over_the_overall_limit_is_refused_before_it_is_read(client, settings):
    settings.MAX_REQUEST_BYTES = 64 * 1024
    logo = SimpleUploadedFile("logo.png", b"\0" * 100_000, content_type="image/png")
    response = client.post(SIGN_UP_URL, {"email": "a@b.example", "logo": logo})
    assert response.status_code == 413
    assert "more than we accept" in response.text and "64.0\xa0KB in all" in response.text
    assert Company.objects.count() == 0


def test_an_api_body_over_the_overall_limit_gets_the_api_error_format(settings):
    settings.MAX_REQUEST_BYTES = 64 * 1024
    body = json.dumps({"title": "x" * 100_000})
    response = Client().post(API_JOBS, body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_bodies_within_the_overall_limit_go_through(client, settings):
    settings.MAX_REQUEST_BYTES = 64 * 1024
    response = client.post(SIGN_UP_URL, {"email": "not-an-address"})
    assert response.status_code == 200  # the form, with its errors
