"""Writes that keep the salary figures in step with roles, postings and surveys."""

from salaries.observations import sync_all_postings
from salaries.stats import refresh_after_title_change, refresh_stats, sync_titles


def refresh_salaries() -> None:
    """Rebuild everything: titles from roles, every posting's record, matching, percentiles."""
    sync_titles()
    sync_all_postings()
    refresh_after_title_change()
    refresh_stats()
