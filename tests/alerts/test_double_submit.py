"""The alert form sent twice at once (a double click, a retrying client): both answer the
first's page, never a 500, and one alert is saved. Replayed sequentially with the check that
would have seen the first request's alert made to miss, and on PostgreSQL with two threads."""

import contextlib
import threading
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from alerts.models import Alert, AlertQuerySet, Subscriber, SubscriberQuerySet

from .helpers import CREATE_URL

DATA = {"email": "grace@hopper.example", "frequency": "daily", "search": "workplace=remote"}


def missing_once(real):
    """`first()` that misses the first time it is asked: the second request looked before the
    first one's row was there."""
    calls = []

    def first(queryset):
        calls.append(1)
        return None if len(calls) == 1 else real(queryset)

    return first


@pytest.mark.django_db
def test_a_second_identical_post_that_missed_the_first_answers_the_same(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(CREATE_URL, DATA)
    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch.object(AlertQuerySet, "first", missing_once(AlertQuerySet.first)),
    ):
        second = client.post(CREATE_URL, DATA)  # its insert meets the unique constraint
    assert (second.status_code, second["Location"]) == (first.status_code, first["Location"])
    assert Alert.objects.count() == 1
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Confirm your job alert"] * 2


@pytest.mark.django_db
def test_a_second_post_that_missed_the_new_address_answers_the_same(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CREATE_URL, DATA)
    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch.object(SubscriberQuerySet, "first", missing_once(SubscriberQuerySet.first)),
    ):
        second = client.post(CREATE_URL, DATA)
    assert second.status_code == 302
    assert (Subscriber.objects.count(), Alert.objects.count()) == (1, 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("known_address", [False, True])
def test_two_identical_posts_at_once_save_one_alert(known_address):
    if known_address:
        Client().post(CREATE_URL, {**DATA, "search": "workplace=hybrid"})
    together = threading.Barrier(2)
    real_first = {model: model.first for model in (SubscriberQuerySet, AlertQuerySet)}
    answers: list[tuple[int, str]] = []

    def first_together(queryset):
        found = real_first[type(queryset)](queryset)
        if found is None:
            # Both looked and found nothing; both go on to insert. (With the address locked,
            # the second waits for the first's commit instead, and the wait times out.)
            with contextlib.suppress(threading.BrokenBarrierError):
                together.wait(timeout=3)
        return found

    def post():
        try:
            response = Client().post(CREATE_URL, DATA)
            answers.append((response.status_code, response.get("Location", "")))
        finally:
            connection.close()

    with (
        mock.patch.object(SubscriberQuerySet, "first", first_together),
        mock.patch.object(AlertQuerySet, "first", first_together),
    ):
        threads = [threading.Thread(target=post) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert answers == [(302, "/alerts/sent/")] * 2
    assert Subscriber.objects.count() == 1
    assert Alert.objects.filter(query=DATA["search"]).count() == 1
