"""The links in alert e-mails: manage, unsubscribe (with RFC 8058 one-click), and what a
tampered, expired or replayed link shows."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts import services, tokens
from alerts.models import Alert, Subscriber

from .helpers import make_alert

pytestmark = pytest.mark.django_db


def manage_path(subscriber) -> str:
    return reverse("alerts:manage", args=[tokens.manage_token(subscriber)])


def unsubscribe_path(alert) -> str:
    return reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(alert)])


def test_the_manage_page_lists_alerts_with_the_address_masked(client):
    alert = make_alert("workplace=remote", email="grace@hopper.example")
    make_alert("q=pytorch", email="grace@hopper.example")
    page = client.get(manage_path(alert.subscriber))
    html = page.content.decode()
    assert page.status_code == 200
    assert "g***@hopper.example" in html and "grace@hopper.example" not in html
    assert "Jobs, remote" in html and "Jobs matching “pytorch”" in html
    assert 'href="/jobs/?workplace=remote"' in html
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"


def test_changing_frequency_and_deleting_from_the_manage_page():
    client = Client(enforce_csrf_checks=True)
    alert = make_alert("workplace=remote")
    other = make_alert("q=pytorch")
    path = manage_path(alert.subscriber)
    page = client.get(path)
    token = page.context["csrf_token"]
    done = client.post(
        path,
        {
            "action": "frequency",
            "alert": alert.pk,
            "frequency": "weekly",
            "csrfmiddlewaretoken": token,
        },
    )
    assert done.status_code == 302
    alert.refresh_from_db()
    assert alert.frequency == "weekly"
    client.post(path, {"action": "delete", "alert": other.pk, "csrfmiddlewaretoken": token})
    assert list(Alert.objects.all()) == [alert]
    last = client.post(path, {"action": "delete", "alert": alert.pk, "csrfmiddlewaretoken": token})
    assert last["Location"] == reverse("alerts:removed")
    assert not Subscriber.objects.exists()  # the address goes with its last alert
    assert client.get(path).status_code == 410


def test_delete_all_removes_the_address_and_its_history(client):
    alert = make_alert("workplace=remote")
    make_alert("q=pytorch")
    response = client.post(manage_path(alert.subscriber), {"action": "delete-all"})
    assert response["Location"] == reverse("alerts:removed")
    assert not Subscriber.objects.exists() and not Alert.objects.exists()


def test_another_addresses_alert_cannot_be_touched(client):
    mine = make_alert("workplace=remote", email="me@example.com")
    theirs = make_alert("workplace=remote", email="them@example.com")
    response = client.post(manage_path(mine.subscriber), {"action": "delete", "alert": theirs.pk})
    assert response.status_code == 404
    response = client.post(manage_path(mine.subscriber), {"action": "delete", "alert": "x"})
    assert response.status_code == 404
    assert Alert.objects.count() == 2


def test_opening_the_unsubscribe_link_deletes_nothing(client):
    alert = make_alert("workplace=remote")
    page = client.get(unsubscribe_path(alert))
    assert page.status_code == 200 and "Unsubscribe" in page.content.decode()
    assert Alert.objects.filter(pk=alert.pk).exists()


def test_one_click_unsubscribe_needs_no_csrf_token():
    client = Client(enforce_csrf_checks=True)
    alert = make_alert("workplace=remote")
    make_alert("q=pytorch")
    response = client.post(unsubscribe_path(alert), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Alert.objects.filter(pk=alert.pk).exists()
    assert Subscriber.objects.exists()  # another alert remains
    replay = client.post(unsubscribe_path(alert), {"List-Unsubscribe": "One-Click"})
    assert replay.status_code == 410


def test_the_unsubscribe_button_deletes_and_offers_the_rest():
    client = Client(enforce_csrf_checks=True)
    alert = make_alert("workplace=remote")
    only = make_alert("q=pytorch", email="only@example.com")
    page = client.post(unsubscribe_path(alert))
    assert "You are unsubscribed" in page.content.decode()
    assert "Manage your other alerts" not in page.content.decode()
    assert not Subscriber.objects.filter(pk=alert.subscriber_id).exists()
    assert Alert.objects.get() == only


@pytest.mark.parametrize("name", ["confirm", "manage", "unsubscribe"])
def test_a_tampered_link_gets_a_clear_400(client, name):
    alert = make_alert("workplace=remote")
    token = {
        "confirm": tokens.confirm_token,
        "manage": lambda a: tokens.manage_token(a.subscriber),
        "unsubscribe": tokens.unsubscribe_token,
    }[name](alert)
    for bad in (token[:-2] + "xx", "nonsense", token.replace(":", "", 1), "a" * 500):
        for method in (client.get, client.post):
            response = method(reverse(f"alerts:{name}", args=[bad]))
            assert response.status_code == 400, (bad, method)
            assert "This link does not work" in response.content.decode()
    assert Alert.objects.filter(pk=alert.pk).exists()


def test_an_expired_confirmation_link_gets_a_410(client, settings):
    alert = make_alert("workplace=remote")
    Alert.objects.filter(pk=alert.pk).update(confirmed_at=None)
    with pytest.MonkeyPatch.context() as patch:
        later = timezone.now() - timedelta(days=tokens.CONFIRM_DAYS, minutes=1)
        patch.setattr("django.core.signing.time.time", lambda: later.timestamp())
        token = tokens.confirm_token(alert)
    response = client.post(reverse("alerts:confirm", args=[token]))
    assert response.status_code == 410 and "expired" in response.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None


def test_a_replayed_confirmation_says_so_and_changes_nothing(client):
    alert = make_alert("workplace=remote")
    covered = alert.covered_until
    response = client.post(reverse("alerts:confirm", args=[tokens.confirm_token(alert)]))
    assert response.status_code == 200 and "This alert is confirmed" in response.content.decode()
    alert.refresh_from_db()
    assert alert.covered_until == covered


def test_links_of_a_deleted_address_are_gone(client):
    alert = make_alert("workplace=remote")
    paths = [
        reverse("alerts:confirm", args=[tokens.confirm_token(alert)]),
        manage_path(alert.subscriber),
        unsubscribe_path(alert),
    ]
    services.delete_alert(alert)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 410 and "no longer exists" in response.content.decode()
