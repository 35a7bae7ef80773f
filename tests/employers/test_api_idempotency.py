"""The API's "post a job" with an Idempotency-Key: a retried POST answers with the posting the
first one made, never a second posting; the same key with other content is refused."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from employers.api import idempotency
from employers.models import IdempotencyKey
from jobs.models import Job
from tests.api_clients import make_employer, token_client
from tests.employers.test_api import URL, posting

pytestmark = pytest.mark.django_db


def post(client, data, key=None):
    headers = {"Idempotency-Key": key} if key is not None else {}
    return client.post(URL, data, content_type="application/json", headers=headers)


@pytest.fixture
def client():
    return token_client(make_employer().user)


def test_a_retried_post_answers_with_the_first_posting(client):
    first = post(client, posting(), key="sync-42")
    again = post(client, posting(), key="sync-42")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true"
    assert Job.objects.count() == 1


def test_without_a_key_or_with_another_key_each_post_is_a_posting(client):
    post(client, posting())
    post(client, posting(), key="a")
    post(client, posting(), key="b")
    assert Job.objects.count() == 3


def test_the_same_key_with_other_content_is_refused(client):
    post(client, posting(), key="sync-42")
    response = post(client, posting(title="Staff Data Engineer"), key="sync-42")
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["detail"]
    assert Job.objects.count() == 1


@pytest.mark.parametrize("key", ["", "x" * 101, "with space", "naïve"])
def test_a_malformed_key_is_a_clear_400(client, key):
    response = post(client, posting(), key=key)
    assert response.status_code == 400
    assert "Idempotency-Key" in str(response.json())
    assert not Job.objects.exists()


def test_keys_belong_to_one_company():
    ours, theirs = (
        token_client(make_employer().user),
        token_client(make_employer("hr@other.example").user),
    )
    post(ours, posting(), key="shared-name")
    response = post(theirs, posting(), key="shared-name")
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert Job.objects.count() == 2


def test_a_key_is_kept_a_day(client):
    post(client, posting(), key="daily")
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert post(client, posting(), key="daily").status_code == 201
    assert Job.objects.count() == 2, "an expired key makes a new posting"
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert idempotency.forget_old() == "forgot 1 idempotency key(s)"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_racing_posts_with_one_key_make_one_posting():
    user = make_employer().user
    clients = [token_client(user), token_client(user)]
    answers = []
    barrier = threading.Barrier(2)

    def send(client):
        barrier.wait()
        try:
            answers.append(post(client, posting(), key="race"))
        except Exception as error:  # reported below, with the other thread's answer
            answers.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=[client]) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [getattr(a, "status_code", repr(a)) for a in answers] == [201, 201], answers
    assert len({a.json()["id"] for a in answers}) == 1
    assert Job.objects.count() == 1
