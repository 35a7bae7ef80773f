"""Unconfirmed addresses go after 30 days; moderators, not editors, see alerts in the admin."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from alerts import services
from alerts.models import Alert, AlertSend, Subscriber
from tests.factories import make_editor

from .helpers import make_alert

pytestmark = pytest.mark.django_db


def test_remove_unconfirmed_after_thirty_days():
    long_ago = timezone.now() - timedelta(days=31)
    stale = make_alert("workplace=remote", email="stale@example.com")
    Alert.objects.filter(pk=stale.pk).update(confirmed_at=None, created_at=long_ago)
    Subscriber.objects.filter(pk=stale.subscriber_id).update(confirmed_at=None, created_at=long_ago)
    fresh = make_alert("workplace=remote", email="fresh@example.com")
    Alert.objects.filter(pk=fresh.pk).update(confirmed_at=None)
    kept = make_alert("workplace=remote", email="kept@example.com")
    old_pending = make_alert("q=pytorch", email="kept@example.com")
    Alert.objects.filter(pk=old_pending.pk).update(confirmed_at=None, created_at=long_ago)

    outcome = services.remove_unconfirmed()
    assert outcome == "2 unconfirmed alerts and 1 addresses removed"
    assert set(Alert.objects.all()) == {fresh, kept}
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "fresh@example.com",
        "kept@example.com",
    }


def test_moderators_manage_alerts_and_editors_do_not_see_them(client):
    moderators = Group.objects.get(name="Moderators")
    codes = set(
        moderators.permissions.filter(content_type__app_label="alerts").values_list(
            "codename", flat=True
        )
    )
    assert codes == {
        f"{action}_{model}"
        for model in ("subscriber", "alert", "alertsend")
        for action in ("view", "change", "delete")
    }
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(content_type__app_label="alerts").exists()

    alert = make_alert("workplace=remote", email="bounce@example.com")
    AlertSend.objects.create(alert=alert, job_count=3, job_ids=[1, 2, 3])
    moderator = get_user_model().objects.create_user("mod", password="pw-for-tests", is_staff=True)
    moderator.groups.add(moderators)
    client.force_login(moderator)
    page = client.get(reverse("admin:alerts_subscriber_change", args=[alert.subscriber_id]))
    assert page.status_code == 200 and "bounce@example.com" in page.content.decode()
    page = client.get(reverse("admin:alerts_alert_change", args=[alert.pk]))
    assert page.status_code == 200 and "Jobs, remote" in page.content.decode()
    assert client.get(reverse("admin:alerts_subscriber_changelist")).status_code == 200

    client.force_login(make_editor())
    assert client.get(reverse("admin:alerts_subscriber_changelist")).status_code == 403
    assert client.get(reverse("admin:alerts_alert_changelist")).status_code == 403
