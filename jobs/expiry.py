"""Expiry: published postings past their date are archived and their companies told; postings
about to expire get one notice per expiry date. Visitors never see an expired posting whether or
not this runs (Job.objects.public() checks the date); it keeps records, cached pages and
employers up to date. The worker runs it every five minutes (settings.PERIODIC_JOBS)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from jobs import moderation
from jobs.choices import JobStatus
from jobs.models import Job

WARN_DAYS = 7


@dataclass
class Expiry:
    expired: int
    warned: int

    def __str__(self) -> str:
        return f"archived {self.expired} expired posting(s), sent {self.warned} expiry notice(s)"


def expiring_soon(days: int = WARN_DAYS) -> QuerySet[Job]:
    soon = timezone.now() + timedelta(days=days)
    return Job.objects.public().filter(expires_at__lte=soon).select_related("company")


def expire_due(soon: int = WARN_DAYS) -> Expiry:
    now = timezone.now()
    ended = Job.objects.filter(status=JobStatus.PUBLISHED, expires_at__lte=now)
    expired = 0
    for job in ended.select_related("company").iterator():
        moderation.expire(job)
        expired += 1
    unwarned = Q(expiry_notice_for__isnull=True) | ~Q(expiry_notice_for=F("expires_at"))
    warned = 0
    for job in expiring_soon(soon).filter(unwarned):
        moderation.warn_expiring(job)
        warned += 1
    return Expiry(expired, warned)
