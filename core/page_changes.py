"""Which cached pages a write to public content retires.

Each app names its public models in its `AppConfig.ready()` (`retire_pages_on_change`); a
model says what a row shows up on through `page_tags()` (core/page_tags.py), and a row that was
not public and still is not (`changes_public_pages()`) retires nothing. Writes that skip
`save()` (`update()`, `bulk_create`, imports) call `core.page_cache.pages_changed` themselves.
"""

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.page_cache import pages_changed


class PublicInSomeStatuses:
    """For models whose rows reach public pages only in some statuses (`PUBLIC_STATUSES`):
    remembers the status a row was loaded with, so that saving a row that was not public and
    still is not (an employer's draft, a posting in review) retires no cached page.

    Also remembers the loaded values of `REMEMBERED_FIELDS` (attribute names, such as
    "role_id"), so that `page_tags()` can name the pages a row leaves as well as those it joins
    (a posting moved to another role leaves the old role's page)."""

    PUBLIC_STATUSES: tuple[str, ...] = ()
    REMEMBERED_FIELDS: tuple[str, ...] = ()
    _loaded_status: str | None = None
    _loaded_values: dict[str, Any] = {}

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any, **kwargs: Any) -> Any:
        instance = super().from_db(db, field_names, values, **kwargs)  # type: ignore[misc]
        if "status" in field_names:  # deferred otherwise: treated as public
            instance._loaded_status = values[field_names.index("status")]
        if cls.REMEMBERED_FIELDS:
            instance._loaded_values = {
                name: values[field_names.index(name)]
                for name in cls.REMEMBERED_FIELDS
                if name in field_names
            }
        return instance

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)  # type: ignore[misc]
        self._loaded_status = self.status  # type: ignore[attr-defined]
        if self.REMEMBERED_FIELDS:
            self._loaded_values = {name: getattr(self, name) for name in self.REMEMBERED_FIELDS}

    def changes_public_pages(self, created: bool = False) -> bool:
        if self.status in self.PUBLIC_STATUSES:  # type: ignore[attr-defined]
            return True
        if created:
            return False
        # Not loaded with its status (deferred): assume it was public.
        return self._loaded_status is None or self._loaded_status in self.PUBLIC_STATUSES

    def now_and_loaded(self, name: str) -> set[Any]:
        """The value of `name` now and as loaded (one value when unchanged), without None."""
        values = {getattr(self, name), self._loaded_values.get(name)}
        values.discard(None)
        return values


def _content_saved(sender: type[Model], instance: Any = None, **kwargs: Any) -> None:
    # A model may say that a write cannot have changed a public page (a draft saved as a
    # draft): then nothing is retired. Many-to-many changes retire every page (editors' links
    # between guides, rare); saves and deletes retire the pages the row names.
    signal = kwargs.get("signal")
    changes_public_pages = getattr(instance, "changes_public_pages", None)
    if (
        signal is post_save
        and changes_public_pages
        and not changes_public_pages(kwargs.get("created", False))
    ):
        return
    page_tags = getattr(instance, "page_tags", None)
    if signal is m2m_changed or page_tags is None:
        pages_changed()
        return
    pages_changed(*page_tags())


def retire_pages_on_change(*models: type[Model]) -> None:
    """Retire cached pages whenever a row of these models is saved or deleted, or one of their
    many-to-many links changes; a save is skipped when the row's `changes_public_pages()` says
    it was not public before and is not now. Accounts, history, API keys and salary rows stay
    out (bulk recomputes retire pages themselves, and a delete listener would make Django load
    each row of a bulk delete)."""
    for model in models:
        uid = f"page_cache_{model._meta.label_lower}"
        post_save.connect(_content_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_content_saved, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_content_saved, sender=through, dispatch_uid=f"{uid}_{field.name}")
