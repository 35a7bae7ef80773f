"""Writes that are tried and undone: a form is saved as usual to see what it would make (a
preview, a draft), then everything it wrote is rolled back. No cached page is retired, since no
public page changed."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction

from core.page_cache import no_page_changes


@contextmanager
def dry_run() -> Iterator[None]:
    """Roll back every write made inside (a savepoint when a transaction is open)."""
    with transaction.atomic(), no_page_changes():
        try:
            yield
        finally:
            transaction.set_rollback(True)
