from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site pages and contact messages"

    def ready(self) -> None:
        from core.page_changes import retire_pages_on_change
        from pages.models import Page

        retire_pages_on_change(Page)
