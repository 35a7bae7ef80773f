"""Editors keep the authors: the names bylines print and the profiles they link to."""

from django.contrib import admin
from django.utils.html import format_html

from authors.models import Author
from core.admin_widgets import EditorFields, WideTextInputs


@admin.register(Author)
class AuthorAdmin(EditorFields, WideTextInputs):
    list_display = ["name", "role_line", "user", "page_link"]
    search_fields = ["name", "role_line"]  # also what the guide admin's author picker searches
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role_line", "bio"]}),
        ("Links (https)", {"fields": ["website", "github", "linkedin", "mastodon", "x"]}),
        ("Staff account", {"fields": ["user"]}),
    ]

    @admin.display(description="page")
    def page_link(self, author: Author) -> str:
        return format_html('<a href="{}">View</a>', author.get_absolute_url())
