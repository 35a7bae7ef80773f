from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Jobs"

    def ready(self) -> None:
        from core import page_cache

        # After every app is loaded, since it connects to the roles app's models too.
        page_cache.connect_content_signals()
