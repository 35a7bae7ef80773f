"""Every change of a posting's status: the change itself, its line in the history, its e-mails.

Employers submit, mark filled and renew; moderators approve, request changes and reject; the site
expires postings. Each function checks that the step is allowed from the current status."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from core import email
from jobs import recipients
from jobs.choices import JobStatus
from jobs.models import Job, StatusChange, default_expiry

# The statuses from which each step may be taken.
SUBMITTABLE = {JobStatus.DRAFT, JobStatus.CHANGES, JobStatus.REJECTED}
REVIEWABLE = {JobStatus.PENDING, JobStatus.PUBLISHED}
# Moderators may also re-approve a published or expired posting (it gets a fresh period), but
# not a draft its employer never submitted.
APPROVABLE = set(JobStatus) - {JobStatus.FILLED, JobStatus.DRAFT}
FILLABLE = {JobStatus.PUBLISHED}
RENEWABLE = {JobStatus.PUBLISHED, JobStatus.EXPIRED}
# An employer renews a posting at most this many times, each within the last days of its run.
MAX_RENEWALS = 3
RENEWAL_WINDOW = timedelta(days=7)
# The statuses a moderator's decision leads to.
DECISIONS = [JobStatus.PUBLISHED, JobStatus.CHANGES, JobStatus.REJECTED]


class NotAllowed(ValidationError):
    """The step cannot be taken from the posting's current status."""


def _require(job: Job, allowed: set, step: str) -> None:
    if job.status not in allowed:
        raise NotAllowed(f"A posting that is “{job.get_status_display()}” cannot be {step}.")


def _record(job: Job, from_status: str, actor, note: str = "") -> StatusChange:
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
def record_creation(job: Job, actor) -> StatusChange:
    return _record(job, "", actor)


@transaction.atomic
def submit(job: Job, actor, note: str = "") -> StatusChange:
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
def approve(job: Job, moderator, note: str = "", now: datetime | None = None) -> StatusChange:
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
def request_changes(job: Job, moderator, note: str) -> StatusChange:
    return _send_back(job, moderator, note, JobStatus.CHANGES, "job_changes_requested")


@transaction.atomic
def reject(job: Job, moderator, note: str) -> StatusChange:
    return _send_back(job, moderator, note, JobStatus.REJECTED, "job_rejected")


def _send_back(job: Job, moderator, note: str, status: str, template: str) -> StatusChange:
    if not note.strip():
        raise ValidationError("Give the employer a reason.")
    _require(job, REVIEWABLE, "sent back")
    from_status, job.status = job.status, status
    job.save(update_fields=["status", "updated_at"])
    change = _record(job, from_status, moderator, note)
    email.send(template, recipients.company_addresses(job), _employer_context(job, note))
    return change


@transaction.atomic
def mark_filled(job: Job, actor) -> StatusChange:
    _require(job, FILLABLE, "marked filled")
    from_status, job.status = job.status, JobStatus.FILLED
    job.save(update_fields=["status", "updated_at"])
    return _record(job, from_status, actor)


@transaction.atomic
def renew(job: Job, actor, days: int | None = None, now: datetime | None = None) -> StatusChange:
    """Extend a published or expired posting (by a full period unless `days` is given), from its
    expiry or from now, whichever is later. No new review is needed."""
    _require(job, RENEWABLE, "renewed")
    now = now or timezone.now()
    start = max(now, job.expires_at or now)
    from_status, job.status = job.status, JobStatus.PUBLISHED
    job.expires_at = start + timedelta(days=days) if days else default_expiry(start)
    job.save(update_fields=["status", "expires_at", "updated_at"])
    return _record(job, from_status, actor, f"Runs until {job.expires_at:%B %-d, %Y}.")


def _employer_renewals_q() -> Q:
    """History lines of renewals by the employer (a moderator's extension or re-approval is
    staff's; an edit of a published posting goes to pending)."""
    return Q(from_status__in=RENEWABLE, to_status=JobStatus.PUBLISHED) & ~Q(actor__is_staff=True)


def renewals_used(job: Job) -> int:
    """How many times the employer renewed the posting."""
    return StatusChange.objects.filter(_employer_renewals_q(), job=job).count()


def renewals_count() -> Coalesce:
    """An annotation: how many times the employer renewed each posting (for lists)."""
    per_job = (
        StatusChange.objects.filter(_employer_renewals_q(), job=OuterRef("pk"))
        .values("job")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(per_job, output_field=IntegerField()), Value(0))


def renewal_refusal(job: Job, now: datetime | None = None) -> str | None:
    """Why the employer may not renew the posting now, or None: only a published or expired
    posting, at most MAX_RENEWALS times, each within RENEWAL_WINDOW of its expiry."""
    now = now or timezone.now()
    if job.status not in RENEWABLE:
        return f"A posting that is “{job.get_status_display()}” cannot be renewed."
    used = getattr(job, "renewals", None)
    if used is None:
        used = renewals_used(job)
    if used >= MAX_RENEWALS:
        return (
            f"“{job.title}” was renewed {MAX_RENEWALS} times, the most a posting may be. "
            "Duplicate it to post it again: the copy goes to review."
        )
    soon = job.expires_at is None or now >= job.expires_at - RENEWAL_WINDOW
    if job.status == JobStatus.PUBLISHED and not soon:
        opens = job.expires_at - RENEWAL_WINDOW
        return (
            f"“{job.title}” can be renewed from {opens:%B %-d, %Y}, in the last "
            f"{RENEWAL_WINDOW.days} days before it expires on {job.expires_at:%B %-d, %Y}."
        )
    return None


@transaction.atomic
def renew_by_employer(job: Job, actor, now: datetime | None = None) -> StatusChange:
    """The employer's renewal: within the limits of renewal_refusal (NotAllowed otherwise)."""
    job = Job.objects.select_for_update().get(pk=job.pk)  # two clicks cannot both pass
    refusal = renewal_refusal(job, now)
    if refusal:
        raise NotAllowed(refusal)
    return renew(job, actor, now=now)


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
