from django.core.management.base import BaseCommand

from core.page_cache import pages_changed


class Command(BaseCommand):
    help = (
        "Retire every cached page, so the next visitor of each gets it freshly rendered. "
        "Run after deploying new templates or settings; content changes retire pages by themselves."
    )

    def handle(self, *args, **options):
        pages_changed()
        self.stdout.write("Cached pages retired.")
