from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"
    verbose_name = "Authors"

    def ready(self) -> None:
        from authors.models import Author
        from core.page_changes import retire_pages_on_change

        retire_pages_on_change(Author)
