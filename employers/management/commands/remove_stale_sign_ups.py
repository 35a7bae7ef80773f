"""Delete employer accounts never confirmed within EMAIL_VERIFICATION_DAYS of signing up, and
the companies they created that nothing else uses. The worker runs it hourly."""

from django.core.management.base import BaseCommand

from employers.accounts import remove_pending_accounts
from employers.models import Employer


class Command(BaseCommand):
    help = (
        "Delete employer accounts whose address was never confirmed within "
        "EMAIL_VERIFICATION_DAYS, with the companies they created that have no other member "
        "and no posting that was ever public."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many.")

    def handle(self, *args, dry_run: bool = False, **options):
        stale = Employer.objects.stale_pending()
        if dry_run:
            self.stdout.write(f"{stale.count()} unconfirmed sign-ups would be removed.")
            return
        removed = remove_pending_accounts(stale)
        self.stdout.write(f"Removed {removed} unconfirmed sign-ups.")
