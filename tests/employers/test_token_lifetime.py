"""API tokens expire, have names unique per account, die with a password change or reset, and
failed token attempts are throttled per network address before any lookup."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core import ratelimit
from employers.models import ApiToken
from tests.api_clients import make_employer

pytestmark = pytest.mark.django_db

PAGE = "/employers/api-tokens/"
API = "/api/v1/employer/jobs/"


@pytest.fixture
def browser(employer):
    client = Client()
    client.force_login(employer.user)
    return client


def bearer(key: str, address: str = "192.0.2.1") -> Client:
    return Client(REMOTE_ADDR=address, headers={"Authorization": f"Bearer {key}"})


def test_a_token_expires_after_the_configured_days_and_the_list_says_when(
    browser, employer, settings
):
    settings.API_TOKEN_DAYS = 7
    before = timezone.now()
    browser.post(PAGE, {"name": "Nightly import"})
    token = ApiToken.objects.get()
    assert before + timedelta(days=7) <= token.expires_at <= timezone.now() + timedelta(days=7)
    listing = browser.get(PAGE).text
    assert "Expires" in listing
    assert f'datetime="{token.expires_at.replace(microsecond=0).isoformat()}"' in listing
    assert "A token works for 7 days" in listing


def test_the_default_lifetime_is_90_days(employer):
    token, _ = ApiToken.issue(user=employer.user, name="Default")
    assert abs(token.expires_at - (timezone.now() + timedelta(days=90))) < timedelta(minutes=1)


def test_an_expired_token_is_refused_and_shown_as_expired(browser, employer):
    token, key = ApiToken.issue(user=employer.user, name="Old sync")
    assert bearer(key).get(API).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = bearer(key).get(API)

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]
    assert "<strong>expired</strong>" in browser.get(PAGE).text


def test_a_name_is_used_once_per_account_ignoring_case(browser, employer):
    assert browser.post(PAGE, {"name": "Careers sync"}).status_code == 200
    response = browser.post(PAGE, {"name": "careers SYNC"})
    assert response.status_code == 200
    assert "You already have a token named" in response.text
    assert ApiToken.objects.count() == 1
    # Another account may use the name.
    other = make_employer("eve@other.example")
    ApiToken.issue(user=other.user, name="Careers sync")


def test_a_double_submitted_token_form_answers_the_form_with_a_message_not_a_500(browser, employer):
    """Both requests passed the name check (sent at once): the database's unique constraint
    refuses the second, which answers the form with its message."""
    first = browser.post(PAGE, {"name": "Careers sync"})
    assert first.status_code == 200
    with mock.patch("employers.token_views.name_in_use", return_value=False):
        second = browser.post(PAGE, {"name": "Careers sync"})
    assert second.status_code == 200
    assert "You already have a token named" in second.text
    assert ApiToken.objects.count() == 1


def test_changing_the_password_revokes_every_token(employer):
    _, key_one = ApiToken.issue(user=employer.user, name="One")
    _, key_two = ApiToken.issue(user=employer.user, name="Two")
    client = Client()
    client.force_login(employer.user)
    new = "an-entirely-new-passphrase"
    response = client.post(
        reverse("employers:password-change"),
        {"old_password": "a-long-test-password", "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert response.status_code == 200
    assert "Any API tokens you had stopped working" in response.text
    assert not ApiToken.objects.filter(user=employer.user).exists()
    assert bearer(key_one).get(API).status_code == 401
    assert bearer(key_two).get(API).status_code == 401


def test_resetting_the_password_revokes_every_token(employer, django_capture_on_commit_callbacks):
    _, key = ApiToken.issue(user=employer.user, name="One")
    other = make_employer("bystander@other.example")
    _, other_key = ApiToken.issue(user=other.user, name="Theirs")
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("employers:password-reset"), {"email": employer.user.email})
    link = re.search(r"/employers/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link)["Location"]
    new = "a-freshly-reset-passphrase"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=employer.user).exists()
    assert bearer(key).get(API).status_code == 401
    assert bearer(other_key).get(API).status_code == 200


def test_bogus_tokens_are_throttled_per_address_before_the_lookup(employer):
    limit = ratelimit.API_TOKEN_FAILURES
    for n in range(limit.count):
        response = bearer(f"jca_bogus{n}", "203.0.113.20").get(API)
        assert response.status_code == 401, n

    with mock.patch.object(ApiToken, "find", side_effect=AssertionError("looked up")):
        refused = bearer("jca_another-guess", "203.0.113.20").get(API)
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(limit.seconds)
    assert refused.json()["code"] == "throttled"

    # A working token from another address is not affected.
    _, key = ApiToken.issue(user=employer.user, name="Real")
    assert bearer(key, "203.0.113.21").get(API).status_code == 200


def test_expired_and_malformed_tokens_count_as_failures(employer):
    token, key = ApiToken.issue(user=employer.user, name="Old")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    address = "203.0.113.30"
    for n in range(ratelimit.API_TOKEN_FAILURES.count):
        attempt = key if n % 2 else "not-a-key"
        assert bearer(attempt, address).get(API).status_code == 401
    assert bearer(key, address).get(API).status_code == 429


@pytest.mark.usefixtures("latest_schema_after")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_gives_existing_tokens_90_days_and_renames_duplicates(django_user_model):
    executor = MigrationExecutor(connection)
    before = [("employers", "0002_tables_named_for_the_app")]
    after = [("employers", "0004_api_token_expiry_required_and_unique_names")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    user = old_apps.get_model("auth", "User").objects.create(username="old@acme.example")
    OldToken = old_apps.get_model("employers", "ApiToken")
    for n, name in enumerate(["Sync", "sync", "Other"]):
        OldToken.objects.create(user_id=user.pk, name=name, key_digest=f"d{n}", hint="jca_x")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    tokens = ApiToken.objects.filter(user_id=user.pk).order_by("key_digest")
    assert [t.name for t in tokens] == ["Sync", "sync (2)", "Other"]
    expected = timezone.now() + timedelta(days=90)
    assert all(abs(t.expires_at - expected) < timedelta(minutes=5) for t in tokens)
