from django.core.management.base import BaseCommand

from jobs.expiry import WARN_DAYS, expire_due, expiring_soon


class Command(BaseCommand):
    help = (
        "Mark published jobs past their expiry as expired and e-mail their companies; e-mail the "
        "companies of jobs expiring soon (once per period). The worker runs this every five "
        "minutes; visitors never see an expired job whether or not it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--soon",
            type=int,
            default=WARN_DAYS,
            help="Warn about jobs expiring within this many days.",
        )

    def handle(self, *args, soon: int, **options):
        outcome = expire_due(soon)
        self.stdout.write(f"Archived {outcome.expired} expired job(s).")
        self.stdout.write(f"Sent {outcome.warned} “expiring soon” notice(s).")
        expiring = expiring_soon(soon).order_by("expires_at")
        self.stdout.write(f"{len(expiring)} job(s) expire within {soon} days:")
        for job in expiring:
            self.stdout.write(
                f"  {job.expires_at:%Y-%m-%d %H:%M}  {job.title} — {job.company} ({job.slug})"
            )
