"""What background work keeps in the database: e-mail waiting to go out, and the runs of the
periodic schedule. Both live in the database so that a worker restart, a full queue or an SMTP
outage forgets nothing."""

from django.db import models


class OutgoingEmail(models.Model):
    """One message to one address, rendered and waiting for (or past) delivery.

    Rows are written in the same transaction as the change they report, so a rolled-back change
    sends nothing and a committed one is never lost. Delivery claims a row for a while before
    sending, so two workers never send the same row; a failure sets the next attempt further
    out (background/outbox.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up"

    kind = models.CharField(max_length=60, help_text="The template it was rendered from.")
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="outgoing_email_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to} ({self.get_status_display()})"


class ScheduledRun(models.Model):
    """One run of a periodic job for one time slot. The unique (name, due_at) pair is what lets
    any number of workers tick the schedule while each slot runs once."""

    name = models.CharField(max_length=60)
    due_at = models.DateTimeField()
    enqueued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "due_at"], name="scheduled_run_once_per_slot")
        ]
        indexes = [models.Index(fields=["name", "-due_at"], name="scheduled_run_latest")]

    def __str__(self) -> str:
        return f"{self.name} at {self.due_at:%Y-%m-%d %H:%M}"
