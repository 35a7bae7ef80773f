"""The moderation desk in the admin: the review page of one posting (its page as visitors will
see it, beside the decision) and the columns of the queue. Every decision goes through
moderation.py, which records it, tells the employer and retires cached pages."""

from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince

from core.http import SignedInRequest
from jobs import moderation, review
from jobs.choices import JobStatus
from jobs.models import Job

REASON_REQUIRED = "Give the employer a reason."

FLAG_LABELS = {
    "first_posting": "First posting from this company",
    JobStatus.REJECTED: "Edited after a rejection",
    JobStatus.CHANGES: "Edited after changes were requested",
    "no_salary": "Salary missing",
    "held": "Company held: its name looks like another company's",
}


class QueueActionForm(ActionForm):
    """The queue's actions: approve, or send back with the reason typed here."""

    note = forms.CharField(
        label="Reason for the employer",
        required=False,
        max_length=2000,
        widget=forms.TextInput(
            attrs={"size": 40, "placeholder": "needed to reject or request changes"}
        ),
    )


class ReviewForm(forms.Form):
    """The review page's decision: one button per decision, the reason beside them."""

    DECISIONS = [
        ("approve", "Approve and publish"),
        ("changes", "Request changes"),
        ("reject", "Reject with reason"),
    ]
    decision = forms.ChoiceField(
        choices=DECISIONS,
        error_messages={"required": "Choose a decision with one of the buttons."},
    )
    # The version shown on the page: the decision applies to it alone.
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    note = forms.CharField(
        label="Reason for the employer",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Needed to reject or to request changes: say what to change and why. "
        "The employer reads it on the dashboard and in the e-mail.",
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("decision") in ("changes", "reject") and not data.get("note", "").strip():
            self.add_error("note", REASON_REQUIRED)
        return data


def submitted_ago(when: datetime | None, now: datetime | None = None) -> str:
    """ "3 hours ago", "2 days ago": one unit, as a moderator reads a queue."""
    if when is None:
        return ""
    now = now or timezone.now()
    if (now - when).total_seconds() < 60:
        return "just now"
    return f"{timesince(when, now, depth=1)} ago"


def flags(job: Job) -> list[str]:
    """What asks for a closer look at a posting of review.with_flags()."""
    found = []
    if job.company.is_held:  # the company is read with the posting
        found.append(FLAG_LABELS["held"])
    if getattr(job, "first_posting", False):
        found.append(FLAG_LABELS["first_posting"])
    last_decision = getattr(job, "last_decision", None)
    if last_decision in review.SENT_BACK:
        found.append(FLAG_LABELS[last_decision])
    if not job.has_salary:
        found.append(FLAG_LABELS["no_salary"])
    return found


class FlagFilter(admin.SimpleListFilter):
    """The queue's one filter: the postings with a given flag (review.with_flags())."""

    title = "flag"
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        return [
            ("first", FLAG_LABELS["first_posting"]),
            ("sent_back", "Edited after a rejection or request for changes"),
            ("no_salary", FLAG_LABELS["no_salary"]),
        ]

    def queryset(self, request, queryset):
        if self.value() == "first":
            return queryset.filter(first_posting=True)
        if self.value() == "sent_back":
            return queryset.filter(last_decision__in=review.SENT_BACK)
        if self.value() == "no_salary":
            return queryset.filter(salary_min__isnull=True)
        return queryset


def flag_list(job: Job) -> str:
    return format_html_join("", '<span class="review-flag">{}</span>', ((f,) for f in flags(job)))


class ReviewDesk(admin.ModelAdmin):
    """The review page of JobAdmin (admin:jobs_job_review, the link in moderators' e-mails)."""

    def get_urls(self):
        review_page = self.admin_site.admin_view(self.review_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_review"
        return [path("<int:pk>/review/", review_page, name=name), *super().get_urls()]

    def review_view(self, request: SignedInRequest, pk: int):
        """One posting as it will look on the site, beside its decision and its history."""
        jobs = review.with_flags(Job.objects.select_related("company", "role"))
        job = get_object_or_404(jobs, pk=pk)
        if not self.has_change_permission(request, job):
            raise PermissionDenied
        form = ReviewForm(request.POST or None, initial={"revision": job.revision})
        if request.method == "POST" and form.is_valid():
            done = self._decide(request, job, form.cleaned_data)
            if done is not None:
                return done
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Review: {job.title}",
            "job": job,
            "flags": flags(job),
            "submitted_ago": submitted_ago(job.submitted_at),
            "form": form,
            "history": job.status_changes.select_related("actor"),
            "queue_url": reverse("admin:jobs_jobforreview_changelist"),
        }
        return TemplateResponse(request, "admin/jobs/job/review.html", context)

    def _decide(self, request: SignedInRequest, job: Job, data: dict):
        """Take the decision through moderation.py; a redirect, or None to show the page again
        with the message."""
        step = {
            "approve": moderation.approve,
            "changes": moderation.request_changes,
            "reject": moderation.reject,
        }[data["decision"]]
        try:
            step(job, request.user, data["note"], revision=data["revision"])
        except moderation.VersionChanged as error:
            # Read the new version first: the page shows it, with its own number.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:jobs_job_review", pk=job.pk)
        except moderation.AlreadyDecided as error:  # e.g. the form sent twice
            self.message_user(request, " ".join(error.messages), messages.INFO)
            return redirect("admin:jobs_jobforreview_changelist")
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        self.message_user(
            request,
            f"“{job.title}” version {job.revision} is now {job.get_status_display().lower()}.",
        )
        return redirect("admin:jobs_jobforreview_changelist")


def title_with_version(job: Job) -> str:
    """The queue's first column: the title, linking to the review page, and the hidden field
    that names the version shown to the list's actions."""
    return format_html(
        '<a href="{}">{}</a><input type="hidden" name="revision_{}" value="{}">{}',
        reverse("admin:jobs_job_review", args=[job.pk]),
        job.title,
        job.pk,
        job.revision,
        format_html(' <span class="quiet">version {}</span>', job.revision)
        if job.revision > 1
        else "",
    )
