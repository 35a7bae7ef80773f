"""What moderators see of the postings waiting for review: how many, and the queue with the
flags that ask for a closer look. Decisions themselves are moderation.py's."""

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from jobs.choices import JobStatus
from jobs.models import ONCE_PUBLIC, Job, StatusChange
from jobs.moderation import DECISIONS

# The decisions that send a posting back to its employer.
SENT_BACK = {JobStatus.CHANGES, JobStatus.REJECTED}


def waiting() -> QuerySet[Job]:
    """Postings waiting for a decision, oldest submission first (the job_review_queue index)."""
    return Job.objects.filter(status=JobStatus.PENDING).order_by("submitted_at", "pk")


def waiting_count() -> int:
    return waiting().count()


def with_flags(jobs: QuerySet[Job]) -> QuerySet[Job]:
    """Each posting with `first_posting` (its company has never had a posting on the board) and
    `last_decision` (the status its latest decision led to, None before any; in SENT_BACK when
    it comes back edited after a rejection or a request for changes): two subqueries in the
    list's one query, however long the list."""
    on_the_board = Job.objects.filter(company=OuterRef("company_id")).filter(
        Q(status__in=ONCE_PUBLIC) | Q(status_changes__to_status=JobStatus.PUBLISHED)
    )
    last_decision = (
        StatusChange.objects.filter(job=OuterRef("pk"), to_status__in=DECISIONS)
        .order_by("-created_at", "-pk")
        .values("to_status")[:1]
    )
    return jobs.annotate(first_posting=~Exists(on_the_board), last_decision=Subquery(last_decision))
