"""The salary figures' share of the periodic schedule (settings.PERIODIC_JOBS)."""

from salaries.stats import refresh_stale
from salaries.sync import sync_postings


def refresh_stale_figures() -> str:
    """Bring postings saved since the last run into the figures (their salary records and
    roles), then recompute the large titles they moved: what `refresh_salaries --stale` does."""
    synced = sync_postings()
    count = refresh_stale()
    return (
        f"synced {synced.postings} posting(s) ({synced.roles_matched} given a role, "
        f"{synced.records_removed} deleted posting record(s) removed); recomputed "
        f"{count} large title(s)"
    )
