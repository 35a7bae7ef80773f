"""Small pieces shared by the admin pages of every app."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Field
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from core.markup import MAX_MARKDOWN_CHARS, WORDS_PER_MINUTE

# Single-line fields that hold a sentence get a wide input instead of the admin's narrow default.
WIDE_FIELDS = {"name", "summary", "title", "subtitle", "seo_description"}

# What an editor may write, in the order it is needed; images only from this site (CSP).
CHEAT_SHEET = [
    ("## Heading", "a heading, placed below the heading the page prints above this text"),
    ("**bold**  *italic*", "emphasis"),
    ("[link text](https://example.com)", "a link: http, https, mailto or /a/page/ of this site"),
    ("- item", "a list (1. item for a numbered one)"),
    ("| A | B |\n|---|---|\n| 1 | 2 |", "a table"),
    ("![what it shows](/images/….800.webp)", "a picture of the Images library, described"),
    ("> quoted text", "a quotation"),
]


class EditorText(forms.CharField):
    """Text as typed in a browser: line ends as "\\n", whatever the browser sent ("\\r\\n"), so an
    untouched textarea does not count as a change."""

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


class MarkdownTextarea(forms.Textarea):
    """A Markdown field with a live word count and reading time under it (static/js, no inline
    script) and a cheat-sheet. The size bound is checked by the model; the script warns early,
    and keeps a body too large to send from being sent and lost."""

    class Media:
        css = {"all": ["css/admin-editing.css"]}
        js = ["js/admin-editing.js"]

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {
                "class": "vLargeTextField",
                "rows": 8,
                "data-markdown": "",
                "data-max-chars": str(MAX_MARKDOWN_CHARS),
                "data-words-per-minute": str(WORDS_PER_MINUTE),
                **(attrs or {}),
            }
        )

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> SafeString:
        textarea = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id") or f"id_{name}"
        rows = format_html_join("", "<tr><td><pre>{}</pre></td><td>{}</td></tr>", CHEAT_SHEET)
        return format_html(
            '{}<p class="md-stats" id="{}-stats" aria-live="polite"></p>'
            '<details class="md-help"><summary>Markdown cheat-sheet</summary>'
            "<table><tbody>{}</tbody></table></details>",
            textarea,
            field_id,
            rows,
        )


class EditorFields:
    """For model and inline admins: text fields keep line ends as written (see `EditorText`);
    the model's Markdown fields (`markdown_fields`, `inline_markdown_fields`) get the Markdown
    editor."""

    model: type[models.Model]

    def formfield_for_dbfield(
        self, db_field: Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if isinstance(db_field, models.TextField) and not db_field.choices:
            kwargs.setdefault("form_class", EditorText)
            markdown = [
                *getattr(self.model, "markdown_fields", ()),
                *getattr(self.model, "inline_markdown_fields", ()),
            ]
            if db_field.name in markdown:
                kwargs.setdefault("widget", MarkdownTextarea)
        return super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]


class WideTextInputs(admin.ModelAdmin):
    def formfield_for_dbfield(
        self, db_field: Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in WIDE_FIELDS:
            field.widget.attrs["class"] = "vLargeTextField"
        return field
