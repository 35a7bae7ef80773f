"""The moderators' workspace: companies and job postings; a review queue with approve,
request changes and reject (with a reason the employer sees); feature and extend; each posting's
status history."""

from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar, TypedDict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from core.admin_widgets import WideTextInputs
from core.page_cache import pages_changed
from images.admin import ImageAdminMixin
from images.forms import ImageUploadField, ImageUploadsMixin
from images.kinds import LOGO
from jobs import moderation, review
from jobs.admin_companies import CompanyTrustAdmin, HeldFilter
from jobs.admin_review import (
    FlagFilter,
    QueueActionForm,
    ReviewDesk,
    flag_list,
    submitted_ago,
    title_with_version,
)
from jobs.choices import JobStatus
from jobs.models import (
    Company,
    Job,
    JobForReview,
    StatusChange,
    featured_now_q,
    public_jobs_q,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class OpenTotal(TypedDict):
    open_total: int


DEFAULT_ACTION_DAYS = 30
MAX_ACTION_DAYS = 365


class ModerationActionForm(ActionForm):
    # Text, checked by the action itself: the admin refuses the whole form when a field is
    # invalid and would only say "No action selected".
    days = forms.CharField(
        label="Days to feature or extend by",
        initial=DEFAULT_ACTION_DAYS,
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_ACTION_DAYS, "size": 4}),
    )
    note = forms.CharField(
        label="Reason for the employer (to reject or request changes)",
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"size": 50}),
    )


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ("created_at", "actor", "from_status", "to_status", "revision", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "status change"
    verbose_name_plural = "history"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CompanyAdminForm(ImageUploadsMixin, forms.ModelForm):
    logo_upload = ImageUploadField(LOGO, label="Upload a logo")

    class Meta:
        model = Company
        fields = ["name", "slug", "website", "logo", "description"]


@admin.register(Company)
class CompanyAdmin(CompanyTrustAdmin, ImageAdminMixin, WideTextInputs, admin.ModelAdmin):
    form = CompanyAdminForm
    list_display = ["name", "website", "verified", "look_alike", "open_jobs", "updated_at"]
    list_filter = [HeldFilter]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = [
        "look_alike",
        "verification_state",
        "members",
        "audit_trail",
        "created_at",
        "updated_at",
    ]
    raw_id_fields = ["logo"]
    fields = [
        "name",
        "look_alike",
        "slug",
        "website",
        "verification_state",
        "logo",
        "logo_upload",
        "tagline",
        "headquarters",
        "size",
        "industries",
        "description",
        "members",
        "audit_trail",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        open_jobs = public_jobs_q(timezone.now(), prefix="jobs__")
        return super().get_queryset(request).annotate(open_total=Count("jobs", filter=open_jobs))

    @admin.display(description="employer accounts")
    def members(self, company: Company) -> str:
        accounts = company.employers.select_related("user") if company.pk else []
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a>{}',
                (
                    (
                        reverse("admin:employers_employer_change", args=[e.pk]),
                        e.user.email,
                        "" if e.is_verified else " (unconfirmed)",
                    )
                    for e in accounts
                ),
            )
            or "None"
        )

    @admin.display(description="open jobs", ordering="open_total")
    def open_jobs(self, company: "WithAnnotations[Company, OpenTotal]") -> int:
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
class JobAdmin(WideTextInputs, ReviewDesk):
    list_display = [
        "title",
        "company",
        "version",
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
    date_hierarchy: ClassVar[str | None] = "posted_at"
    autocomplete_fields = ["company", "role"]
    readonly_fields = ["revision", "submitted_at", "created_at", "updated_at"]
    action_form: ClassVar[type[ActionForm]] = ModerationActionForm
    actions = ["approve", "request_changes", "reject", "feature", "unfeature", "extend"]
    inlines = [StatusChangeInline]
    # Fields that change when and how long a posting runs, not what it says.
    SCHEDULE_FIELDS = ["posted_at", "expires_at", "featured_until"]
    change_form_template = "admin/jobs/job/change_form.html"
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
                    ("status", "revision"),
                    ("posted_at", "expires_at"),
                    "featured_until",
                    ("submitted_at", "created_at", "updated_at"),
                ]
            },
        ),
    ]

    @admin.display(description="version", ordering="revision")
    def version(self, job: Job) -> str:
        """The version shown, and a hidden field that names it to the moderation actions: they
        act on a posting only while it is still the version the moderator saw in the list."""
        return format_html(
            '{}<input type="hidden" name="revision_{}" value="{}">',
            job.revision,
            job.pk,
            job.revision,
        )

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

    def get_readonly_fields(self, request: HttpRequest, obj: Job | None = None):
        # A posting's status changes only through moderation.py (the review page and the
        # actions), which records it, tells the employer and retires cached pages.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "status"] if obj is not None else readonly

    def save_model(self, request, obj: Job, form, change: bool) -> None:
        """A new posting's first status is recorded. Changed content is a new version, so a
        review opened on the old one cannot approve it."""
        if change and set(form.changed_data) - set(self.SCHEDULE_FIELDS):
            obj.revision += 1
        super().save_model(request, obj, form, change)
        if not change:
            moderation.record_creation(obj, request.user)

    def _each(self, request, queryset, step, done: str, *args, versioned: bool = False) -> None:
        """Take `step` for every selected posting; those it does not apply to are skipped and
        counted. `done` is the report, with {count} and {skipped}. A `versioned` step (approve,
        request changes, reject) applies only to the version the list showed, named by its hidden
        field: a posting edited since then, or not on the page, is skipped for review."""
        count, skipped, changed = 0, [], []
        for job in queryset.select_related("company"):
            kwargs = {}
            if versioned:
                shown = request.POST.get(f"revision_{job.pk}", "")
                kwargs["revision"] = int(shown) if shown.isdigit() else 0
            try:
                step(job, request.user, *args, **kwargs)
                count += 1
            except moderation.VersionChanged:
                changed.append(job.title)
            except ValidationError:
                skipped.append(job.get_status_display().lower())
        note = ""
        if skipped:
            statuses = ", ".join(sorted(set(skipped)))
            note = f" ({len(skipped)} skipped: not possible for {statuses} postings)"
        self.message_user(request, f"{done.format(count=count)}{note}.", messages.SUCCESS)
        if changed:
            titles = ", ".join(f"“{title}”" for title in changed)
            self.message_user(
                request,
                f"Changed since the list was shown, so left alone: {titles}. Review the new "
                "version.",
                messages.WARNING,
            )

    def action_note(self, request: HttpRequest) -> str | None:
        note = request.POST.get("note", "").strip()
        if not note:
            self.message_user(
                request, "Type a reason for the employer beside the action.", messages.ERROR
            )
            return None
        return note

    @admin.action(description="Approve and publish selected jobs", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        note = request.POST.get("note", "").strip()
        self._each(
            request, queryset, moderation.approve, "Published {count} job(s)", note, versioned=True
        )

    @admin.action(
        description="Request changes to selected jobs (give a reason)", permissions=["change"]
    )
    def request_changes(self, request: HttpRequest, queryset: QuerySet) -> None:
        note = self.action_note(request)
        if note is not None:
            done = "Sent back {count} job(s)"
            step = moderation.request_changes
            self._each(request, queryset, step, done, note, versioned=True)

    @admin.action(description="Reject selected jobs (give a reason)", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        note = self.action_note(request)
        if note is not None:
            done = "Rejected {count} job(s)"
            self._each(request, queryset, moderation.reject, done, note, versioned=True)

    @admin.action(description="Feature selected jobs for the given days", permissions=["change"])
    def feature(self, request: HttpRequest, queryset: QuerySet) -> None:
        days = self.action_days(request)
        if days is None:
            return
        until = timezone.now() + timedelta(days=days)
        count = queryset.update(featured_until=until, updated_at=timezone.now())
        pages_changed()
        self.message_user(
            request, f"Featured {count} job(s) until {until:%b %d, %Y}.", messages.SUCCESS
        )

    @admin.action(description="Stop featuring selected jobs", permissions=["change"])
    def unfeature(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(featured_until=None, updated_at=timezone.now())
        pages_changed()
        self.message_user(request, f"{count} job(s) no longer featured.", messages.SUCCESS)

    @admin.action(description="Extend selected jobs by the given days", permissions=["change"])
    def extend(self, request: HttpRequest, queryset: QuerySet) -> None:
        days = self.action_days(request)
        if days is not None:
            done = f"Extended {{count}} job(s) by {days} days"
            self._each(request, queryset, moderation.renew, done, days)


@admin.register(JobForReview)
class ReviewQueueAdmin(JobAdmin):
    """Postings waiting for review, oldest submission first: each with its flags and a link to
    its review page; approve, or send back with a reason, several at once."""

    list_display = ["posting", "company", "submitted", "flags"]
    list_display_links = None
    list_filter = [FlagFilter]
    date_hierarchy = None
    ordering = ["submitted_at", "pk"]
    action_form = QueueActionForm
    actions = ["approve", "request_changes", "reject"]

    class Media:
        css = {"all": ["css/admin-review.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return review.with_flags(super().get_queryset(request).filter(status=JobStatus.PENDING))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        title = "Postings waiting for review, oldest first"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    @admin.display(description="posting", ordering="title")
    def posting(self, job: Job) -> str:
        return title_with_version(job)

    @admin.display(description="submitted", ordering="submitted_at")
    def submitted(self, job: Job) -> str:
        if job.submitted_at is None:
            return ""
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            job.submitted_at.isoformat(timespec="seconds"),
            f"{job.submitted_at:%b %-d, %Y %H:%M}",
            submitted_ago(job.submitted_at),
        )

    @admin.display(description="flags", empty_value="")
    def flags(self, job: Job) -> str:
        return flag_list(job)
