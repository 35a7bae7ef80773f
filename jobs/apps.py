from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Jobs"

    def ready(self) -> None:
        from core.page_changes import retire_pages_on_change
        from jobs.models import Company, Job, JobForReview

        # The review queue saves postings through its proxy model, which signals as itself.
        retire_pages_on_change(Company, Job, JobForReview)
