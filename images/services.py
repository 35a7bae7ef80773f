"""Storing a processed upload in the library."""

from typing import Any

from django.db import transaction

from images.kinds import Kind
from images.models import Image, ImageVariant
from images.pipeline import Processed, process


@transaction.atomic
def store(
    processed: Processed,
    kind: Kind,
    *,
    original_name: str = "",
    uploaded_by: Any = None,
    alt_text: str = "",
) -> Image:
    """The library's image for the upload: the one already there when the same file was
    uploaded for the same kind, else a new one with its variants (two statements)."""
    existing = Image.objects.filter(pk=processed.digest).first()
    if existing is not None:
        return existing
    user = uploaded_by if uploaded_by is not None and uploaded_by.is_authenticated else None
    image = Image.objects.create(
        digest=processed.digest,
        kind=kind.name,
        original_name=original_name[:255],
        width=processed.width,
        height=processed.height,
        alt_text=alt_text,
        uploaded_by=user,
    )
    ImageVariant.objects.bulk_create(
        ImageVariant(
            image=image,
            size=variant.size,
            format=variant.format,
            width=variant.width,
            height=variant.height,
            sha256=variant.sha256,
            data=variant.data,
        )
        for variant in processed.variants
    )
    return image


def store_bytes(data: bytes, kind: Kind, **details: Any) -> Image:
    """Process and store raw bytes (the demo, the logo migration); ImageRefused if refused."""
    return store(process(data, kind), kind, **details)
