"""`Idempotency-Key` on the API's "post a job": a client that retries a POST it never saw the
answer to (a timeout, a dropped connection) gets the posting its first request made, not a
second one in the review queue. The key is the client's (1 to 100 visible ASCII characters),
scoped to its company and kept IDEMPOTENCY_HOURS; the same key with other content is refused."""

import hashlib
import json
import re
from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import exceptions, status
from rest_framework.request import Request

from employers.models import IdempotencyKey
from jobs.models import Job

HEADER = "Idempotency-Key"
IDEMPOTENCY_HOURS = 24
VALID_KEY = re.compile(r"[\x21-\x7e]{1,100}")


class KeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "This Idempotency-Key was already used for a posting with other content."
    default_code = "idempotency_key_reused"


def key_of(request: Request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not VALID_KEY.fullmatch(key):
        raise exceptions.ValidationError({HEADER: ["Use 1 to 100 visible ASCII characters."]})
    return key


def request_digest(request: Request) -> str:
    content = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(content.encode()).hexdigest()


def _live(company_id: int) -> QuerySet[IdempotencyKey]:
    since = timezone.now() - timedelta(hours=IDEMPOTENCY_HOURS)
    return IdempotencyKey.objects.filter(company_id=company_id, created_at__gte=since)


def earlier_posting(company_id: int, key: str, digest: str) -> Job | None:
    """The posting this key already made, if any; KeyReused if it was made from other content."""
    found = _live(company_id).filter(key=key).select_related("job").first()
    if found is None:
        return None
    if found.request_digest != digest:
        raise KeyReused()
    return found.job


def remember(company_id: int, key: str, digest: str, job: Job) -> None:
    """Inside the transaction that makes the posting: two requests racing with one key make one
    posting, since the second insert fails the unique constraint and its posting is undone."""
    IdempotencyKey.objects.filter(company_id=company_id, key=key).exclude(
        pk__in=_live(company_id).values("pk")
    ).delete()
    IdempotencyKey.objects.create(company_id=company_id, key=key, request_digest=digest, job=job)


def forget_old() -> str:
    """The periodic clean-up (settings.PERIODIC_JOBS)."""
    cutoff = timezone.now() - timedelta(hours=IDEMPOTENCY_HOURS)
    removed = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()[0]
    return f"forgot {removed} idempotency key(s)"
