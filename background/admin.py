from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from background.models import OutgoingEmail, ScheduledRun


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """For operators (superusers): what is waiting, what failed and why. Addresses are personal,
    so no group is granted this model."""

    list_display = ["kind", "to", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]
    actions = ["retry_now"]

    @admin.action(description="Try the selected failed or waiting e-mail again now")
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        count = queryset.exclude(status=OutgoingEmail.Status.SENT).update(
            status=OutgoingEmail.Status.PENDING, next_attempt_at=timezone.now(), attempts=0
        )
        self.message_user(
            request, f"{count} e-mail(s) will be sent at the next sweep (within a minute)."
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ["name", "due_at", "started_at", "finished_at", "outcome"]
    list_filter = ["name"]
    readonly_fields = [f.name for f in ScheduledRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
