"""The little state the shared plumbing keeps in the database, where a Redis outage or restart
cannot lose it."""

from django.db import models


class LimitCount(models.Model):
    """Attempts counted in the database (core/ratelimit.py): the log-in lockout, which must
    hold on every app server whether or not Redis answers. One row per limit and account,
    reused when its window has passed."""

    key = models.CharField(max_length=100, unique=True)
    hits = models.PositiveIntegerField()
    window_ends = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.hits} until {self.window_ends:%Y-%m-%d %H:%M}"


class PageGeneration(models.Model):
    """The page cache's generation as of the last committed change to public content (one row,
    written through whenever a change commits).

    Redis holds the generation every request reads. A process that saw Redis fail compares the
    two once Redis answers again: when they differ, a change was made while Redis could not hear
    of it, and every cached page is retired (core/page_cache.py)."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.token
