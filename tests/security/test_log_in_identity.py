"""Log-in failures are counted per account, whatever spelling of its name an attempt uses, and
per network address, for the employers' log-in and the admin's alike (core.ratelimit)."""

import pytest
from django.test import Client

from core import ratelimit
from tests.employers.helpers import DASHBOARD_URL, LOG_IN_URL, PASSWORD, make_employer

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/login/"


def test_identity_folds_width_case_compatibility_and_spaces():
    assert ratelimit.identity("ＴＡＲＧＥＴ@Victim.Example ") == "target@victim.example"
    assert ratelimit.identity("\N{KELVIN SIGN}ate") == "kate"
    assert ratelimit.identity("Straße") == ratelimit.identity("STRASSE")
    assert ratelimit.identity("\N{LATIN SMALL LIGATURE FI}nn") == "finn"


def test_failures_under_spelling_variants_pause_the_one_account():
    make_employer("target@victim.example")
    spellings = [
        "ｔａｒｇｅｔ@victim.example",
        "TARGET@VICTIM.EXAMPLE",
        "target@victim.exa\N{FULLWIDTH LATIN SMALL LETTER M}ple",
        "  Target@Victim.Example  ",
        "ｔａｒｇｅｔ@ｖｉｃｔｉｍ.ｅｘａｍｐｌｅ",
    ]
    for n, spelling in enumerate(spellings):
        client = Client(REMOTE_ADDR=f"192.0.2.{n}")
        response = client.post(LOG_IN_URL, {"username": spelling, "password": "wrong"})
        assert response.status_code == 200

    client = Client(REMOTE_ADDR="192.0.2.99")
    response = client.post(LOG_IN_URL, {"username": "target@victim.example", "password": PASSWORD})

    assert "Too many failed attempts for this account" in response.content.decode()
    assert client.get(DASHBOARD_URL).status_code == 302  # not logged in


def test_admin_failures_under_spelling_variants_pause_the_one_account(django_user_model):
    django_user_model.objects.create_user("boss", "boss@example.com", PASSWORD, is_staff=True)
    for n, spelling in enumerate(["ｂｏｓｓ", "BOSS", "Boss ", "ＢＯＳＳ", " boss"]):
        client = Client(REMOTE_ADDR=f"198.51.100.{n}")
        assert client.post(ADMIN_URL, {"username": spelling, "password": "x"}).status_code == 200

    response = Client().post(ADMIN_URL, {"username": "boss", "password": PASSWORD})

    assert response.status_code == 429


def test_failures_from_one_address_across_many_accounts_pause_the_address(settings):
    limit = ratelimit.LOG_IN_ADDRESS_FAILURES
    make_employer("real@acme.example")
    # Spread over time windows of the per-attempt limit: only the failures count here.
    for n in range(limit.count):
        ratelimit.clear(ratelimit.LOG_IN, "203.0.113.5")
        response = Client(REMOTE_ADDR="203.0.113.5").post(
            LOG_IN_URL, {"username": f"guess{n}@acme.example", "password": "wrong"}
        )
        assert response.status_code == 200, n

    refused = Client(REMOTE_ADDR="203.0.113.5").post(
        LOG_IN_URL, {"username": "real@acme.example", "password": PASSWORD}
    )
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(limit.seconds)
    # Another address logs in to the same account.
    other = Client(REMOTE_ADDR="203.0.113.6")
    ok = other.post(LOG_IN_URL, {"username": "real@acme.example", "password": PASSWORD})
    assert ok.status_code == 302


def test_the_admin_counts_failures_per_address_too(django_user_model):
    limit = ratelimit.LOG_IN_ADDRESS_FAILURES
    django_user_model.objects.create_user("boss", "boss@example.com", PASSWORD, is_staff=True)
    for n in range(limit.count):
        ratelimit.clear(ratelimit.LOG_IN, "203.0.113.9")
        Client(REMOTE_ADDR="203.0.113.9").post(ADMIN_URL, {"username": f"u{n}", "password": "x"})

    response = Client(REMOTE_ADDR="203.0.113.9").post(
        ADMIN_URL, {"username": "boss", "password": PASSWORD}
    )

    assert response.status_code == 429


def test_a_success_does_not_clear_the_address_failures():
    limit = ratelimit.LOG_IN_ADDRESS_FAILURES
    make_employer("mine@acme.example")
    for n in range(limit.count - 1):
        ratelimit.clear(ratelimit.LOG_IN, "203.0.113.7")
        Client(REMOTE_ADDR="203.0.113.7").post(
            LOG_IN_URL, {"username": f"guess{n}@acme.example", "password": "wrong"}
        )
    ratelimit.clear(ratelimit.LOG_IN, "203.0.113.7")
    mine = {"username": "mine@acme.example", "password": PASSWORD}
    assert Client(REMOTE_ADDR="203.0.113.7").post(LOG_IN_URL, mine).status_code == 302
    Client(REMOTE_ADDR="203.0.113.7").post(
        LOG_IN_URL, {"username": "last@acme.example", "password": "wrong"}
    )

    assert Client(REMOTE_ADDR="203.0.113.7").post(LOG_IN_URL, mine).status_code == 429
