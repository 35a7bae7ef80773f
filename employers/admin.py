"""Employer accounts in the moderators' workspace."""

from django.contrib import admin

from employers.models import Employer
from jobs import verification
from jobs.models import Company


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["user", "company", "created_company", "verified_at", "joined_at"]
    list_filter = ["created_company", ("verified_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user", "company"]
    search_fields = ["user__email", "company__name"]
    autocomplete_fields = ["company"]
    readonly_fields = ["user", "joined_at"]

    def save_model(self, request, obj: Employer, form, change: bool) -> None:
        """A confirmed address or a move to another company may change which company is
        verified (jobs/verification.py): both are decided again."""
        super().save_model(request, obj, form, change)
        if {"company", "verified_at"} & set(form.changed_data):
            verification.recheck(obj.company, request.user)
            old = form.initial.get("company")
            if old and old != obj.company_id:
                verification.recheck(Company.objects.get(pk=old), request.user)
