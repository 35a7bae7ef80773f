from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from jobs.choices import JobStatus
from jobs.models import Job


class Command(BaseCommand):
    help = (
        "Mark published jobs past their expiry as expired and list those expiring soon. "
        "Visitors never see an expired job whether or not this runs: it keeps the records tidy."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--soon", type=int, default=7, help="List jobs expiring within this many days (7)."
        )

    def handle(self, *args, soon: int, **options):
        now = timezone.now()
        expired = Job.objects.filter(status=JobStatus.PUBLISHED, expires_at__lte=now).update(
            status=JobStatus.EXPIRED, updated_at=now
        )
        self.stdout.write(f"Archived {expired} expired job(s).")
        expiring = (
            Job.objects.public()
            .filter(expires_at__lte=now + timedelta(days=soon))
            .select_related("company")
            .order_by("expires_at")
        )
        self.stdout.write(f"{len(expiring)} job(s) expire within {soon} days:")
        for job in expiring:
            self.stdout.write(
                f"  {job.expires_at:%Y-%m-%d %H:%M}  {job.title} — {job.company} ({job.slug})"
            )
