"""The guides' share of the periodic schedule (settings.PERIODIC_JOBS).

A scheduled guide is public from its publish date on: `Guide.objects.published()` compares with
"now" at query time, so its own page answers at that moment. Cached lists (the guides index,
the home page, feeds, the sitemap, search, the API) were stored before it and would go on
without it until they age out; nothing was saved at that moment to retire them. This job
retires them once a guide has come due, and publishes the drafts of live guides and roles
scheduled for the moment (roles/drafts.py), which retires their pages as any publishing does.
"""

from datetime import timedelta

from django.utils import timezone

from core.page_cache import pages_changed
from roles.drafts import publish_due_drafts
from roles.models import Guide, Status

# The job runs every minute; looking back further covers a late or skipped run. A guide due
# within the window retires the pages once per run: a few extra renders, never a stale list.
LOOK_BACK = timedelta(minutes=3)


def publish_due() -> str:
    """Retire cached pages if a scheduled guide has become public since the last runs; publish
    the drafts whose time has come."""
    now = timezone.now()
    due = Guide.objects.filter(
        status=Status.PUBLISHED, published_at__gt=now - LOOK_BACK, published_at__lte=now
    ).count()
    drafts = publish_due_drafts(now)
    said = f"; {drafts} draft(s) published" if drafts else ""
    if due:
        pages_changed()
        return f"{due} scheduled guide(s) came due: cached pages retired{said}"
    return f"no scheduled guide came due{said}"
