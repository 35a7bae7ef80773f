"""Every change of a posting's status: the change itself, its line in the history, its e-mails.

Employers submit, mark filled and renew; moderators approve, request changes and reject; the site
expires postings. Each function checks that the step is allowed from the current status."""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import email
from jobs import recipients
from jobs.choices import JobStatus
from jobs.models import Job, StatusChange, default_expiry

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    # Who takes a step: None when the site does it (an expiry).
    Actor = User | None

# The statuses from which each step may be taken.
SUBMITTABLE = {JobStatus.DRAFT, JobStatus.CHANGES, JobStatus.REJECTED}
REVIEWABLE = {JobStatus.PENDING, JobStatus.PUBLISHED}
# Moderators may also re-approve a published or expired posting (it gets a fresh period), but
# not a draft its employer never submitted.
APPROVABLE = set(JobStatus) - {JobStatus.FILLED, JobStatus.DRAFT}
FILLABLE = {JobStatus.PUBLISHED}
RENEWABLE = {JobStatus.PUBLISHED, JobStatus.EXPIRED}
# The statuses a moderator's decision leads to.
DECISIONS = [JobStatus.PUBLISHED, JobStatus.CHANGES, JobStatus.REJECTED]


class NotAllowed(ValidationError):
    """The step cannot be taken from the posting's current status."""


def _require(job: Job, allowed: set, step: str) -> None:
    if job.status not in allowed:
        raise NotAllowed(f"A posting that is “{job.get_status_display()}” cannot be {step}.")


def _record(job: Job, from_status: str, actor: "Actor", note: str = "") -> StatusChange:
    return StatusChange.objects.create(
        job=job, actor=actor, from_status=from_status, to_status=job.status, note=note.strip()
    )


def _employer_context(job: Job, note: str = "") -> dict:
    return {
        "job": job,
        "note": note.strip(),
        "dashboard_url": email.link(reverse("employers:dashboard")),
        "edit_url": email.link(reverse("employers:edit", args=[job.pk])),
        "job_url": email.link(job.get_absolute_url()),
    }


@transaction.atomic
def record_creation(job: Job, actor: "Actor") -> StatusChange:
    return _record(job, "", actor)


@transaction.atomic
def submit(job: Job, actor: "Actor", note: str = "") -> StatusChange:
    """Send a posting to the review queue and tell the moderators."""
    if job.status != JobStatus.PUBLISHED:  # a published posting whose content changed goes back
        _require(job, SUBMITTABLE, "submitted")
    from_status, job.status = job.status, JobStatus.PENDING
    try:
        job.full_clean(exclude=["slug"])  # what a draft may lack, a submission may not
    except ValidationError:
        job.status = from_status
        raise
    job.submitted_at = timezone.now()
    job.save()
    change = _record(job, from_status, actor, note)
    review_url = email.link(reverse("admin:jobs_job_review", args=[job.pk]))
    context = {"job": job, "review_url": review_url, "resubmitted": from_status != JobStatus.DRAFT}
    email.send("job_submitted", recipients.moderator_addresses(), context)
    return change


@transaction.atomic
def approve(
    job: Job, moderator: "Actor", note: str = "", now: datetime | None = None
) -> StatusChange:
    _require(job, APPROVABLE, "approved")
    from_status = job.status
    job.publish(now)
    try:
        job.full_clean(exclude=["slug"])
    except ValidationError:
        job.status = from_status
        raise
    job.save()
    change = _record(job, from_status, moderator, note)
    email.send("job_approved", recipients.company_addresses(job), _employer_context(job, note))
    return change


@transaction.atomic
def request_changes(job: Job, moderator: "Actor", note: str) -> StatusChange:
    return _send_back(job, moderator, note, JobStatus.CHANGES, "job_changes_requested")


@transaction.atomic
def reject(job: Job, moderator: "Actor", note: str) -> StatusChange:
    return _send_back(job, moderator, note, JobStatus.REJECTED, "job_rejected")


def _send_back(job: Job, moderator: "Actor", note: str, status: str, template: str) -> StatusChange:
    if not note.strip():
        raise ValidationError("Give the employer a reason.")
    _require(job, REVIEWABLE, "sent back")
    from_status, job.status = job.status, status
    job.save(update_fields=["status", "updated_at"])
    change = _record(job, from_status, moderator, note)
    email.send(template, recipients.company_addresses(job), _employer_context(job, note))
    return change


@transaction.atomic
def mark_filled(job: Job, actor: "Actor") -> StatusChange:
    _require(job, FILLABLE, "marked filled")
    from_status, job.status = job.status, JobStatus.FILLED
    job.save(update_fields=["status", "updated_at"])
    return _record(job, from_status, actor)


@transaction.atomic
def renew(
    job: Job, actor: "Actor", days: int | None = None, now: datetime | None = None
) -> StatusChange:
    """Extend a published or expired posting (by a full period unless `days` is given), from its
    expiry or from now, whichever is later. No new review is needed."""
    _require(job, RENEWABLE, "renewed")
    now = now or timezone.now()
    start = max(now, job.expires_at or now)
    from_status, job.status = job.status, JobStatus.PUBLISHED
    job.expires_at = start + timedelta(days=days) if days else default_expiry(start)
    job.save(update_fields=["status", "expires_at", "updated_at"])
    return _record(job, from_status, actor, f"Runs until {job.expires_at:%B %-d, %Y}.")


@transaction.atomic
def expire(job: Job) -> StatusChange:
    """The site's own step once a posting's expiry has passed."""
    from_status, job.status = job.status, JobStatus.EXPIRED
    job.save(update_fields=["status", "updated_at"])
    change = _record(job, from_status, None)
    email.send("job_expired", recipients.company_addresses(job), _employer_context(job))
    return change


@transaction.atomic
def warn_expiring(job: Job) -> None:
    """Tell the company once per period that the posting expires soon."""
    job.expiry_notice_for = job.expires_at
    job.save(update_fields=["expiry_notice_for", "updated_at"])
    email.send("job_expiring", recipients.company_addresses(job), _employer_context(job))
