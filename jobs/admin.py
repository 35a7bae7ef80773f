"""The moderators' workspace: companies and job postings, with approve, reject, feature, extend."""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from jobs.choices import JobStatus
from jobs.models import Company, Job, featured_now_q, public_jobs_q
from roles.admin import WideTextInputs

DEFAULT_ACTION_DAYS = 30
MAX_ACTION_DAYS = 365


class DaysActionForm(ActionForm):
    # Text, checked by the action itself: the admin refuses the whole form when a field is
    # invalid and would only say "No action selected".
    days = forms.CharField(
        label="Days (feature, extend)",
        initial=DEFAULT_ACTION_DAYS,
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_ACTION_DAYS, "size": 4}),
    )


@admin.register(Company)
class CompanyAdmin(WideTextInputs, admin.ModelAdmin):
    list_display = ["name", "website", "open_jobs", "updated_at"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fields = ["name", "slug", "website", "logo", "description", "created_at", "updated_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        open_jobs = public_jobs_q(timezone.now(), prefix="jobs__")
        return super().get_queryset(request).annotate(open_total=Count("jobs", filter=open_jobs))

    @admin.display(description="open jobs", ordering="open_total")
    def open_jobs(self, company: Company) -> int:
        return company.open_total


class FeaturedFilter(admin.SimpleListFilter):
    title = "featured"
    parameter_name = "featured"

    def lookups(self, request, model_admin):
        return [("now", "Featured now"), ("no", "Not featured")]

    def queryset(self, request, queryset):
        if self.value() == "now":
            return queryset.featured()
        if self.value() == "no":
            return queryset.exclude(featured_now_q(timezone.now()))
        return queryset


class ExpiryFilter(admin.SimpleListFilter):
    title = "expiry"
    parameter_name = "expiry"

    def lookups(self, request, model_admin):
        return [("soon", "Expires within 7 days"), ("past", "Past its expiry")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "soon":
            return queryset.filter(expires_at__gt=now, expires_at__lte=now + timedelta(days=7))
        if self.value() == "past":
            return queryset.filter(expires_at__lte=now)
        return queryset


@admin.register(Job)
class JobAdmin(WideTextInputs, admin.ModelAdmin):
    list_display = [
        "title",
        "company",
        "visibility",
        "featured",
        "posted_at",
        "expires_at",
        "page_link",
    ]
    list_filter = [
        "status",
        FeaturedFilter,
        ExpiryFilter,
        "workplace",
        "employment_type",
        "experience_level",
        "role",
    ]
    list_select_related = ["company"]
    search_fields = ["title", "company__name", "skills", "slug"]
    date_hierarchy = "posted_at"
    autocomplete_fields = ["company", "role"]
    readonly_fields = ["created_at", "updated_at"]
    action_form = DaysActionForm
    actions = ["approve", "reject", "feature", "unfeature", "extend"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "company", "role", "description", "skills"]}),
        (
            "Where",
            {
                "fields": [
                    "workplace",
                    "remote_region",
                    "street_address",
                    ("city", "region", "postal_code"),
                    "country",
                ]
            },
        ),
        ("Terms", {"fields": [("employment_type", "experience_level")]}),
        (
            "Salary",
            {"fields": [("salary_min", "salary_max", "salary_currency", "salary_period")]},
        ),
        ("How to apply", {"fields": ["apply_url", "apply_email"]}),
        (
            "Moderation",
            {
                "fields": [
                    "status",
                    ("posted_at", "expires_at"),
                    "featured_until",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    @admin.display(description="status", ordering="status")
    def visibility(self, job: Job) -> str:
        if job.status == JobStatus.PUBLISHED and not job.is_public:
            return "Published · past expiry" if job.is_closed else "Scheduled"
        return job.get_status_display()

    @admin.display(description="featured", boolean=True, ordering="featured_until")
    def featured(self, job: Job) -> bool:
        return job.is_featured

    @admin.display(description="page")
    def page_link(self, job: Job) -> str:
        label = "View" if job.is_public else "Preview"
        return format_html('<a href="{}">{}</a>', job.get_absolute_url(), label)

    def action_days(self, request: HttpRequest) -> int | None:
        """The days typed beside the action (30 when empty), or None after an error message."""
        raw = request.POST.get("days", "").strip()
        if not raw:
            return DEFAULT_ACTION_DAYS
        days = int(raw) if raw.isdigit() else 0
        if not 1 <= days <= MAX_ACTION_DAYS:
            self.message_user(
                request, f"Days must be a whole number from 1 to {MAX_ACTION_DAYS}.", messages.ERROR
            )
            return None
        return days

    @admin.action(description="Approve and publish selected jobs", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        now = timezone.now()
        approved = 0
        for job in queryset.exclude(status=JobStatus.FILLED):
            job.publish(now)
            job.save()
            approved += 1
        self.message_user(request, f"Published {approved} job(s).", messages.SUCCESS)

    @admin.action(description="Reject selected jobs", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(status=JobStatus.REJECTED, updated_at=timezone.now())
        self.message_user(request, f"Rejected {count} job(s).", messages.SUCCESS)

    @admin.action(description="Feature selected jobs for the given days", permissions=["change"])
    def feature(self, request: HttpRequest, queryset: QuerySet) -> None:
        days = self.action_days(request)
        if days is None:
            return
        until = timezone.now() + timedelta(days=days)
        count = queryset.update(featured_until=until, updated_at=timezone.now())
        self.message_user(
            request, f"Featured {count} job(s) until {until:%b %d, %Y}.", messages.SUCCESS
        )

    @admin.action(description="Stop featuring selected jobs", permissions=["change"])
    def unfeature(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(featured_until=None, updated_at=timezone.now())
        self.message_user(request, f"{count} job(s) no longer featured.", messages.SUCCESS)

    @admin.action(description="Extend selected jobs by the given days", permissions=["change"])
    def extend(self, request: HttpRequest, queryset: QuerySet) -> None:
        days = self.action_days(request)
        if days is None:
            return
        now = timezone.now()
        extended = 0
        for job in queryset.filter(status__in=[JobStatus.PUBLISHED, JobStatus.EXPIRED]):
            job.expires_at = max(job.expires_at or now, now) + timedelta(days=days)
            job.status = JobStatus.PUBLISHED
            job.save(update_fields=["expires_at", "status", "updated_at"])
            extended += 1
        skipped = queryset.count() - extended
        note = (
            f" ({skipped} skipped: only published or expired jobs can be extended)"
            if skipped
            else ""
        )
        self.message_user(
            request, f"Extended {extended} job(s) by {days} days{note}.", messages.SUCCESS
        )
