"""Giving a model an image in a few lines: an upload field that runs the pipeline, and a form
mixin that stores the upload in the library and points the model's field at it."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from images.kinds import Kind
from images.models import Image
from images.pipeline import ImageRefused, Processed, process
from images.services import store

ACCEPT = "image/png,image/jpeg,image/webp"


@dataclass(frozen=True)
class Upload:
    processed: Processed
    kind: Kind
    name: str


class ImageUploadField(forms.FileField):
    """A PNG, JPEG or WebP file, checked and re-encoded while the form is cleaned: a refused
    file is a form error in plain words, never a server error."""

    def __init__(self, kind: Kind, *, alt_field: str | None = None, **kwargs: Any) -> None:
        self.kind = kind
        # The model's field of alt text, required whenever the image is set.
        self.alt_field = alt_field
        kwargs.setdefault("required", False)
        limit = "512 KB" if kind.max_bytes_setting == "LOGO_MAX_BYTES" else "4 MB"
        kwargs.setdefault("help_text", f"PNG, JPEG or WebP, at most {limit}. SVG is not accepted.")
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Upload | None:
        file = super().clean(data, initial)
        if not isinstance(file, UploadedFile):
            return None
        limit = getattr(settings, self.kind.max_bytes_setting)
        if file.size is not None and file.size > limit:  # refused before it is read
            raise forms.ValidationError(
                f"The file is {filesizeformat(file.size)}; the limit is {filesizeformat(limit)}.",
                code="image_refused",
            )
        file.seek(0)
        try:
            return Upload(process(file.read(), self.kind), self.kind, file.name or "")
        except ImageRefused as refused:
            raise forms.ValidationError(str(refused), code="image_refused") from None


def upload_name(field: str) -> str:
    return f"{field}_upload"


def remove_name(field: str) -> str:
    return f"{field}_remove"


class ImageUploadsMixin(forms.BaseModelForm):
    """For a ModelForm: a declared `logo_upload = ImageUploadField(LOGO)` uploads into the
    model's `logo` (a ForeignKey to Image). A valid upload is stored in the library and set on
    the instance when the form saves; an optional `logo_remove` BooleanField clears it. Set
    `uploaded_by` (the user) before saving to record who uploaded."""

    uploaded_by: Any = None

    def image_slots(self) -> dict[str, "ImageUploadField"]:
        """The model's image fields and their upload fields."""
        return {
            name.removesuffix("_upload"): field
            for name, field in self.fields.items()
            if isinstance(field, ImageUploadField) and name.endswith("_upload")
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for field, upload in self.image_slots().items():
            if not upload.alt_field or cleaned.get(remove_name(field)):
                continue
            has_image = cleaned.get(upload_name(field)) or cleaned.get(field)
            if field not in self.fields:
                has_image = has_image or getattr(self.instance, f"{field}_id", None)
            if has_image and not (cleaned.get(upload.alt_field) or "").strip():
                self.add_error(upload.alt_field, "Describe the image for people who cannot see it.")
        return cleaned

    def store_uploads(self) -> None:
        for field in self.image_slots():
            upload = self.cleaned_data.get(upload_name(field))
            if isinstance(upload, Upload):
                image = store(
                    upload.processed,
                    upload.kind,
                    original_name=upload.name,
                    uploaded_by=self.uploaded_by,
                )
                setattr(self.instance, field, image)
            elif self.cleaned_data.get(remove_name(field)):
                setattr(self.instance, field, None)

    def save(self, commit: bool = True) -> Any:
        self.store_uploads()
        return super().save(commit)


def stored_upload(file: UploadedFile, kind: Kind, user: Any) -> Image | None:
    """The upload stored in the library at once, or None when the pipeline refuses it (the
    form's field then says why)."""
    file.seek(0)
    try:
        processed = process(file.read(), kind)
    except ImageRefused:
        return None
    finally:
        file.seek(0)
    return store(processed, kind, original_name=file.name or "", uploaded_by=user)
