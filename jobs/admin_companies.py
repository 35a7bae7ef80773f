"""The moderators' side of trusting companies: the "Verified" badge by hand, look-alike names
held for review, merging two companies, and each company's audit trail."""

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from core.http import SignedInRequest
from jobs import merging, verification
from jobs.models import Company, CompanySlugRedirect

if TYPE_CHECKING:
    from django.contrib.auth.models import User

AUDIT_TRAIL_SHOWN = 50


class CompanyActionForm(ActionForm):
    note = forms.CharField(
        label="Reason (for the audit trail)",
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"size": 50}),
    )


class HeldFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "held"

    def lookups(self, request, model_admin):
        return [("yes", "Held: looks like another company"), ("verified", "Verified")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(looks_like__isnull=False)
        if self.value() == "verified":
            return queryset.filter(verified_at__isnull=False)
        return queryset


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Company.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    reason = forms.CharField(required=False, max_length=2000)

    def __init__(self, companies: QuerySet, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["keep"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = companies


class CompanyTrustAdmin(admin.ModelAdmin):
    """Verification, look-alikes and merging, mixed into the company admin."""

    action_form = CompanyActionForm
    actions = ["verify_by_hand", "remove_verification", "clear_look_alike", "merge_companies"]
    list_select_related = ["looks_like"]

    @admin.display(description="verified", boolean=True, ordering="verified_at")
    def verified(self, company: Company) -> bool:
        return company.is_verified

    @admin.display(description="verification")
    def verification_state(self, company: Company) -> str:
        if not company.is_verified:
            return "Not verified"
        return f"{company.get_verified_how_display()}, {company.verified_at:%b %-d, %Y}"

    @admin.display(description="looks like", empty_value="")
    def look_alike(self, company: Company) -> str:
        other = company.looks_like
        if other is None:
            return ""
        url = reverse("admin:jobs_company_change", args=[other.pk])
        return format_html('Held for review: looks like <a href="{}">{}</a>', url, other.name)

    @admin.display(description="audit trail")
    def audit_trail(self, company: Company) -> str:
        """The company's moderation steps, newest first (a read-only list, not an inline: an
        inline would ask every form posted here for its management data)."""
        if company.pk is None:
            return "None yet"
        events = company.events.select_related("actor")[:AUDIT_TRAIL_SHOWN]
        rows = format_html_join(
            "",
            "<li><time>{}</time> · {} · {}{}</li>",
            (
                (
                    f"{event.created_at:%Y-%m-%d %H:%M}",
                    event.get_kind_display(),
                    event.actor or "the site",
                    f": {event.note}" if event.note else "",
                )
                for event in events
            ),
        )
        return format_html('<ul class="audit-trail">{}</ul>', rows) if rows else "None yet"

    def save_model(self, request: HttpRequest, obj: Company, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        user = cast("User", request.user)  # the admin's pages are for signed-in staff
        if not change or "name" in form.changed_data:
            existing = verification.hold_if_look_alike(obj, user)
            if existing is not None:
                self.message_user(
                    request,
                    f"“{obj.name}” looks like “{existing.name}”: it is held for review. Clear it "
                    "or merge the two from the company list.",
                    messages.WARNING,
                )
        if change and "website" in form.changed_data:
            verification.website_changed(obj, user)

    def _reason(self, request: HttpRequest) -> str | None:
        note = request.POST.get("note", "").strip()
        if not note:
            self.message_user(request, "Type a reason beside the action.", messages.ERROR)
            return None
        return note

    @admin.action(
        description="Verify selected companies by hand (give a reason)", permissions=["change"]
    )
    def verify_by_hand(self, request: SignedInRequest, queryset: QuerySet) -> None:
        reason = self._reason(request)
        if reason is None:
            return
        companies = list(queryset)
        for company in companies:
            verification.verify_by_moderator(company, request.user, reason)
        self.message_user(request, f"Verified {len(companies)} company(ies).", messages.SUCCESS)

    @admin.action(
        description="Remove the verification of selected companies (give a reason)",
        permissions=["change"],
    )
    def remove_verification(self, request: SignedInRequest, queryset: QuerySet) -> None:
        reason = self._reason(request)
        if reason is None:
            return
        companies = list(queryset.filter(verified_at__isnull=False))
        for company in companies:
            verification.remove_verification(company, request.user, reason)
        self.message_user(
            request, f"Removed the verification of {len(companies)} company(ies).", messages.SUCCESS
        )

    @admin.action(
        description="Clear the look-alike hold of selected companies (give a reason)",
        permissions=["change"],
    )
    def clear_look_alike(self, request: SignedInRequest, queryset: QuerySet) -> None:
        reason = self._reason(request)
        if reason is None:
            return
        companies = list(queryset.filter(looks_like__isnull=False))
        for company in companies:
            verification.clear_hold(company, request.user, reason)
        self.message_user(request, f"Cleared {len(companies)} company(ies).", messages.SUCCESS)

    @admin.action(description="Merge the two selected companies…", permissions=["change"])
    def merge_companies(
        self, request: SignedInRequest, queryset: QuerySet
    ) -> TemplateResponse | None:
        companies = queryset.order_by("pk")
        if companies.count() != 2:
            self.message_user(request, "Select exactly two companies to merge.", messages.ERROR)
            return None
        form = MergeForm(companies, request.POST if "keep" in request.POST else None)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            old = next(c for c in companies if c.pk != keep.pk)
            old_name = old.name
            try:
                merging.merge(old, keep, request.user, form.cleaned_data["reason"])
            except merging.CannotMerge as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(
                request,
                f"“{old_name}” is merged into “{keep.name}”: its jobs and employers moved, and "
                "its old address leads to the kept company.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge two companies",
            "opts": self.model._meta,
            "companies": companies,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/jobs/company/merge.html", context)


@admin.register(CompanySlugRedirect)
class CompanySlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "company", "created_at"]
    list_select_related = ["company"]
    search_fields = ["old_slug", "company__name"]
    autocomplete_fields = ["company"]
