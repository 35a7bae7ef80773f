"""Every write to alerts: saving a search, confirming it, changing and deleting alerts, and the
daily clean-up. Views and commands call these; nothing happens in signals."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alerts import tokens
from alerts.addresses import normalize_address
from alerts.models import Alert, Frequency, Subscriber
from core import email

MAX_ALERTS = 20  # per address
UNCONFIRMED_DAYS = 30  # then an unconfirmed address or alert is deleted


def manage_url(subscriber: Subscriber) -> str:
    return email.link(reverse("alerts:manage", args=[tokens.manage_token(subscriber)]))


def unsubscribe_url(alert: Alert) -> str:
    return email.link(reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(alert)]))


@transaction.atomic
def save_search(*, address: str, query: str, description: str, frequency: str) -> None:
    """Save a search for an address and e-mail it the link that confirms it.

    Every new alert is confirmed on its own, even for an address confirmed before: otherwise
    anyone could add searches to someone else's address. The page answers the same whatever
    happens here; what differs goes in the e-mail, to the address's owner only: an alert that
    exists already (a note with the link to manage it), or an address at MAX_ALERTS."""
    address = normalize_address(address)
    # Locked (PostgreSQL) until this transaction ends, so two saves for one address take turns
    # and the count below cannot be passed by saving several searches at once.
    subscriber = Subscriber.objects.select_for_update().with_address(address).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=address)
        except IntegrityError:  # saved at the same moment by another request
            subscriber = Subscriber.objects.select_for_update().with_address(address).get()
    existing = subscriber.alerts.filter(query=query).first()
    if existing is None:
        if subscriber.alerts.count() >= MAX_ALERTS:
            _send_note("alert_limit", subscriber, None)
            return
        try:
            with transaction.atomic():
                alert = Alert.objects.create(
                    subscriber=subscriber, query=query, description=description, frequency=frequency
                )
        except IntegrityError:  # the same form sent twice at once: answered as a repeat
            existing = subscriber.alerts.get(query=query)
        else:
            _send_confirmation(alert)
            return
    if existing.confirmed_at is None:
        _send_confirmation(existing)
    else:
        _send_note("alert_exists", subscriber, existing)


def _send_confirmation(alert: Alert) -> None:
    url = email.link(reverse("alerts:confirm", args=[tokens.confirm_token(alert)]))
    context = {"alert": alert, "confirm_url": url, "days": tokens.CONFIRM_DAYS}
    email.send("alert_confirm", [alert.subscriber.email], context)


def _send_note(template: str, subscriber: Subscriber, alert: Alert | None) -> None:
    context = {
        "alert": alert,
        "max_alerts": MAX_ALERTS,
        "manage_url": manage_url(subscriber),
        "search_url": email.link(alert.search_url) if alert else "",
    }
    email.send(template, [subscriber.email], context)


@transaction.atomic
def confirm(alert: Alert, now: datetime | None = None) -> bool:
    """Confirm the alert and its address; its first digest lists what is posted from now on.
    False when it was confirmed already (a link opened twice)."""
    now = now or timezone.now()
    updated = Alert.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
        confirmed_at=now, covered_until=now
    )
    Subscriber.objects.filter(pk=alert.subscriber_id, confirmed_at__isnull=True).update(
        confirmed_at=now
    )
    alert.refresh_from_db()
    return bool(updated)


def change_frequency(alert: Alert, frequency: str) -> None:
    alert.frequency = Frequency(frequency)
    alert.save(update_fields=["frequency"])


@transaction.atomic
def delete_alert(alert: Alert) -> None:
    """Delete the alert, and the address with its last alert: nothing is kept about it."""
    subscriber_id = alert.subscriber_id
    alert.delete()
    Subscriber.objects.filter(pk=subscriber_id, alerts__isnull=True).delete()


def delete_subscriber(subscriber: Subscriber) -> None:
    """Every alert of the address, its send history and the address itself."""
    subscriber.delete()


def remove_unconfirmed(now: datetime | None = None) -> str:
    """Delete alerts never confirmed within UNCONFIRMED_DAYS, and addresses left with none (or
    never confirmed). A periodic job (settings.PERIODIC_JOBS)."""
    cutoff = (now or timezone.now()) - timedelta(days=UNCONFIRMED_DAYS)
    with transaction.atomic():
        old_alerts = Alert.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff)
        alerts = old_alerts.delete()[1].get(Alert._meta.label, 0)
        # An address never confirmed has only unconfirmed alerts, so it is among these.
        empty = Subscriber.objects.filter(created_at__lt=cutoff, alerts__isnull=True)
        subscribers = empty.delete()[1].get(Subscriber._meta.label, 0)
    return f"{alerts} unconfirmed alerts and {subscribers} addresses removed"
