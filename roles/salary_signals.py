"""Keeping salary titles and figures in step with edits to roles, titles and aliases."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from roles.models import Role
from roles.salary_models import SalaryTitle, TitleAlias
from roles.salary_stats import refresh_after_title_change, sync_titles


def _role_saved(sender, instance: Role, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    sync_titles([instance])


def _titles_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    once_on_commit(refresh_after_title_change)


def once_on_commit(func) -> None:
    """Run `func` after the transaction commits, once however many edits asked for it."""
    connection = transaction.get_connection()
    pending = connection.run_on_commit if connection.in_atomic_block else []
    if not any(entry[1] is func for entry in pending):
        transaction.on_commit(func)


def connect() -> None:
    post_save.connect(_role_saved, sender=Role, dispatch_uid="salary_titles_from_role")
    for model in (TitleAlias, SalaryTitle):
        for signal in (post_save, post_delete):
            signal.connect(_titles_changed, sender=model, dispatch_uid=f"rematch_{model.__name__}")
