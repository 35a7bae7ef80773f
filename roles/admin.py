"""The editors' workspace: write roles and guides, preview drafts, publish and unpublish."""

from typing import TYPE_CHECKING, TypedDict

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from core.admin_widgets import WideTextInputs
from core.page_cache import pages_changed
from roles.models import STANDARD_SECTIONS, Guide, GuideSection, GuideTip, Role, Status

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class GuidesTotal(TypedDict):
    guides_total: int


class PublishActions(admin.ModelAdmin):
    """Publish/unpublish actions shared by the role and guide lists."""

    actions = ["publish", "unpublish"]

    @admin.action(
        description="Publish selected (now, unless a date is already set)", permissions=["change"]
    )
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.count()
        if hasattr(queryset.model, "published_at"):
            queryset.filter(published_at__isnull=True).update(published_at=timezone.now())
        queryset.update(status=Status.PUBLISHED, updated_at=timezone.now())
        pages_changed()
        self.message_user(request, f"Published {count} item(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected (back to draft)", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(status=Status.DRAFT, updated_at=timezone.now())
        pages_changed()
        self.message_user(request, f"Moved {count} item(s) back to draft.", messages.SUCCESS)


@admin.register(Role)
class RoleAdmin(WideTextInputs, PublishActions, admin.ModelAdmin):
    list_display = ["name", "status", "guide_count", "summary", "updated_at"]
    list_filter = ["status"]
    search_fields = ["name", "summary", "broader_titles"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "status"]}),
        (
            "Profile",
            {"fields": ["definition", "responsibilities", "skills", "education"]},
        ),
        ("Tools and industries", {"fields": ["tools", "industries"]}),
        ("Salary links", {"fields": ["broader_titles"]}),
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                guides_total=Count("guides_as_first", distinct=True)
                + Count("guides_as_second", distinct=True)
            )
        )

    @admin.display(description="guides", ordering="guides_total")
    def guide_count(self, role: "WithAnnotations[Role, GuidesTotal]") -> int:
        return role.guides_total


class GuideSectionInline(admin.StackedInline):
    model = GuideSection
    extra = 0
    fields = [("position", "kind", "heading"), "intro", "first_role_notes", "second_role_notes"]
    verbose_name_plural = (
        "Sections — each shows a block per role: the role's own data for that kind, "
        "then the notes written here"
    )


class GuideTipInline(admin.TabularInline):
    model = GuideTip
    extra = 0
    fields = ["position", "lead_in", "text"]


@admin.register(Guide)
class GuideAdmin(WideTextInputs, PublishActions, admin.ModelAdmin):
    list_display = [
        "title",
        "publication",
        "published_at",
        "first_role",
        "second_role",
        "reading_minutes",
        "page_link",
    ]
    list_filter = ["status", "published_at", "first_role", "second_role"]
    list_select_related = ["first_role", "second_role"]
    search_fields = ["title", "subtitle", "first_role__name", "second_role__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["first_role", "second_role", "related_guides"]
    readonly_fields = ["reading_minutes", "created_at", "updated_at"]
    inlines = [GuideSectionInline, GuideTipInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "subtitle", ("first_role", "second_role")]}),
        ("Text", {"fields": ["introduction", "outlook", "conclusion"]}),
        (
            "Publishing",
            {"fields": ["status", "published_at", "author", "reading_minutes", "updated_at"]},
        ),
        ("Search engines and related reading", {"fields": ["seo_description", "related_guides"]}),
    ]

    @admin.display(description="status", ordering="status")
    def publication(self, guide: Guide) -> str:
        if guide.status == Status.PUBLISHED and not guide.is_public:
            return "Scheduled"
        return guide.get_status_display()

    @admin.display(description="page")
    def page_link(self, guide: Guide) -> str:
        label = "View" if guide.is_public else "Preview"
        return format_html('<a href="{}">{}</a>', guide.get_absolute_url(), label)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        guide = form.instance
        if not change and not guide.sections.exists():
            GuideSection.objects.bulk_create(
                GuideSection(guide=guide, kind=kind, position=i)
                for i, kind in enumerate(STANDARD_SECTIONS, start=1)
            )
        guide.refresh_reading_time()
        if guide.changes_public_pages():  # sections added in bulk, reading time set by update()
            pages_changed(*guide.page_tags())
