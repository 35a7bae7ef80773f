"""Filing a report, and the moderators' two decisions on a posting's open reports: dismiss them,
or take the posting down (through jobs.moderation, which records the step, tells the employer
and retires the cached pages). Each decision is one ReportDecision row, the reports' audit
trail, and reporters who left an address hear the outcome through the outbox."""

import uuid
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from core import email
from jobs import moderation
from jobs.models import Job
from reports.models import Outcome, Report, ReportDecision

if TYPE_CHECKING:
    from django.contrib.auth.models import User

REASON_REQUIRED = "Give the employer a reason for taking the posting down."


class NothingOpen(ValidationError):
    """The posting has no open reports (already decided: a form sent twice, two moderators)."""


def file_report(
    job: Job, *, reason: str, details: str, address: str, token: uuid.UUID
) -> tuple[Report, bool]:
    """Store a visitor's report; the same form sent again (its token) stores nothing more.
    Returns the report and whether it is new."""
    return Report.objects.get_or_create(
        token=token,
        defaults={"job": job, "reason": reason, "details": details.strip(), "email": address},
    )


@transaction.atomic
def dismiss(job: Job, moderator: "User", note: str = "") -> ReportDecision:
    """Close every open report of the posting and leave the posting as it is."""
    return _decide(job, moderator, Outcome.DISMISSED, note)


@transaction.atomic
def take_down(job: Job, moderator: "User", note: str) -> ReportDecision:
    """Take the posting off the board with the reason the employer is told, and close its open
    reports. Refused (moderation.NotAllowed) when the posting is no longer on the board."""
    if not note.strip():
        raise ValidationError(REASON_REQUIRED)
    decision = _decide(job, moderator, Outcome.TAKEN_DOWN, note)
    moderation.take_down(job, moderator, note)
    return decision


def _decide(job: Job, moderator: "User", outcome: str, note: str) -> ReportDecision:
    # Locked, so two moderators (or one form sent twice) cannot both decide the same reports.
    Job.objects.select_for_update().filter(pk=job.pk).values_list("pk").get()
    reports = list(Report.objects.open().filter(job=job))
    if not reports:
        raise NothingOpen(f"The reports of “{job.title}” were already dealt with.")
    decision = ReportDecision.objects.create(
        job=job, moderator=moderator, outcome=outcome, note=note.strip(), report_count=len(reports)
    )
    # The addresses were kept only to tell the outcome: the outbox has them from here.
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(decision=decision, email="")
    addresses = sorted({r.email.lower() for r in reports if r.email})
    if addresses:
        context = {
            "job": job,
            "taken_down": outcome == Outcome.TAKEN_DOWN,
            "moderation_url": email.link(reverse("pages:moderation")),
        }
        email.send("report_outcome", addresses, context)
    return decision
