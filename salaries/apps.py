from django.apps import AppConfig
from django.db.backends.signals import connection_created


class SalariesConfig(AppConfig):
    name = "salaries"
    verbose_name = "Salary insights"

    def ready(self) -> None:
        from salaries import observations, signals
        from salaries.percentile import register_sqlite_percentile

        connection_created.connect(register_sqlite_percentile, dispatch_uid="sqlite_percentile")
        signals.connect()
        observations.connect()
