from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import F, Q
from django.utils import timezone

from jobs import moderation
from jobs.choices import JobStatus
from jobs.models import Job


class Command(BaseCommand):
    help = (
        "Mark published jobs past their expiry as expired and e-mail their companies; e-mail the "
        "companies of jobs expiring soon (once per period). Visitors never see an expired job "
        "whether or not this runs: it keeps the records tidy and employers informed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--soon", type=int, default=7, help="Warn about jobs expiring within this many days."
        )

    def handle(self, *args, soon: int, **options):
        now = timezone.now()
        ended = Job.objects.filter(status=JobStatus.PUBLISHED, expires_at__lte=now)
        expired = 0
        for job in ended.select_related("company").iterator():
            moderation.expire(job)
            expired += 1
        self.stdout.write(f"Archived {expired} expired job(s).")

        expiring = (
            Job.objects.public()
            .filter(expires_at__lte=now + timedelta(days=soon))
            .select_related("company")
            .order_by("expires_at")
        )
        unwarned = Q(expiry_notice_for__isnull=True) | ~Q(expiry_notice_for=F("expires_at"))
        warned = 0
        for job in expiring.filter(unwarned):
            moderation.warn_expiring(job)
            warned += 1
        self.stdout.write(f"Sent {warned} “expiring soon” notice(s).")
        self.stdout.write(f"{len(expiring)} job(s) expire within {soon} days:")
        for job in expiring:
            self.stdout.write(
                f"  {job.expires_at:%Y-%m-%d %H:%M}  {job.title} — {job.company} ({job.slug})"
            )
