"""Visitors' reports of postings, and the moderators' decisions on them (the reports' audit
trail: who dismissed them or took the posting down, when, and why)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from jobs.models import Job

DETAILS_MAX_CHARS = 2000


class Reason(models.TextChoices):
    SCAM = "scam", "Scam, or asks for money"
    NOT_REAL = "not_real", "Not a real job"
    DISCRIMINATORY = "discriminatory", "Discriminatory"
    WRONG = "wrong", "Wrong information"
    EXPIRED = "expired", "Expired: the job is no longer open"
    OTHER = "other", "Something else"


class Outcome(models.TextChoices):
    DISMISSED = "dismissed", "Dismissed: the posting stays up"
    TAKEN_DOWN = "taken_down", "Posting taken down"


class ReportQuerySet(models.QuerySet["Report"]):
    def open(self) -> "ReportQuerySet":
        """Reports no moderator has decided on yet: the desk's work."""
        return self.filter(decision__isnull=True)


class ReportDecision(models.Model):
    """A moderator's decision on every open report of one posting at once."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="report_decisions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    # The reason the employer reads when the posting is taken down; a note for the file otherwise.
    note = models.TextField(blank=True, max_length=2000)
    # How many reports it settled (kept should the reports themselves be deleted).
    report_count = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "decision on reports"
        verbose_name_plural = "decisions on reports"

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.job}"


class Report(models.Model):
    """One visitor's report of a posting. No account and no network address are kept: only what
    the visitor typed and, if they gave one, the address to tell them the outcome."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.TextField(blank=True, max_length=DETAILS_MAX_CHARS)
    email = models.EmailField("e-mail for the outcome", blank=True)
    # Made when the form is shown: the same form sent twice files one report.
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    decision = models.ForeignKey(
        ReportDecision, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The desk: open reports by posting, newest first.
            models.Index(
                fields=["job", "-created_at"],
                condition=Q(decision__isnull=True),
                name="report_open_by_job",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.job}"


class ReportedPosting(Job):
    """The moderation desk's list in the admin: postings with open reports, newest report
    first."""

    @classmethod
    def with_open_reports(cls) -> models.QuerySet[Job]:
        return cls.objects.filter(
            models.Exists(Report.objects.open().filter(job=models.OuterRef("pk")))
        )

    class Meta:
        proxy = True
        verbose_name = "reported posting"
        verbose_name_plural = "reported postings"
