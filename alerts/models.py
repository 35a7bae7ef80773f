"""Job alerts: a saved job search that e-mails its new postings to an address, daily or weekly.

An address is a `Subscriber`; each saved search is an `Alert` of it, confirmed on its own through
a link sent to the address (double opt-in); each digest sent is an `AlertSend`."""

import secrets
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from alerts.addresses import display_domain, normalize_address

# A digest is due this long after the last one covered, an hour early so that a run a few
# minutes late does not push it to the next day's run.
DUE_AFTER = {"daily": timedelta(hours=23), "weekly": timedelta(days=7, hours=-1)}


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Frequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def with_address(self, address: str) -> "SubscriberQuerySet":
        return self.filter(email__iexact=normalize_address(address))


class Subscriber(models.Model):
    """An e-mail address that saved at least one search. Shown to moderators only (bounces)."""

    email = models.EmailField("e-mail address")
    # Signed into every link for the address; replacing it voids every link sent so far.
    key = models.CharField(max_length=24, default=new_key, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    bounces = models.PositiveIntegerField(
        default=0, help_text="Bounced digests, recorded by hand from the mail server's reports."
    )
    bounce_note = models.TextField(blank=True, help_text="What the bounces said, and when.")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscriber_address_unique")
        ]
        indexes = [
            # The daily clean-up's work list: addresses never confirmed.
            models.Index(
                fields=["created_at"],
                condition=Q(confirmed_at__isnull=True),
                name="alerts_subscriber_unconfirmed",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def masked_email(self) -> str:
        """“g***@hopper.example”: enough for its owner to recognise, never the whole address."""
        mailbox, _, domain = self.email.rpartition("@")
        return f"{mailbox[:1]}***@{display_domain(domain)}"


class AlertQuerySet(models.QuerySet["Alert"]):
    def confirmed(self) -> "AlertQuerySet":
        return self.filter(confirmed_at__isnull=False)

    def due(self, now: datetime) -> "AlertQuerySet":
        """Confirmed alerts whose last digest (or confirmation) is a period old."""
        due = Q()
        for frequency, period in DUE_AFTER.items():
            due |= Q(frequency=frequency, covered_until__lte=now - period)
        return self.confirmed().filter(due)


class Alert(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="alerts")
    # The search as a canonical query string of the job filters (alerts/searches.py), so the
    # same search saved twice is the same string.
    query = models.CharField(max_length=1000, blank=True, editable=False)
    description = models.CharField(max_length=300, editable=False)
    frequency = models.CharField(max_length=6, choices=Frequency, default=Frequency.DAILY)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The watermark: every posting public at or before this moment has been considered; the
    # next digest lists those that became public after it. Set on confirmation.
    covered_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "query"], name="alerts_alert_one_per_search"
            )
        ]
        indexes = [
            # The digests read confirmed alerts in order of their search (alerts/digests.py).
            models.Index(
                fields=["query", "id"],
                condition=Q(confirmed_at__isnull=False),
                name="alerts_alert_by_search",
            ),
            models.Index(
                fields=["created_at"],
                condition=Q(confirmed_at__isnull=True),
                name="alerts_alert_unconfirmed",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def search_url(self) -> str:
        """The job search page for this alert's search (a relative address)."""
        return reverse("jobs:list") + (f"?{self.query}" if self.query else "")


class AlertSend(models.Model):
    """One digest e-mailed for an alert: when, and exactly which postings it listed."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sends")
    sent_at = models.DateTimeField(default=timezone.now)
    job_count = models.PositiveIntegerField("postings")
    job_ids = models.JSONField("posting ids", default=list)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["alert", "-sent_at"], name="alerts_send_alert_newest")]

    def __str__(self) -> str:
        return f"{self.job_count} postings on {self.sent_at:%Y-%m-%d %H:%M}"
