"""Editors keep the authors: the names bylines print and the profiles they link to."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from authors.models import Author
from core.admin_widgets import EditorFields, WideTextInputs
from images.admin import ImageAdminMixin
from images.forms import ImageUploadField, ImageUploadsMixin
from images.kinds import PORTRAIT


class AuthorForm(ImageUploadsMixin, forms.ModelForm):
    photo_upload = ImageUploadField(PORTRAIT, alt_field="photo_alt", label="Upload a photo")

    class Meta:
        model = Author
        fields = [
            "name", "slug", "role_line", "bio", "photo", "photo_alt", "website", "github",
            "linkedin", "mastodon", "x", "user",
        ]  # fmt: skip


@admin.register(Author)
class AuthorAdmin(ImageAdminMixin, EditorFields, WideTextInputs):
    form = AuthorForm
    raw_id_fields = ["photo"]
    list_display = ["name", "role_line", "user", "page_link"]
    search_fields = ["name", "role_line"]  # also what the guide admin's author picker searches
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role_line", "bio"]}),
        ("Photo", {"fields": ["photo_upload", "photo", "photo_alt"]}),
        ("Links (https)", {"fields": ["website", "github", "linkedin", "mastodon", "x"]}),
        ("Staff account", {"fields": ["user"]}),
    ]

    @admin.display(description="page")
    def page_link(self, author: Author) -> str:
        return format_html('<a href="{}">View</a>', author.get_absolute_url())
