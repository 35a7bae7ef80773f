"""Small pieces shared by the admin pages of every app."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Field
from django.http import HttpRequest

# Single-line fields that hold a sentence get a wide input instead of the admin's narrow default.
WIDE_FIELDS = {"name", "summary", "title", "subtitle", "seo_description"}


class WideTextInputs(admin.ModelAdmin):
    def formfield_for_dbfield(
        self, db_field: Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in WIDE_FIELDS:
            field.widget.attrs["class"] = "vLargeTextField"
        return field
