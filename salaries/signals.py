"""Keeping salary titles and figures in step with edits to roles, titles and aliases.

Edits mark the titles dirty and ask for one refresh after the transaction commits; however
many edits a transaction holds, the first callback does the work and the others find nothing
left to do.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from roles.models import Role
from salaries.models import SalaryTitle, TitleAlias
from salaries.stats import refresh_after_title_change, sync_titles

_dirty = {"titles": False}


def _role_saved(sender, instance: Role, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    sync_titles([instance])


def _titles_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    _dirty["titles"] = True
    transaction.on_commit(_refresh_if_dirty)


def _refresh_if_dirty() -> None:
    if _dirty["titles"]:
        _dirty["titles"] = False
        refresh_after_title_change()


def connect() -> None:
    post_save.connect(_role_saved, sender=Role, dispatch_uid="salary_titles_from_role")
    for model in (TitleAlias, SalaryTitle):
        for signal in (post_save, post_delete):
            signal.connect(_titles_changed, sender=model, dispatch_uid=f"rematch_{model.__name__}")
