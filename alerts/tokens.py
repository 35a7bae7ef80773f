"""Signed links in alert e-mails. A token names rows by id with the address's random key (never
the address: a signed value is readable by anyone holding it), so deleting an address, or
replacing its key, voids every link sent to it."""

from django.core import signing

from alerts.models import Alert, Subscriber

CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_DAYS = 7


class Invalid(Exception):
    """Tampered with or cut short: no row could ever match it."""


class Expired(Exception):
    """Signed by the site, but past its time limit."""


class Gone(Exception):
    """Signed by the site, but what it names no longer exists (deleted, or a replaced key)."""


def _sign(salt: str, pk: int, key: str) -> str:
    return signing.dumps([pk, key], salt=salt)


def _read(token: str, salt: str, max_age: int | None = None) -> tuple[int, str]:
    try:
        pk, key = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise Expired from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise Invalid from error
    if not isinstance(pk, int) or not isinstance(key, str):
        raise Invalid
    return pk, key


def confirm_token(alert: Alert) -> str:
    return _sign(CONFIRM_SALT, alert.pk, alert.subscriber.key)


def manage_token(subscriber: Subscriber) -> str:
    return _sign(MANAGE_SALT, subscriber.pk, subscriber.key)


def unsubscribe_token(alert: Alert) -> str:
    return _sign(UNSUBSCRIBE_SALT, alert.pk, alert.subscriber.key)


def _alert(token: str, salt: str, max_age: int | None = None) -> Alert:
    pk, key = _read(token, salt, max_age)
    alert = Alert.objects.select_related("subscriber").filter(pk=pk, subscriber__key=key).first()
    if alert is None:
        raise Gone
    return alert


def alert_to_confirm(token: str) -> Alert:
    return _alert(token, CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 60 * 60)


def alert_to_unsubscribe(token: str) -> Alert:
    return _alert(token, UNSUBSCRIBE_SALT)


def subscriber_to_manage(token: str) -> Subscriber:
    pk, key = _read(token, MANAGE_SALT)
    subscriber = Subscriber.objects.filter(pk=pk, key=key).first()
    if subscriber is None:
        raise Gone
    return subscriber
