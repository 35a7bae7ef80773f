"""Employer accounts (a user's membership of a company) and API tokens.

API tokens are the keys an employer's own systems use to call the API on their behalf.

An employer may hold several, each named for what uses it ("Greenhouse sync", one name once per
account), so that one can be revoked without breaking the others. The key is shown once, when it
is made; only its SHA-256 digest is stored, so a copy of the database holds nothing that opens
the API. A token works for API_TOKEN_DAYS (90) and dies at once when its owner's password is
changed or reset (revoke_all, called by those views).
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from jobs.models import Company

PREFIX = "jca_"
MAX_TOKENS_PER_USER = 10
# How stale "last used" may get before a request writes it again (one write, not one per call).
LAST_USED_PRECISION = timedelta(minutes=5)


def pending_cutoff(now: datetime | None = None) -> datetime:
    """Sign-ups made before this and still unconfirmed have outlived their confirmation link."""
    return (now or timezone.now()) - timedelta(days=settings.EMAIL_VERIFICATION_DAYS)


class EmployerQuerySet(models.QuerySet):
    def stale_pending(self, now: datetime | None = None) -> "EmployerQuerySet":
        """Accounts not confirmed within EMAIL_VERIFICATION_DAYS of signing up: their link no
        longer works, they hold neither their address nor a company's domain, and
        `remove_stale_sign_ups` deletes them."""
        return self.filter(verified_at__isnull=True, joined_at__lt=pending_cutoff(now))


class Employer(models.Model):
    """A user who posts jobs for a company. Several users may share one company's postings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer"
    )
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="employers")
    # Whoever creates a company may draft for it at once; joining an existing company requires
    # a verified address at the company's domain before its postings show.
    created_company = models.BooleanField(default=False)
    verified_at = models.DateTimeField("e-mail verified", null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["company__name", "user__email"]

    def __str__(self) -> str:
        return f"{self.user.email} ({self.company})"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_stale_pending(self) -> bool:
        """Never confirmed, and the confirmation link has expired (see stale_pending)."""
        return not self.is_verified and self.joined_at < pending_cutoff()

    @property
    def may_manage_postings(self) -> bool:
        return self.is_verified or (self.created_company and not self.is_stale_pending)

    @property
    def counts_for_company(self) -> bool:
        """Whether the account has a say in who may join its company: a confirmed member, or
        whoever created the company while their sign-up is still pending. An unconfirmed joiner
        never counts, so a sign-up with an address nobody confirmed cannot lock a company's
        real employees out."""
        return self.is_verified or (self.created_company and not self.is_stale_pending)


def default_token_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.API_TOKEN_DAYS)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def looks_like_key(key: str) -> bool:
    """Whether `key` has the form of a key at all (checked before any database lookup)."""
    return key.startswith(PREFIX) and len(key) <= 100


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=60, help_text="What uses it, e.g. “Careers page sync”.")
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, shown in lists so the owner can tell tokens apart.
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(default=default_token_expiry, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"
        constraints = [
            models.UniqueConstraint(
                "user",
                Lower("name"),
                name="api_token_name_unique_per_user",
                violation_error_message="You already have a token with this name.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, *, user, name: str) -> tuple["ApiToken", str]:
        """A new token for `user`, and its key (never stored, shown to the owner once)."""
        key = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_digest=digest(key), hint=key[: len(PREFIX) + 6]
        )
        return token, key

    @classmethod
    def find(cls, key: str) -> "ApiToken | None":
        """The token with this key (expired or not: see is_expired), with its user, or None."""
        if not looks_like_key(key):
            return None
        return cls.objects.select_related("user").filter(key_digest=digest(key)).first()

    @classmethod
    def revoke_all(cls, user) -> int:
        """Revoke every token of `user` (their password changed: whoever had it may have made
        tokens); how many there were."""
        deleted, _ = cls.objects.filter(user=user).delete()
        return deleted

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def note_use(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at > LAST_USED_PRECISION:
            self.last_used_at = now
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)


class IdempotencyKey(models.Model):
    """A client's `Idempotency-Key` for a posting made through the API: the same key sent again
    (a retry after a timeout, a double click in the client's own tool) answers with the posting
    the first request made instead of making a second one. Kept a day (IDEMPOTENCY_HOURS)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    request_digest = models.CharField(max_length=64)
    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "key"], name="idempotency_key_per_company")
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.job_id}"
