from django.apps import AppConfig
from django.db.backends.signals import connection_created


class SalariesConfig(AppConfig):
    name = "salaries"
    verbose_name = "Salary insights"

    def ready(self) -> None:
        from core.page_changes import retire_pages_on_change
        from salaries.models import SalaryTitle, TitleAlias
        from salaries.percentile import register_sqlite_percentile

        # Infrastructure, not domain work: SQLite connections get the percentile aggregates.
        connection_created.connect(register_sqlite_percentile, dispatch_uid="sqlite_percentile")
        retire_pages_on_change(SalaryTitle, TitleAlias)
