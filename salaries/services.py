"""Writes that keep the salary figures in step with roles, postings, titles and surveys.

Each is called where the write happens: the salary admin after an alias or title edit, the
`refresh_salaries` command (from cron, or the worker), the demo loader and the survey import.
"""

from django.db import transaction

from salaries.observations import sync_all_postings
from salaries.stats import refresh_after_title_change, refresh_stats
from salaries.sync import match_roles_and_clear_flags


def refresh_salaries() -> None:
    """Rebuild everything: titles from roles, roles of postings without one, every posting's
    record, matching, percentiles."""
    match_roles_and_clear_flags()
    sync_all_postings()
    refresh_after_title_change()
    refresh_stats()


def titles_edited() -> None:
    """After an alias or a canonical title changed: once the transaction commits, match every
    record's title again and recompute the titles that gained or lost records."""
    transaction.on_commit(refresh_after_title_change)
