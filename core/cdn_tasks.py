"""The worker's side of CDN purges (core/cdn_purge.py): one request, and the next attempt
queued when it fails."""

import logging
from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from core.cdn_purge import send

log = logging.getLogger("core.cdn_purge")


@task()
def purge_tags(tags: list[str], attempt: int = 1) -> str:
    """Purge `tags` from the shared caches; on a failure, queue the next attempt."""
    failure = send(tags)
    if failure is None:
        return f"purged {len(tags)} tags"
    if attempt >= settings.CDN_PURGE_ATTEMPTS or not purge_tags.get_backend().supports_defer:
        log.error(
            "CDN purge of %s failed %d times (%s); giving up", " ".join(tags), attempt, failure
        )
        return f"gave up: {failure}"
    delay = settings.CDN_PURGE_RETRY_SECONDS * 2 ** (attempt - 1)
    log.warning("CDN purge failed (%s); trying again in %d s", failure, delay)
    later = purge_tags.using(run_after=timezone.now() + timedelta(seconds=delay))
    later.enqueue(tags, attempt + 1)
    return f"attempt {attempt} failed: {failure}"
