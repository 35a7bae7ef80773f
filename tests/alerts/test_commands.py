"""The measuring commands: generate_alerts and send_alert_digests."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Alert, Subscriber
from jobs.choices import Workplace
from tests.factories import make_job, make_role

pytestmark = pytest.mark.django_db


def test_generate_alerts_then_send_them():
    roles = [make_role() for _ in range(4)]
    for n, role in enumerate(roles):
        make_job(role=role, city=["Berlin", "Munich"][n % 2], workplace=Workplace.HYBRID)
        make_job(role=role, posted_at=timezone.now() - timedelta(hours=3))
    out = io.StringIO()
    call_command("generate_alerts", count=40, per_address=4, stdout=out)
    assert "Added 40 alerts for 10 addresses" in out.getvalue()
    assert Alert.objects.confirmed().count() == 40
    assert Subscriber.objects.count() == 10
    assert len({a.query for a in Alert.objects.all()}) > 5
    out = io.StringIO()
    call_command("send_alert_digests", stdout=out)
    assert "Due alerts: 40" in out.getvalue()
    assert "Digests queued:" in out.getvalue() and "Time:" in out.getvalue()


def test_send_alert_digests_now_sends_a_just_confirmed_alert_its_new_posting(
    django_capture_on_commit_callbacks,
):
    """To try an alert at once: confirmed a minute ago, a posting approved a second ago."""
    from django.core import mail

    from alerts import services
    from tests.alerts.helpers import make_alert

    role = make_role(name="Vector Engineer")
    alert = make_alert(f"role={role.slug}")
    services.confirm(alert, now=timezone.now() - timedelta(minutes=1))
    Alert.objects.filter(pk=alert.pk).update(covered_until=timezone.now() - timedelta(minutes=1))
    job = make_job(role=role, title="Vector Search Engineer", posted_at=timezone.now())
    call_command("send_alert_digests", stdout=io.StringIO())
    assert mail.outbox == [], "not due for a day"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", now=True, stdout=io.StringIO())
    (message,) = mail.outbox
    assert job.title in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", now=True, stdout=io.StringIO())
    assert len(mail.outbox) == 1, "never the same posting twice"
