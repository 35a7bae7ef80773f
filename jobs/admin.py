"""The moderators' workspace: companies and job postings; a review queue with approve,
request changes and reject (with a reason the employer sees); feature and extend; each posting's
status history."""

from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar, TypedDict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from core.admin_widgets import WideTextInputs
from core.http import SignedInRequest
from core.page_cache import pages_changed
from jobs import moderation
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
        label="Days (feature, extend)",
        initial=DEFAULT_ACTION_DAYS,
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_ACTION_DAYS, "size": 4}),
    )
    note = forms.CharField(
        label="Reason (request changes, reject)",
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"size": 50}),
    )


class ReviewForm(forms.Form):
    DECISIONS = [
        ("approve", "Approve and publish"),
        ("changes", "Request changes"),
        ("reject", "Reject"),
    ]
    decision = forms.ChoiceField(choices=DECISIONS, widget=forms.RadioSelect)
    # The version shown on the page: the decision applies to it alone.
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    note = forms.CharField(
        label="Message to the employer",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 70}),
        help_text="Required to request changes or reject: say what to change and why. "
        "The employer sees it on the dashboard and in the e-mail.",
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("decision") in ("changes", "reject") and not data.get("note", "").strip():
            self.add_error("note", "Give the employer a reason.")
        return data


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


@admin.register(Company)
class CompanyAdmin(WideTextInputs, admin.ModelAdmin):
    list_display = ["name", "website", "open_jobs", "updated_at"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["members", "created_at", "updated_at"]
    fields = [
        "name",
        "slug",
        "website",
        "logo",
        "description",
        "members",
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
class JobAdmin(WideTextInputs, admin.ModelAdmin):
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
    action_form = ModerationActionForm
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

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_review"
        return [path("<int:pk>/review/", review, name=name), *super().get_urls()]

    def review_view(self, request: SignedInRequest, pk: int):
        """One posting's review: its page, its history, and the decision with a message."""
        job = get_object_or_404(Job.objects.select_related("company"), pk=pk)
        if not self.has_change_permission(request, job):
            raise PermissionDenied
        form = ReviewForm(request.POST or None, initial={"revision": job.revision})
        if request.method == "POST" and form.is_valid():
            decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
            step = {"approve": moderation.approve, "changes": moderation.request_changes}.get(
                decision, moderation.reject
            )
            try:
                step(job, request.user, note, revision=form.cleaned_data["revision"])
            except moderation.VersionChanged as error:
                # Read the new version first: the page shows it, with its own number.
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return redirect("admin:jobs_job_review", pk=job.pk)
            except moderation.AlreadyDecided as error:  # e.g. the form sent twice
                self.message_user(request, " ".join(error.messages), messages.INFO)
                return redirect("admin:jobs_jobforreview_changelist")
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"“{job.title}” version {job.revision} is now "
                    f"{job.get_status_display().lower()}.",
                )
                return redirect("admin:jobs_jobforreview_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Review: {job.title}",
            "job": job,
            "form": form,
            "history": job.status_changes.select_related("actor"),
        }
        return TemplateResponse(request, "admin/jobs/job/review.html", context)

    def save_model(self, request, obj: Job, form, change: bool) -> None:
        """Status set by hand in the form is recorded like any other change. Changed content is
        a new version, so a review opened on the old one cannot approve it."""
        before = form.initial.get("status", "") if change else ""
        if change and set(form.changed_data) - {"status", *self.SCHEDULE_FIELDS}:
            obj.revision += 1
        super().save_model(request, obj, form, change)
        if obj.status != before:
            StatusChange.objects.create(
                job=obj, actor=request.user, from_status=before, to_status=obj.status
            )

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
    """Pending postings, oldest submission first, each with a link to its review."""

    list_display = ["title", "company", "version", "submitted_at", "waiting", "review_link"]
    list_filter = ["workplace", "employment_type", "experience_level", "role"]
    date_hierarchy = None
    ordering = ["submitted_at", "pk"]
    actions = ["approve", "request_changes", "reject"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).filter(status=JobStatus.PENDING)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="waiting")
    def waiting(self, job: Job) -> str:
        if job.submitted_at is None:
            return ""
        hours = int((timezone.now() - job.submitted_at).total_seconds() // 3600)
        return f"{hours // 24} d {hours % 24} h" if hours >= 24 else f"{hours} h"

    @admin.display(description="review")
    def review_link(self, job: Job) -> str:
        return format_html(
            '<a href="{}">Review</a>', reverse("admin:jobs_job_review", args=[job.pk])
        )
