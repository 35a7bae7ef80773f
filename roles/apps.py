from django.apps import AppConfig
from django.db.backends.signals import connection_created


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Roles and guides"

    def ready(self) -> None:
        from roles import salary_signals
        from roles.percentile import register_sqlite_percentile

        connection_created.connect(register_sqlite_percentile, dispatch_uid="sqlite_percentile")
        salary_signals.connect()
