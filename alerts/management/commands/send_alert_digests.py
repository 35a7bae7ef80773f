from django.core.management.base import BaseCommand

from alerts.digests import BATCH_SIZE, send_due_digests


class Command(BaseCommand):
    help = "Send the job-alert digests that are due, once, and print the counts and time."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, batch_size: int, **options) -> None:
        run = send_due_digests(batch_size=max(1, batch_size))
        self.stdout.write(
            f"Due alerts: {run.alerts}\nDigests queued: {run.emails}\n"
            f"Postings listed: {run.postings}\nBatches: {run.batches}\n"
            f"Time: {run.seconds:.1f} s"
        )
