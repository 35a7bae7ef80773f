"""Alerts in the moderators' workspace: addresses (to record bounces by hand), their alerts and
what each digest sent. Addresses show in full here only: moderators need them for bounces."""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from alerts.models import Alert, AlertSend, Subscriber


class AlertInline(admin.TabularInline):
    model = Alert
    fields = ["description", "frequency", "confirmed_at", "last_sent_at"]
    readonly_fields = ["description", "confirmed_at", "last_sent_at"]
    extra = 0
    can_delete = True
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Subscriber | None = None) -> bool:
        return False  # alerts are confirmed by their address's owner, never made here


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at", "created_at", "alert_count", "bounces"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    fields = ["email", "confirmed_at", "created_at", "bounces", "bounce_note"]
    readonly_fields = ["email", "confirmed_at", "created_at"]
    inlines = [AlertInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Subscriber]:
        return super().get_queryset(request).annotate(alert_count=Count("alerts"))

    @admin.display(description="alerts", ordering="alert_count")
    def alert_count(self, subscriber: Subscriber) -> int:
        return subscriber.alert_count  # type: ignore[attr-defined]  # the annotation above


class AlertSendInline(admin.TabularInline):
    model = AlertSend
    fields = ["sent_at", "job_count", "job_ids"]
    readonly_fields = ["sent_at", "job_count", "job_ids"]
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["description", "subscriber", "frequency", "confirmed_at", "last_sent_at"]
    list_filter = ["frequency", ("confirmed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["subscriber"]
    search_fields = ["subscriber__email", "description"]
    readonly_fields = [
        "subscriber",
        "description",
        "query",
        "created_at",
        "confirmed_at",
        "covered_until",
        "last_sent_at",
    ]
    fields = [*readonly_fields[:3], "frequency", *readonly_fields[3:]]
    inlines = [AlertSendInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
