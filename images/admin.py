"""The image library in the admin: editors upload, see the variants and copy a Markdown
snippet; and the mixin other admins use so their forms upload through the pipeline."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html, format_html_join

from images.forms import ImageUploadField, stored_upload
from images.kinds import ARTICLE, KINDS, Kind
from images.models import Image, variant_url
from images.services import store


def thumbnail(image: Image | None, height: int = 48) -> str:
    """A small picture of `image`, `height` pixels tall. Sized by its attribute: the
    Content-Security-Policy refuses style attributes."""
    if image is None:
        return "—"
    return format_html(
        '<img src="{}" alt="" height="{}">', image.url(image.kind_spec.sizes[0]), height
    )


class ImageAdminMixin:
    """For a ModelAdmin whose form uses ImageUploadsMixin and shows the ForeignKey field too:
    an upload is stored in the library before the form runs, and the form then refers to it
    like any library image. So a draft or preview saved inside a rolled-back transaction
    (roles/admin_drafts.py) still points at an image that exists."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        if request.method == "POST" and request.FILES:
            self.store_uploads_first(request)
        return super().changeform_view(  # type: ignore[misc]
            request, object_id, form_url, extra_context
        )

    def store_uploads_first(self, request: HttpRequest) -> None:
        form_class: Any = getattr(self, "form", None)
        post = request.POST.copy()
        fields = getattr(form_class, "base_fields", {})
        for name, upload in fields.items():
            field = name.removesuffix("_upload")
            file = request.FILES.get(name)
            if not isinstance(upload, ImageUploadField) or file is None or field not in fields:
                continue
            image = stored_upload(file, upload.kind, request.user)
            if image is not None:
                post[field] = image.pk
                request.FILES.pop(name)
        request.POST = post  # type: ignore[assignment]


class LibraryUploadForm(forms.ModelForm):
    kind = forms.ChoiceField(
        choices=[(name, kind.label) for name, kind in KINDS.items()],
        initial=ARTICLE.name,
        help_text=(
            "Article pictures are made 800 and 1600 pixels wide (never enlarged); hero images "
            "1200 × 630 and 600 × 315; logos padded squares; portraits cut to squares."
        ),
    )
    upload = forms.FileField(
        help_text="PNG, JPEG or WebP, at most 4 MB (logos 512 KB). SVG is not accepted.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = Image
        fields = ["alt_text"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        kind = KINDS.get(cleaned.get("kind") or "")
        file = cleaned.get("upload")
        if kind is not None and file is not None:
            field = ImageUploadField(kind, required=True)
            try:
                cleaned["processed"] = field.clean(file)
            except forms.ValidationError as error:
                self.add_error("upload", error)
        if kind is ARTICLE and not (cleaned.get("alt_text") or "").strip():
            self.add_error("alt_text", "Describe the picture: the Markdown snippet carries it.")
        return cleaned


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["preview", "original_name", "kind", "size_text", "alt_text", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["original_name", "alt_text", "digest"]
    date_hierarchy = "uploaded_at"
    readonly_fields = [
        "preview_large",
        "markdown_snippet",
        "variant_list",
        "kind",
        "original_name",
        "size_text",
        "uploaded_by",
        "uploaded_at",
    ]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = LibraryUploadForm
            kwargs["fields"] = ["alt_text"]  # and the form's own: the kind and the file
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return [(None, {"fields": ["kind", "upload", "alt_text"]})]
        return [
            (None, {"fields": ["preview_large", "alt_text", "markdown_snippet"]}),
            ("Variants", {"fields": ["variant_list"]}),
            (
                "Upload",
                {"fields": ["kind", "original_name", "size_text", "uploaded_by", "uploaded_at"]},
            ),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Image, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        upload = form.cleaned_data["processed"]
        stored = store(
            upload.processed,
            upload.kind,
            original_name=upload.name,
            uploaded_by=request.user,
            alt_text=form.cleaned_data.get("alt_text", ""),
        )
        obj.pk = stored.pk
        obj._state.adding = False
        obj.refresh_from_db()

    @admin.display(description="image")
    def preview(self, image: Image) -> str:
        return thumbnail(image)

    @admin.display(description="image")
    def preview_large(self, image: Image) -> str:
        return thumbnail(image, height=240)

    @admin.display(description="size of the upload")
    def size_text(self, image: Image) -> str:
        return f"{image.width} × {image.height} px"

    @admin.display(description="Markdown")
    def markdown_snippet(self, image: Image) -> str:
        snippet = markdown_for(image)
        return format_html(
            '<input type="text" readonly value="{}" size="70">'
            '<p class="help">Copy it into the guide\'s text. The alt text is the part in '
            "brackets: change it to suit the place.</p>",
            snippet,
        )

    @admin.display(description="variants")
    def variant_list(self, image: Image) -> str:
        rows = image.variants.defer("data").order_by("size", "format")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}.{}</a>: {} × {} px</li>',
                (
                    (variant_url(image.pk, v.size, v.format), v.size, v.format, v.width, v.height)
                    for v in rows
                ),
            ),
        )


def markdown_for(image: Image) -> str:
    kind: Kind = image.kind_spec
    alt = (image.alt_text or "Describe the picture").replace("]", "")
    size = kind.sizes[0] if kind is ARTICLE else kind.largest
    return f"![{alt}]({variant_url(image.pk, size, 'webp')})"
