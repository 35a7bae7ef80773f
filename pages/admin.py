"""Editors write the site's pages and read the contact inbox."""

from django.contrib import admin, messages
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from core.admin_widgets import WideTextInputs
from pages.models import ContactMessage, Page


@admin.register(Page)
class PageAdmin(WideTextInputs, admin.ModelAdmin):
    list_display = ["title", "address", "updated_at"]
    fields = ["slug", "title", "summary", "body", "updated_at"]
    readonly_fields = ["updated_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Page | None = None):
        # A page's address is fixed once it exists (the footer and the URL map name it).
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    @admin.display(description="address")
    def address(self, page: Page) -> str:
        return format_html('<a href="{}">{}</a>', page.get_absolute_url(), page.get_absolute_url())


class HandledFilter(admin.SimpleListFilter):
    title = "handled"
    parameter_name = "handled"

    def lookups(self, request, model_admin):
        return [("no", "Not yet handled"), ("yes", "Handled")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(handled_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(handled_at__isnull=False)
        return queryset


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """The inbox: messages not yet handled first, newest first; answered by e-mail, then marked
    handled (by whom and when)."""

    list_display = ["subject", "name", "email", "created_at", "handled"]
    list_filter = [HandledFilter]
    search_fields = ["subject", "name", "email", "message"]
    date_hierarchy = "created_at"
    fields = ("name", "email", "subject", "message", "created_at", "handled_at", "handled_by")
    readonly_fields = fields
    actions = ["mark_handled", "mark_not_handled"]

    def get_ordering(self, request: HttpRequest):
        return [F("handled_at").asc(nulls_first=True), "-created_at", "-pk"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="handled", boolean=True, ordering="handled_at")
    def handled(self, message: ContactMessage) -> bool:
        return message.is_handled

    @admin.action(description="Mark selected messages handled", permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.filter(handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=request.user
        )
        self.message_user(request, f"{count} message(s) marked handled.", messages.SUCCESS)

    @admin.action(description="Mark selected messages not handled", permissions=["change"])
    def mark_not_handled(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(handled_at=None, handled_by=None)
        self.message_user(request, f"{count} message(s) back in the inbox.", messages.SUCCESS)
