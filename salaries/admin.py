"""Editors' side of salary insights: canonical titles, their aliases, unmatched raw titles and
the stored records (read-only)."""

from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Count, F, FilteredRelation, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from salaries.models import SalaryRecord, SalaryTitle, TitleAlias, UnmatchedTitle
from salaries.services import titles_edited

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class TitleTotals(TypedDict):
    alias_total: int
    full_time_records: int | None


class RematchesTitles(admin.ModelAdmin):
    """After a canonical title or an alias is added, changed or deleted, every stored record's
    title is matched again and the titles that gained or lost records are recomputed."""

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        titles_edited()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        titles_edited()

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        titles_edited()


class TitleAliasInline(admin.TabularInline):
    model = TitleAlias
    extra = 1
    fields = ["alias"]


@admin.register(SalaryTitle)
class SalaryTitleAdmin(RematchesTitles, admin.ModelAdmin):
    list_display = ["name", "alias_count", "record_count", "page_link"]
    search_fields = ["name", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug"]
    inlines = [TitleAliasInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                alias_total=Count("aliases", distinct=True),
                overall=FilteredRelation(
                    "stats", condition=Q(stats__country="", stats__level="", stats__year=0)
                ),
                full_time_records=F("overall__count"),
            )
        )

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, title: "WithAnnotations[SalaryTitle, TitleTotals]") -> int:
        return title.alias_total

    @admin.display(description="full-time records", ordering="full_time_records")
    def record_count(self, title: "WithAnnotations[SalaryTitle, TitleTotals]") -> int:
        return title.full_time_records or 0

    @admin.display(description="page")
    def page_link(self, title: SalaryTitle) -> str:
        return format_html('<a href="{}">View</a>', title.get_absolute_url())


@admin.register(TitleAlias)
class TitleAliasAdmin(RematchesTitles, admin.ModelAdmin):
    list_display = ["alias", "title"]
    list_select_related = ["title"]
    list_filter = ["title"]
    search_fields = ["alias", "title__name"]
    autocomplete_fields = ["title"]
    fields = ["alias", "title"]


@admin.register(UnmatchedTitle)
class UnmatchedTitleAdmin(admin.ModelAdmin):
    """Raw titles no canonical title or alias matches, most frequent first."""

    list_display = ["example", "records", "add_alias"]
    search_fields = ["example", "key"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="")
    def add_alias(self, unmatched: UnmatchedTitle) -> str:
        url = (
            reverse("admin:salaries_titlealias_add") + "?" + urlencode({"alias": unmatched.example})
        )
        return format_html('<a href="{}">Add as an alias…</a>', url)


@admin.register(SalaryRecord)
class SalaryRecordAdmin(admin.ModelAdmin):
    list_display = ["raw_title", "title", "level", "country", "year", "amount_usd", "source"]
    list_filter = ["source", "level", "employment_type", "dataset"]
    list_select_related = ["title"]
    search_fields = ["raw_title"]
    show_full_result_count = False  # a survey holds millions of rows

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
