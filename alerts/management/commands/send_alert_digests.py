from datetime import timedelta

from django.core.management.base import BaseCommand

from alerts.digests import BATCH_SIZE, send_due_digests

ZERO = timedelta(0)


class Command(BaseCommand):
    help = "Send the job-alert digests that are due, once, and print the counts and time."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument(
            "--now",
            action="store_true",
            help=(
                "Send every confirmed alert its digest now, up to this moment, whatever its "
                "frequency (to try an alert without waiting a day; its next digest starts here)."
            ),
        )

    def handle(self, *args, batch_size: int, now: bool, **options) -> None:
        if now:
            run = send_due_digests(batch_size=max(1, batch_size), every_alert=True, settle=ZERO)
        else:
            run = send_due_digests(batch_size=max(1, batch_size))
        self.stdout.write(
            f"Due alerts: {run.alerts}\nDigests queued: {run.emails}\n"
            f"Postings listed: {run.postings}\nBatches: {run.batches}\n"
            f"Time: {run.seconds:.1f} s"
        )
