"""Limits on sign-ups, log-ins, password resets and submissions; they hold without the cache."""

import contextlib
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from core import ratelimit
from jobs.choices import JobStatus
from tests.factories import make_company

from .helpers import (
    DASHBOARD_URL,
    LOG_IN_URL,
    PASSWORD,
    SIGN_UP_URL,
    action_url,
    client_for,
    make_draft,
    make_employer,
)

pytestmark = pytest.mark.django_db

CACHES = ["default", "ratelimit"]

RESET_URL = reverse("employers:password-reset")


@pytest.fixture(autouse=True)
def _empty_fallback():
    ratelimit._fallback.clear()
    yield
    ratelimit._fallback.clear()


def sign_up_data(n: int) -> dict:
    return {
        "email": f"person{n}@company{n}.example",
        "password": PASSWORD,
        "company_name": f"Company number {n}",
        "company_website": "",
        "nickname": "",
    }


def assert_too_many(response, limit: ratelimit.Limit) -> None:
    assert response.status_code == 429
    assert response["Retry-After"] == str(limit.seconds)


def test_the_sixth_sign_up_from_one_address_in_an_hour_is_refused():
    for n in range(5):
        response = Client(REMOTE_ADDR="203.0.113.7").post(SIGN_UP_URL, sign_up_data(n))
        assert response.status_code == 302, n
    response = Client(REMOTE_ADDR="203.0.113.7").post(SIGN_UP_URL, sign_up_data(5))
    assert_too_many(response, ratelimit.SIGN_UP)
    assert get_user_model().objects.count() == 5
    # Another address is not affected.
    assert Client(REMOTE_ADDR="198.51.100.1").post(SIGN_UP_URL, sign_up_data(6)).status_code == 302


def test_failed_sign_ups_count_too():
    client = Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(5):
        assert client.post(SIGN_UP_URL, {"email": "nope"}).status_code == 200
    assert_too_many(client.post(SIGN_UP_URL, sign_up_data(1)), ratelimit.SIGN_UP)


def log_in(client, email: str, password: str):
    return client.post(LOG_IN_URL, {"username": email, "password": password})


def test_five_failures_lock_the_account_but_not_others():
    make_employer("target@victim.example")
    make_employer("bystander@other.example")
    for n in range(5):
        response = log_in(Client(REMOTE_ADDR=f"192.0.2.{n}"), "target@victim.example", "wrong")
        assert response.status_code == 200
    client = Client(REMOTE_ADDR="192.0.2.99")
    response = log_in(client, "TARGET@victim.example", PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts for this account" in response.content.decode()
    assert client.get(DASHBOARD_URL).status_code == 302
    other = Client(REMOTE_ADDR="192.0.2.99")
    assert log_in(other, "bystander@other.example", PASSWORD).status_code == 302
    assert other.get(DASHBOARD_URL).status_code == 200


def test_a_successful_log_in_clears_the_failures():
    make_employer("someone@acme.example")
    client = Client()
    for _ in range(4):
        log_in(client, "someone@acme.example", "wrong")
    assert log_in(client, "someone@acme.example", PASSWORD).status_code == 302
    client = Client()
    for _ in range(4):
        log_in(client, "someone@acme.example", "wrong")
    assert log_in(client, "someone@acme.example", PASSWORD).status_code == 302


def test_log_ins_per_address_are_limited():
    client = Client(REMOTE_ADDR="192.0.2.50")
    for n in range(ratelimit.LOG_IN.count):
        assert log_in(client, f"u{n}@x.example", "wrong").status_code == 200
    assert_too_many(log_in(client, "u@x.example", "wrong"), ratelimit.LOG_IN)


def test_password_resets_are_limited():
    make_employer("someone@acme.example")
    client = Client(REMOTE_ADDR="192.0.2.60")
    for _ in range(5):
        assert client.post(RESET_URL, {"email": "someone@acme.example"}).status_code == 302
    assert_too_many(
        client.post(RESET_URL, {"email": "someone@acme.example"}), ratelimit.PASSWORD_RESET
    )


def test_submissions_are_limited_per_company():
    company = make_company()
    first = make_employer(company=company)
    second = make_employer(company=company, created_company=False)
    jobs = [make_draft(company, title=f"Job {n}") for n in range(11)]
    for n, job in enumerate(jobs[:10]):
        owner = first if n % 2 else second
        assert client_for(owner.user).post(action_url(job, "submit")).status_code == 302
    response = client_for(first.user).post(action_url(jobs[10], "submit"))
    assert_too_many(response, ratelimit.SUBMISSION)
    jobs[10].refresh_from_db()
    assert jobs[10].status == JobStatus.DRAFT
    # Another company may still submit.
    other = make_employer()
    job = make_draft(other.company)
    assert client_for(other.user).post(action_url(job, "submit")).status_code == 302


@pytest.fixture
def broken_cache():
    """Every call to the shared caches (pages, rate limits) fails as if the server were down."""
    error = ConnectionError("cache server unreachable")
    names = ["get", "set", "add", "incr", "delete", "get_many", "set_many", "delete_many"]
    broken = {alias: {name: mock.Mock(side_effect=error) for name in names} for alias in CACHES}
    with contextlib.ExitStack() as stack:
        for alias, mocks in broken.items():
            stack.enter_context(mock.patch.multiple(caches[alias], **mocks))
        yield
    assert broken["ratelimit"]["add"].called, "the limits did try the shared cache first"


def test_sign_up_and_log_in_work_without_the_cache(broken_cache):
    client = Client(REMOTE_ADDR="203.0.113.30")
    assert client.post(SIGN_UP_URL, sign_up_data(1)).status_code == 302
    fresh = Client(REMOTE_ADDR="203.0.113.31")
    assert log_in(fresh, "person1@company1.example", PASSWORD).status_code == 302


def test_limits_are_still_counted_without_the_cache(broken_cache):
    for n in range(5):
        client = Client(REMOTE_ADDR="203.0.113.40")
        assert client.post(SIGN_UP_URL, sign_up_data(n)).status_code == 302
    response = Client(REMOTE_ADDR="203.0.113.40").post(SIGN_UP_URL, sign_up_data(9))
    assert_too_many(response, ratelimit.SIGN_UP)

    make_employer("locked@acme.example")
    for _ in range(5):
        log_in(Client(), "locked@acme.example", "wrong")
    response = log_in(Client(), "locked@acme.example", PASSWORD)
    assert "Too many failed attempts for this account" in response.content.decode()


def test_new_confirmation_links_are_limited_per_account(django_capture_on_commit_callbacks):
    from django.core import mail

    employer = make_employer(verified=False)
    client = client_for(employer.user)
    url = reverse("employers:verify-again")
    for _ in range(ratelimit.VERIFICATION_EMAIL.count):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url).status_code == 302
    assert len(mail.outbox) == ratelimit.VERIFICATION_EMAIL.count
    assert_too_many(client.post(url), ratelimit.VERIFICATION_EMAIL)
    assert len(mail.outbox) == ratelimit.VERIFICATION_EMAIL.count
    assert client.get(url).status_code == 405
