"""Moderators' review of company profile changes: each pending change beside the profile as
it is now, approved or rejected (with a note the employer sees) from the list's actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from companies import review
from companies.models import PROFILE_FIELDS, ChangeStatus, CompanyProfileChange
from images.admin import thumbnail


class DecisionForm(ActionForm):
    note = forms.CharField(
        label="Note for the employer (shown with a rejection)",
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"size": 50}),
    )


# Everything is shown as it was proposed and decided; the decision is the list's action.
SHOWN = (
    "company",
    "status",
    "comparison",
    "proposed_by",
    "updated_at",
    "decided_by",
    "decided_at",
    "note",
)


def _label(name: str) -> str:
    return str(getattr(CompanyProfileChange._meta.get_field(name), "verbose_name", name))


@admin.register(CompanyProfileChange)
class CompanyProfileChangeAdmin(admin.ModelAdmin):
    list_display = ["company", "status", "changed", "proposed_by", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["company", "proposed_by"]
    search_fields = ["company__name"]
    action_form = DecisionForm
    actions = ["approve", "reject"]
    fields = SHOWN
    readonly_fields = SHOWN

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # employers propose changes from their dashboard

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # the record of what was proposed and decided stays

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Waiting ones first, oldest first among them, as the posting queue is.
        return super().get_queryset(request).order_by("-status", "updated_at")

    @admin.display(description="changes")
    def changed(self, change: CompanyProfileChange) -> str:
        names = change.changed_fields() if change.status == ChangeStatus.PENDING else []
        return ", ".join(_label(name) for name in names)

    @admin.display(description="proposed profile beside the current one")
    def comparison(self, change: CompanyProfileChange) -> str:
        def shown(record, name: str):
            value = getattr(record, name)
            return thumbnail(value) if name == "logo" else value or "—"

        rows = (
            (
                "changed" if getattr(change, name) != getattr(change.company, name) else "",
                _label(name).capitalize(),
                shown(change.company, name),
                shown(change, name),
            )
            for name in PROFILE_FIELDS
        )
        body = format_html_join("", '<tr class="{}"><th>{}</th><td>{}</td><td>{}</td></tr>', rows)
        return format_html(
            '<table class="profile-comparison"><thead><tr><th>Field</th><th>Now</th>'
            "<th>Proposed</th></tr></thead><tbody>{}</tbody></table>",
            body,
        )

    def _decide(self, request: HttpRequest, queryset: QuerySet, step, done: str) -> None:
        note = request.POST.get("note", "").strip()
        decided = 0
        for change in queryset.select_related("company"):
            try:
                step(change, request.user, note)
            except review.AlreadyDecided as error:
                self.message_user(request, f"{change.company}: {error}", messages.WARNING)
            else:
                decided += 1
        if decided:
            self.message_user(request, f"{decided} profile change(s) {done}.", messages.SUCCESS)

    @admin.action(description="Approve: show the proposed profile", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._decide(request, queryset, review.approve, "approved")

    @admin.action(description="Reject: keep the profile as it is", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._decide(request, queryset, review.reject, "rejected")
