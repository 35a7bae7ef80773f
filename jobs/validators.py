"""Checks on uploaded company logos: a real PNG, JPEG, GIF or WebP image of a sensible size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

LOGO_MAX_BYTES = settings.LOGO_MAX_BYTES
LOGO_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"]

# The first bytes of each accepted format. SVG is refused on purpose: it can carry script.
_SIGNATURES = {
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "JPEG": (b"\xff\xd8\xff",),
    "GIF": (b"GIF87a", b"GIF89a"),
}


def image_format(head: bytes) -> str | None:
    """The image format the leading bytes announce, or None."""
    for name, signatures in _SIGNATURES.items():
        if head.startswith(signatures):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def validate_logo(file) -> None:
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            f"The logo is {filesizeformat(file.size)}; the limit is "
            f"{filesizeformat(LOGO_MAX_BYTES)}. A square image of 400 × 400 pixels is plenty."
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    if image_format(head) is None:
        raise ValidationError("The logo must be a PNG, JPEG, GIF or WebP image.")
