"""The editors' workspace: write roles and guides, preview drafts, publish and unpublish; every
change is a version that can be compared and restored (core/admin_versions.py)."""

from typing import TYPE_CHECKING, TypedDict

import reversion
from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from authors.models import Author
from core.admin_versions import VersionedAdmin
from core.admin_widgets import EditorFields, WideTextInputs
from core.page_cache import pages_changed
from images.admin import ImageAdminMixin, thumbnail
from images.forms import ImageUploadField, ImageUploadsMixin
from images.kinds import HERO
from roles.admin_drafts import DraftForm, DraftsAdmin, HasDraftFilter, guides_using
from roles.models import (
    STANDARD_SECTIONS,
    Guide,
    GuideAuthor,
    GuideSection,
    GuideTip,
    Role,
    SectionKind,
    Status,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class GuidesTotal(TypedDict):
    guides_total: int


class PublishActions(VersionedAdmin):
    """Publish/unpublish actions shared by the role and guide lists; each row changed is saved
    as a version of its own, with who and when."""

    actions = ["publish", "unpublish"]

    @admin.action(
        description="Publish selected (now, unless a date is already set)", permissions=["change"]
    )
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        rows = list(queryset.exclude(status=Status.PUBLISHED))
        for row in rows:
            row.status = Status.PUBLISHED  # a guide without a date gets "now" when saved
            self.save_version(request, row, "Published from the list.")
        self.message_user(request, f"Published {len(rows)} item(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected (back to draft)", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        rows = list(queryset.exclude(status=Status.DRAFT))
        for row in rows:
            row.status = Status.DRAFT
            self.save_version(request, row, "Moved back to draft from the list.")
        self.message_user(request, f"Moved {len(rows)} item(s) back to draft.", messages.SUCCESS)


class RoleForm(DraftForm):
    """The admin supplies the model and fields; this adds the time to publish a draft."""


@admin.register(Role)
class RoleAdmin(DraftsAdmin, EditorFields, WideTextInputs, PublishActions):
    form = RoleForm
    actions = ["publish", "unpublish", "publish_drafts"]
    list_display = ["name", "status", "draft_column", "guide_count", "summary", "updated_at"]
    list_filter = ["status", HasDraftFilter]
    # Named: the guide count's GROUP BY drops the model's ordering, and the guide form's role
    # autocomplete pages through this queryset.
    ordering = ["name"]
    search_fields = [
        "name", "summary", "broader_titles", "definition", "responsibilities", "skills", "tools",
        "industries",
    ]  # fmt: skip
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

    def shown_on(self, record: Role | None) -> list[Guide]:
        """A role's text prints in every guide about it."""
        return guides_using(record) if record is not None else []


class SectionForm(forms.ModelForm):
    """A standard section offered on the Add page is created even if left as offered: a new
    guide starts with them all, beside any custom section written at once."""

    def has_changed(self) -> bool:
        offered = self.instance.pk is None and bool(self.initial.get("kind"))
        return offered or super().has_changed()


class GuideSectionInline(EditorFields, admin.StackedInline):
    model = GuideSection
    form = SectionForm
    extra = 0
    fieldsets = [
        (None, {"fields": [("position", "kind", "heading")]}),
        (
            "Text",
            {
                "fields": [
                    "intro",
                    "first_role_text",
                    "first_role_notes",
                    "second_role_text",
                    "second_role_notes",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["first_role_text", "second_role_text"]
    verbose_name_plural = (
        "Sections — each shows a block per role: the role's own data for that kind, "
        "then the notes written here"
    )

    def get_extra(self, request: HttpRequest, obj: Guide | None = None, **kwargs) -> int:
        return len(STANDARD_SECTIONS) if obj is None or obj.pk is None else 0

    @admin.display(description="main role's own text")
    def first_role_text(self, section: GuideSection) -> str:
        return role_text(section, "first_role")

    @admin.display(description="compared role's own text")
    def second_role_text(self, section: GuideSection) -> str:
        return role_text(section, "second_role")


def role_text(section: GuideSection, which: str) -> str:
    """What the page prints from the role's record above the notes (read-only here: it is
    edited on the role, and changes every guide about it)."""
    guide = getattr(section, "guide", None)
    role = getattr(guide, which, None) if guide is not None else None
    if role is None:
        return "—" if guide is not None and guide.pk else "Shown once the guide is saved."
    if section.kind == SectionKind.CUSTOM:
        return "A custom section prints no role data."
    text = role.text_for(section.kind).strip()
    return format_html(
        '<div class="role-own-text">{}</div><a href="{}">Edit {}</a>',
        linebreaksbr(text) if text else "(empty)",
        reverse("admin:roles_role_change", args=[role.pk]),
        role.name,
    )


class GuideTipInline(EditorFields, admin.TabularInline):
    model = GuideTip
    extra = 0
    fields = ["position", "lead_in", "text"]


class CreditForm(forms.ModelForm):
    """The author offered on the Add page (the editor's own) is credited unless taken out."""

    def has_changed(self) -> bool:
        if not self.data.get(self.add_prefix("author")):
            return False
        offered = self.instance.pk is None and bool(self.initial.get("author"))
        return offered or super().has_changed()


class GuideAuthorInline(admin.TabularInline):
    model = GuideAuthor
    form = CreditForm
    extra = 0
    fields = ["position", "author"]
    autocomplete_fields = ["author"]
    verbose_name_plural = "Authors — in the byline's order; each links to their profile page"

    def get_extra(self, request: HttpRequest, obj: Guide | None = None, **kwargs) -> int:
        return 1 if obj is None or obj.pk is None else 0


class GuideForm(ImageUploadsMixin, DraftForm):
    """The admin supplies the model and fields; this adds the choice to stamp "Updated", the
    time to publish a draft and the hero image's upload."""

    hero_image_upload = ImageUploadField(
        HERO, alt_field="hero_image_alt", label="Upload a hero image"
    )

    mark_updated = forms.BooleanField(
        label="Mark as updated",
        required=False,
        help_text=(
            "Shows “Updated” with today's date on the page. Tick it for news readers should "
            "know of; leave it for small fixes."
        ),
    )


class RoleFilter(admin.SimpleListFilter):
    """One filter for either role of a guide: half the height of two."""

    title = "role"
    parameter_name = "role"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return list(Role.objects.order_by("name").values_list("pk", "name"))

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() and str(self.value()).isdigit():
            return queryset.filter(Q(first_role=self.value()) | Q(second_role=self.value()))
        return queryset


@admin.register(Guide)
class GuideAdmin(ImageAdminMixin, DraftsAdmin, EditorFields, WideTextInputs, PublishActions):
    form = GuideForm
    actions = ["publish", "unpublish", "publish_drafts"]
    list_display = [
        "title", "publication", "draft_column", "published_at", "roles_shown", "page_link",
    ]  # fmt: skip
    list_filter = ["status", HasDraftFilter, RoleFilter]
    list_select_related = ["first_role", "second_role"]
    # The article's text too, sections and tips included.
    search_fields = [
        "title", "subtitle", "first_role__name", "second_role__name", "introduction", "outlook",
        "conclusion", "sections__heading", "sections__intro", "sections__first_role_notes",
        "sections__second_role_notes", "tips__lead_in", "tips__text",
    ]  # fmt: skip
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["first_role", "second_role", "related_guides"]
    raw_id_fields = ["hero_image"]
    readonly_fields = ["reading_minutes", "created_at", "revised_at", "hero_preview"]
    inlines = [GuideAuthorInline, GuideSectionInline, GuideTipInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "subtitle", ("first_role", "second_role")]}),
        (
            "Hero image",
            {
                "fields": ["hero_preview", "hero_image", "hero_image_upload", "hero_image_alt"],
                "description": (
                    "Pick an image of the library (kind “Hero and link preview”) or upload one; "
                    "pictures inside the text come from the Images admin as Markdown."
                ),
            },
        ),
        ("Text", {"fields": ["introduction", "outlook", "conclusion"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "last_reviewed",
                    "reading_minutes",
                    ("revised_at", "mark_updated"),
                ]
            },
        ),
        ("Search engines and related reading", {"fields": ["seo_description", "related_guides"]}),
    ]

    @admin.display(description="hero image now")
    def hero_preview(self, guide: Guide) -> str:
        return thumbnail(guide.hero_image, height=120)

    @admin.display(description="status", ordering="status")
    def publication(self, guide: Guide) -> str:
        if guide.status == Status.PUBLISHED and not guide.is_public:
            return "Scheduled"
        return guide.get_status_display()

    @admin.display(description="roles", ordering="first_role__name")
    def roles_shown(self, guide: Guide) -> str:
        return " vs ".join(role.name for role in guide.roles)

    @admin.display(description="page")
    def page_link(self, guide: Guide) -> str:
        label = "View" if guide.is_public else "Preview"
        return format_html('<a href="{}">{}</a>', guide.get_absolute_url(), label)

    def get_formset_kwargs(self, request: HttpRequest, obj: Guide, inline, prefix: str) -> dict:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, GuideSectionInline) and obj.pk is None:
            # The Add page offers the standard sections, in order.
            kwargs["initial"] = [
                {"kind": kind, "position": i} for i, kind in enumerate(STANDARD_SECTIONS, start=1)
            ]
        if isinstance(inline, GuideAuthorInline) and obj.pk is None:
            # A new guide is credited to the editor writing it, when they have a byline.
            own = Author.objects.filter(user=request.user.pk).first()
            kwargs["initial"] = [{"author": own.pk, "position": 1}] if own else []
        return kwargs

    def save_model(self, request: HttpRequest, obj: Guide, form, change: bool) -> None:
        if form.cleaned_data.get("mark_updated"):
            obj.revised_at = timezone.now()
        super().save_model(request, obj, form, change)

    def after_save(self, request: HttpRequest, form, change: bool) -> None:
        guide = form.instance
        if not change and not guide.sections.exists():
            GuideSection.objects.bulk_create(
                GuideSection(guide=guide, kind=kind, position=i)
                for i, kind in enumerate(STANDARD_SECTIONS, start=1)
            )
        guide.refresh_body()
        if reversion.is_active():
            reversion.add_to_revision(guide)  # again: with its reading time and new sections
        if (
            guide.changes_public_pages()
        ):  # sections added in bulk, reading time and body text set by update()
            pages_changed(*guide.page_tags())
