"""The reports on the moderation desk: postings with open reports, grouped with their counts and
newest report first; each posting's reports on one page with the two decisions (dismiss them,
or take the posting down with a reason for the employer); and the read-only trail of decisions
and reports."""

from typing import TYPE_CHECKING, TypedDict

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from core.http import SignedInRequest
from jobs import moderation
from jobs.admin_review import submitted_ago
from jobs.models import Job
from reports import services
from reports.models import Report, ReportDecision, ReportedPosting

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class OpenReports(TypedDict):
    open_reports: int
    latest_report: object


OPEN = Q(reports__decision__isnull=True)


class DecisionForm(forms.Form):
    DECISIONS = [("dismiss", "Dismiss the reports"), ("take_down", "Take the posting down")]
    decision = forms.ChoiceField(
        choices=DECISIONS,
        error_messages={"required": "Choose a decision with one of the buttons."},
    )
    note = forms.CharField(
        label="Reason for the employer",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Needed to take the posting down: the employer reads it in the e-mail. "
        "Reporters who left an address hear the outcome, not this text.",
    )

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        if data.get("decision") == "take_down" and not data.get("note", "").strip():
            self.add_error("note", services.REASON_REQUIRED)
        return data


@admin.register(ReportedPosting)
class ReportedPostingAdmin(admin.ModelAdmin):
    """Postings with open reports, the most recently reported first."""

    list_display = ["posting", "company", "report_count", "reasons", "latest", "status"]
    list_display_links = None
    list_select_related = ["company"]
    search_fields = ["title", "company__name"]
    actions = None

    class Media:
        css = {"all": ["css/admin-review.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        open_reports = Report.objects.open().filter(job=OuterRef("pk"))
        jobs = super().get_queryset(request).filter(Exists(open_reports))
        return jobs.annotate(
            open_reports=Count("reports", filter=OPEN), latest_report=Max("reports__created_at")
        ).order_by("-latest_report", "-pk")

    def get_urls(self):
        desk = self.admin_site.admin_view(self.desk_view)
        return [
            path("<int:pk>/desk/", desk, name="reports_reportedposting_desk"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        title = "Reported postings, newest report first"
        response = super().changelist_view(request, {"title": title, **(extra_context or {})})
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            label_reasons(list(changelist.result_list))
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """A posting's reports are handled on its desk page, not in the posting form."""
        return redirect("admin:reports_reportedposting_desk", pk=object_id)

    @admin.display(description="posting", ordering="title")
    def posting(self, job: Job) -> str:
        desk = reverse("admin:reports_reportedposting_desk", args=[job.pk])
        return format_html('<a href="{}">{}</a>', desk, job.title)

    @admin.display(description="open reports", ordering="open_reports")
    def report_count(self, job: "WithAnnotations[Job, OpenReports]") -> int:
        return job.open_reports

    @admin.display(description="reasons")
    def reasons(self, job: Job) -> str:
        # Set by changelist_view for the page's postings (one query for the whole list).
        return ", ".join(getattr(job, "reason_labels", []))

    @admin.display(description="latest report", ordering="latest_report")
    def latest(self, job: "WithAnnotations[Job, OpenReports]") -> str:
        return submitted_ago(job.latest_report)  # type: ignore[arg-type]

    @admin.display(description="status", ordering="status")
    def status(self, job: Job) -> str:
        return job.get_status_display()

    def desk_view(self, request: SignedInRequest, pk: int):
        """One posting's open reports, newest first, beside the decision and the past ones."""
        job = get_object_or_404(Job.objects.select_related("company"), pk=pk)
        if not self.has_view_permission(request):
            raise PermissionDenied
        may_decide = self.has_change_permission(request)
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            if form.is_valid():
                done = self._decide(request, job, form.cleaned_data)
                if done is not None:
                    return done
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Reports: {job.title}",
            "job": job,
            "open_reports": Report.objects.open().filter(job=job),
            "decisions": job.report_decisions.select_related("moderator"),
            "form": form,
            "may_decide": may_decide,
            "list_url": reverse("admin:reports_reportedposting_changelist"),
        }
        return TemplateResponse(request, "admin/reports/reportedposting/desk.html", context)

    def _decide(self, request: SignedInRequest, job: Job, data: dict):
        try:
            if data["decision"] == "take_down":
                decision = services.take_down(job, request.user, data["note"])
            else:
                decision = services.dismiss(job, request.user, data["note"])
        except services.NothingOpen as error:  # e.g. the form sent twice
            self.message_user(request, " ".join(error.messages), messages.INFO)
            return redirect("admin:reports_reportedposting_changelist")
        except moderation.NotAllowed:
            self.message_user(
                request,
                f"“{job.title}” is {job.get_status_display().lower()}, no longer on the board: "
                "there is nothing to take down. Dismiss the reports instead.",
                messages.ERROR,
            )
            return None
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        count = decision.report_count
        done = "taken down" if data["decision"] == "take_down" else "left up"
        self.message_user(
            request, f"“{job.title}” {done}; {count} report{'s' if count != 1 else ''} closed."
        )
        return redirect("admin:reports_reportedposting_changelist")


def label_reasons(jobs: list[Job]) -> None:
    """Give each listed posting `reason_labels`: the reasons of its open reports, most frequent
    first, in one query for the page."""
    rows = (
        Report.objects.open()
        .filter(job__in=[job.pk for job in jobs])
        .values_list("job", "reason")
        .annotate(n=Count("pk"))
        .order_by("job", "-n", "reason")
    )
    labels: dict[int, list[str]] = {}
    names = dict(Report._meta.get_field("reason").choices or [])
    for job_id, reason, n in rows:
        labels.setdefault(job_id, []).append(f"{names.get(reason, reason)} ({n})")
    for job in jobs:
        job.reason_labels = labels.get(job.pk, [])  # type: ignore[attr-defined]


class ReadOnly(admin.ModelAdmin):
    """The trail is written by the desk alone."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ReportDecision)
class ReportDecisionAdmin(ReadOnly):
    list_display = ["created_at", "job", "outcome", "report_count", "moderator", "note"]
    list_filter = ["outcome"]
    list_select_related = ["job", "moderator"]
    search_fields = ["job__title", "note"]
    date_hierarchy = "created_at"


@admin.register(Report)
class ReportAdmin(ReadOnly):
    list_display = ["created_at", "job", "reason", "has_address", "decision"]
    list_filter = ["reason", ("decision", admin.EmptyFieldListFilter)]
    list_select_related = ["job", "decision"]
    search_fields = ["job__title", "details"]
    date_hierarchy = "created_at"
    fields = ["job", "reason", "details", "email", "created_at", "decision"]

    @admin.display(description="e-mail left", boolean=True)
    def has_address(self, report: Report) -> bool:
        return bool(report.email)
