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
