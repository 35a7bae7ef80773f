"""Giving a model an image in a few lines: an upload field that runs the pipeline, and a form
mixin that stores the upload in the library and points the model's field at it."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

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

    def __init__(self, kind: Kind, **kwargs: Any) -> None:
        self.kind = kind
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Upload | None:
        file = super().clean(data, initial)
        if not isinstance(file, UploadedFile):
            return None
        file.seek(0)
        try:
            return Upload(process(file.read(), self.kind), self.kind, file.name or "")
        except ImageRefused as refused:
            raise forms.ValidationError(str(refused), code="image_refused") from None


@dataclass(frozen=True)
class ImageSlot:
    """A model field (a ForeignKey to Image) that takes uploads of `kind`; `alt_field` names
    the model's field of alt text, required whenever the image is set."""

    kind: Kind
    alt_field: str | None = None
    label: str = ""
    help_text: str = ""


def upload_name(field: str) -> str:
    return f"{field}_upload"


def remove_name(field: str) -> str:
    return f"{field}_remove"


class ImageUploadsMixin(forms.BaseForm):
    """For a ModelForm: `image_slots = {"logo": ImageSlot(LOGO)}` adds a `logo_upload` field;
    a valid upload is stored in the library and set on the instance when the form saves.
    Set `uploaded_by` (the user) before saving to record who uploaded."""

    image_slots: dict[str, ImageSlot] = {}
    uploaded_by: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field, slot in self.image_slots.items():
            limit = "512 KB" if slot.kind.name == "logo" else "4 MB"
            self.fields[upload_name(field)] = ImageUploadField(
                slot.kind,
                label=slot.label or f"Upload a new {field.replace('_', ' ')}",
                help_text=slot.help_text
                or f"PNG, JPEG or WebP, at most {limit}. SVG is not accepted.",
            )
            if field not in self.fields and getattr(self.instance, f"{field}_id", None):
                self.fields[remove_name(field)] = forms.BooleanField(
                    required=False, label=f"Remove the {field.replace('_', ' ')}"
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for field, slot in self.image_slots.items():
            has_image = cleaned.get(upload_name(field)) or cleaned.get(field)
            if field not in self.fields and not cleaned.get(remove_name(field)):
                has_image = has_image or getattr(self.instance, f"{field}_id", None)
            if slot.alt_field and has_image and not (cleaned.get(slot.alt_field) or "").strip():
                self.add_error(slot.alt_field, "Describe the image for people who cannot see it.")
        return cleaned

    def store_uploads(self) -> None:
        for field in self.image_slots:
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
        return super().save(commit)  # type: ignore[misc]


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
