from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Jobs"

    def ready(self) -> None:
        from config import page_cache
        from jobs import salary_observations

        salary_observations.connect()
        # After every app is loaded, since it connects to the roles app's models too.
        page_cache.connect_content_signals()
