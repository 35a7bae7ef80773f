"""A company profile edit waiting for a moderator: the company keeps showing its approved
profile until the change is approved (companies/review.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from jobs.choices import CompanySize
from jobs.models import Company

# The profile fields an employer proposes; the name is not among them (it changes through the
# moderators). A new logo waits with the rest: a picture on public pages is seen first.
PROFILE_FIELDS = (
    "tagline", "headquarters", "size", "industries", "website", "description", "logo",
)  # fmt: skip


class ChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class CompanyProfileChange(models.Model):
    """The profile as an employer wants it; copied onto the company when approved."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="profile_changes")
    tagline = models.CharField(max_length=160, blank=True)
    headquarters = models.CharField(max_length=120, blank=True)
    size = models.CharField("company size", max_length=10, choices=CompanySize, blank=True)
    industries = models.CharField(max_length=200, blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text="Markdown, as the employer wrote it.")
    logo = models.ForeignKey(
        "images.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=ChangeStatus, default=ChangeStatus.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(
        blank=True, help_text="Why it was rejected, or anything the employer should know."
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = "company profile change"
        constraints = [
            # A second edit before the review replaces the first one's values.
            models.UniqueConstraint(
                fields=["company"],
                condition=Q(status="pending"),
                name="one_pending_profile_change_per_company",
            )
        ]

    def __str__(self) -> str:
        return f"Profile of {self.company.name} ({self.get_status_display().lower()})"

    @property
    def values(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in PROFILE_FIELDS}

    def changed_fields(self) -> list[str]:
        """The fields whose proposed value differs from the company's current one."""
        return [
            name for name in PROFILE_FIELDS if getattr(self, name) != getattr(self.company, name)
        ]
