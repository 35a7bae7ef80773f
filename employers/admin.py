"""Employer accounts in the moderators' workspace."""

from django.contrib import admin

from employers.models import Employer


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["user", "company", "created_company", "verified_at", "joined_at"]
    list_filter = ["created_company", ("verified_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user", "company"]
    search_fields = ["user__email", "company__name"]
    autocomplete_fields = ["company"]
    readonly_fields = ["user", "joined_at"]
