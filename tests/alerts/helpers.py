"""Shared by the alert tests: saving and confirming alerts, running digests, reading e-mail."""

import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from alerts import digests, searches, services
from alerts.models import Alert

SITE = "https://board.example"
CREATE_URL = reverse("alerts:create")


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def path_of(url: str) -> str:
    return url.removeprefix(SITE)


def link_to(message, name: str) -> str:
    """The path of the first link in the message's text to /alerts/<name>/…"""
    prefix = f"{SITE}/alerts/{name}/"
    return path_of(next(url for url in links(message.body) if url.startswith(prefix)))


def make_alert(search: str = "", email: str = "grace@hopper.example", **fields) -> Alert:
    """A saved, confirmed alert whose first digest covers the last day."""
    filterset = searches.job_filter(search)
    query = searches.canonical(filterset)
    services.save_search(
        address=email, query=query, description=searches.describe(filterset), frequency="daily"
    )
    alert = Alert.objects.get(subscriber__email__iexact=email, query=query)
    a_day_ago = timezone.now() - timedelta(days=1)
    services.confirm(alert, now=a_day_ago)
    Alert.objects.filter(pk=alert.pk).update(**fields)
    alert.refresh_from_db()
    return alert


def run_digests(capture, **kwargs) -> list:
    """Run the digests a little later (past the settling time) and return the e-mails sent."""
    mail.outbox.clear()
    with capture(execute=True):
        digests.send_due_digests(now=timezone.now() + timedelta(minutes=10), **kwargs)
    return list(mail.outbox)


def html_of(message) -> str:
    return message.alternatives[0][0]
