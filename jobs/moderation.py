"""Every change of a posting's status: the change itself, its line in the history, its e-mails.

Employers submit, mark filled and renew; moderators approve, request changes and reject; the site
expires postings. Each function checks that the step is allowed from the current status, read
under a row lock so that a moderator and an employer acting at once take their turns.

Moderation approves a version. A posting's `revision` goes up with every edit of its content
(`save_edit`), in the same write as the content. A moderator's decision names the version they
read (the review page and the admin list carry it), and is refused with "This posting changed
after you opened it" once the posting has moved on: approval publishes exactly what was read,
and an edit made while a posting waits for review is a new version that waits its own turn."""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

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
# The statuses an employer's edit leaves alone (closed postings are renewed or duplicated) and
# those from which it goes (back) to review, with its note in the history.
EDITABLE = set(JobStatus) - {JobStatus.FILLED, JobStatus.EXPIRED}
EDITED_NOTES: dict[str, str] = {
    JobStatus.PUBLISHED: "Edited after publication.",
    JobStatus.PENDING: "Edited while in review.",
}
# Fields a posting's checks leave out: the slug is made on saving, and the search column is the
# database's own (reading it would only cost a query).
UNCHECKED = ["slug", "search_vector"]
# An employer renews a posting at most this many times, each within the last days of its run.
MAX_RENEWALS = 3
RENEWAL_WINDOW = timedelta(days=7)
# The statuses of a posting that has closed.
CLOSED = {JobStatus.FILLED, JobStatus.EXPIRED}
# The statuses a moderator's decision leads to.
DECISIONS = [JobStatus.PUBLISHED, JobStatus.CHANGES, JobStatus.REJECTED]


class NotAllowed(ValidationError):
    """The step cannot be taken from the posting's current status."""


class VersionChanged(NotAllowed):
    """The posting was edited after the moderator opened it: the decision named an old version."""


class AlreadyDecided(NotAllowed):
    """The version already has this decision (a form sent twice, two moderators at once)."""


def _require(job: Job, allowed: set, step: str) -> None:
    if job.status not in allowed:
        raise NotAllowed(f"A posting that is “{job.get_status_display()}” cannot be {step}.")


def _locked_state(job: Job) -> tuple[str, int]:
    """The posting's status and version as stored, its row locked until the transaction ends."""
    rows = Job.objects.select_for_update().filter(pk=job.pk)
    return rows.values_list("status", "revision").get()


def _reload_version(job: Job, revision: int | None, *, with_company: bool = False) -> None:
    """Read the posting again under a row lock (with its company, in the same query, when
    asked); refuse if it is no longer version `revision` (None: the posting as it stands, for
    the site's own code)."""
    rows = Job.objects.select_for_update(of=("self",))
    job.refresh_from_db(from_queryset=rows.select_related("company") if with_company else rows)
    if revision is not None and job.revision != revision:
        raise VersionChanged(
            f"This posting changed after you opened it: review version {job.revision}."
        )


def _record(job: Job, from_status: str, actor: "Actor", note: str = "") -> StatusChange:
    return StatusChange.objects.create(
        job=job,
        actor=actor,
        from_status=from_status,
        to_status=job.status,
        note=note.strip(),
        revision=job.revision,
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
    """Send a draft, or a posting sent back or rejected, to the review queue as it stands, and
    tell the moderators."""
    job.status, job.revision = _locked_state(job)
    _require(job, SUBMITTABLE, "submitted")
    return _enter_review(job, actor, note, tell_moderators=True)


@transaction.atomic
def save_edit(job: Job, actor: "Actor") -> StatusChange | None:
    """Save the employer's edited content (`job`, changed and not yet saved) as its next version.

    A posting waiting for review or on the board goes (back) to the review queue, at the back:
    the new version waits its own turn, and a decision on the old one is refused. A published
    posting leaves the board until a moderator approves the new version, and the moderators are
    told; a pending one is in their queue already. Other postings are saved, to be submitted
    when ready. Returns the history line, if any."""
    status, revision = _locked_state(job)
    job.status, job.revision = status, revision + 1
    _require(job, EDITABLE, "edited")
    if status in EDITED_NOTES:
        return _enter_review(
            job, actor, EDITED_NOTES[status], tell_moderators=status == JobStatus.PUBLISHED
        )
    job.save()
    return None


def _enter_review(job: Job, actor: "Actor", note: str, *, tell_moderators: bool) -> StatusChange:
    from_status, job.status = job.status, JobStatus.PENDING
    try:
        job.full_clean(exclude=UNCHECKED)  # what a draft may lack, a submission may not
    except ValidationError:
        job.status = from_status
        raise
    job.submitted_at = timezone.now()
    job.save()
    change = _record(job, from_status, actor, note)
    if tell_moderators:
        review_url = email.link(reverse("admin:jobs_job_review", args=[job.pk]))
        resubmitted = from_status != JobStatus.DRAFT
        context = {"job": job, "review_url": review_url, "resubmitted": resubmitted}
        email.send("job_submitted", recipients.moderator_addresses(), context)
    return change


@transaction.atomic
def approve(
    job: Job,
    moderator: "Actor",
    note: str = "",
    now: datetime | None = None,
    *,
    revision: int | None = None,
) -> StatusChange:
    """Publish version `revision` of the posting, the one the moderator read, exactly as it was
    read: refused once the posting has changed, or when that version is on the board already."""
    _reload_version(job, revision, with_company=True)
    if job.is_public:
        raise AlreadyDecided(f"“{job.title}” version {job.revision} is already published.")
    _require(job, APPROVABLE, "approved")
    if job.company.is_held:
        raise NotAllowed(
            f"“{job.company}” is held for review: its name looks like another company's. "
            "Clear it or merge it in the company list first."
        )
    from_status = job.status
    job.publish(now)
    try:
        job.full_clean(exclude=UNCHECKED)
    except ValidationError:
        job.status = from_status
        raise
    job.save()
    change = _record(job, from_status, moderator, note)
    email.send("job_approved", recipients.company_addresses(job), _employer_context(job, note))
    return change


@transaction.atomic
def request_changes(
    job: Job, moderator: "Actor", note: str, *, revision: int | None = None
) -> StatusChange:
    """Send version `revision` back to the employer with what to change."""
    return _send_back(job, moderator, note, revision, JobStatus.CHANGES, "job_changes_requested")


@transaction.atomic
def reject(job: Job, moderator: "Actor", note: str, *, revision: int | None = None) -> StatusChange:
    """Refuse version `revision`, with the reason."""
    return _send_back(job, moderator, note, revision, JobStatus.REJECTED, "job_rejected")


@transaction.atomic
def take_down(job: Job, moderator: "Actor", note: str) -> StatusChange:
    """Take a posting off the board after visitors reported it: rejected, with the reason the
    employer reads (they may edit it and submit it again)."""
    return _send_back(job, moderator, note, None, JobStatus.REJECTED, "job_taken_down")


def _send_back(
    job: Job, moderator: "Actor", note: str, revision: int | None, status: str, template: str
) -> StatusChange:
    if not note.strip():
        raise ValidationError("Give the employer a reason.")
    _reload_version(job, revision)
    if job.status == status:
        raise AlreadyDecided(
            f"“{job.title}” version {job.revision} is already {job.get_status_display().lower()}."
        )
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
    expires = job.expires_at
    if job.status == JobStatus.PUBLISHED and expires is not None and now < expires - RENEWAL_WINDOW:
        opens = expires - RENEWAL_WINDOW
        return (
            f"“{job.title}” can be renewed from {opens:%B %-d, %Y}, in the last "
            f"{RENEWAL_WINDOW.days} days before it expires on {expires:%B %-d, %Y}."
        )
    return None


@transaction.atomic
def renew_by_employer(job: Job, actor: "Actor", now: datetime | None = None) -> StatusChange:
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
def close_for_deleted_account(job: Job) -> StatusChange | None:
    """The employer who owned the posting deleted their account: a posting that was never public
    is deleted with its history; one that was keeps its page as closed (expired), so that old
    links still explain it and moderation keeps its history. Nobody is e-mailed."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.posted_at is None:
        job.delete()
        return None
    if job.status in (JobStatus.FILLED, JobStatus.EXPIRED):
        return None
    from_status, job.status = job.status, JobStatus.EXPIRED
    job.save(update_fields=["status", "updated_at"])
    return _record(job, from_status, None, "Closed: the employer deleted their account.")


@transaction.atomic
def warn_expiring(job: Job) -> None:
    """Tell the company once per period that the posting expires soon."""
    job.expiry_notice_for = job.expires_at
    job.save(update_fields=["expiry_notice_for", "updated_at"])
    email.send("job_expiring", recipients.company_addresses(job), _employer_context(job))
