"""Uploaded images, decoded and made anew: only PNG, JPEG and WebP (told by decoding the bytes,
never by the file's name or the browser's word), within limits of bytes and pixels, turned
upright by their EXIF orientation, and re-encoded into the kind's fixed sizes. Nothing of the
upload but its pixels survives: metadata (EXIF, GPS, text chunks, colour profiles) and any
bytes appended after the image are gone from every variant.

Every refusal is an `ImageRefused` with words for the person who uploaded the file.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from images.kinds import Kind, Shape

ACCEPTED_FORMATS = ["PNG", "JPEG", "WEBP"]
# Bump when the variants come out differently, so new uploads get new addresses (old ones
# are cached for a year under theirs).
PIPELINE_VERSION = b"1"

# Pillow's own backstop: it refuses to decode beyond twice this many pixels. Our limit is
# checked from the header before any decoding (below).
PILImage.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS

QUALITY = {"webp": 82, "jpg": 85}
WHITE = (255, 255, 255)


class ImageRefused(ValueError):
    """The upload is not an image we take; the message says why, to the person uploading."""


@dataclass(frozen=True)
class Variant:
    size: int
    format: str
    width: int
    height: int
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Processed:
    digest: str
    width: int
    height: int
    variants: tuple[Variant, ...]


def digest_of(data: bytes, kind: Kind) -> str:
    """The image's address: the same upload for the same kind is the same image."""
    return hashlib.sha256(PIPELINE_VERSION + kind.name.encode() + b"\0" + data).hexdigest()[:32]


def process(data: bytes, kind: Kind) -> Processed:
    """The upload checked and re-encoded into the kind's variants, or ImageRefused."""
    decoded = decode(data, kind)
    variants = tuple(
        encode(shaped(decoded, kind, size), size, fmt)
        for size in kind.sizes
        for fmt in kind.formats
    )
    return Processed(digest_of(data, kind), decoded.width, decoded.height, variants)


def decode(data: bytes, kind: Kind) -> PILImage.Image:
    """The pixels of an accepted upload, upright, as RGB or RGBA, without any metadata."""
    limit = getattr(settings, kind.max_bytes_setting)
    if not data:
        raise ImageRefused("The file is empty.")
    if len(data) > limit:
        raise ImageRefused(
            f"The file is {filesizeformat(len(data))}; the limit is {filesizeformat(limit)}."
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ImageRefused(_too_many_pixels(None)) from None
        except (UnidentifiedImageError, ValueError, OSError):
            raise ImageRefused(_not_accepted(data)) from None
        _check_pixels(image, kind)
        if getattr(image, "n_frames", 1) > 1:
            raise ImageRefused(
                "Animated images are not accepted: upload a still PNG, JPEG or WebP."
            )
        try:
            image.load()
            image = ImageOps.exif_transpose(image)
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise ImageRefused(_too_many_pixels(None)) from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise ImageRefused(
                "The image could not be read: the file may be damaged or cut short."
            ) from None
    return _pixels_only(image)


def _check_pixels(image: PILImage.Image, kind: Kind) -> None:
    width, height = image.size
    if width < 1 or height < 1:
        raise ImageRefused("The image has no pixels.")
    limit = min(settings.IMAGE_MAX_PIXELS, kind.max_pixels or settings.IMAGE_MAX_PIXELS)
    if width * height > limit:
        raise ImageRefused(_too_many_pixels((width, height), limit))


def _too_many_pixels(size: tuple[int, int] | None, limit: int | None = None) -> str:
    megapixels = (limit or settings.IMAGE_MAX_PIXELS) // 1_000_000
    found = f"{size[0]} × {size[1]} pixels; " if size else ""
    return f"The image is too large: {found}the limit is {megapixels} megapixels."


def _not_accepted(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head:
        return (
            "SVG images are not accepted: they can carry scripts. "
            "Export the image as PNG (or JPEG or WebP) and upload that."
        )
    return "The file is not a PNG, JPEG or WebP image (or it is damaged)."


def _pixels_only(image: PILImage.Image) -> PILImage.Image:
    """A new image holding the pixels alone: no EXIF, text chunks, profile or palette."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    try:
        if image.mode.startswith("I") or image.mode == "F":  # 16- and 32-bit greyscale
            image = image.convert("I").point(lambda value: value / 256).convert("L")
        converted = image.convert(mode)
    except (ValueError, OSError):
        raise ImageRefused("The image's colours could not be read; save it as RGB.") from None
    return PILImage.frombytes(mode, converted.size, converted.tobytes())


def shaped(image: PILImage.Image, kind: Kind, size: int) -> PILImage.Image:
    """The image at one of the kind's sizes."""
    if kind.shape is Shape.PADDED_SQUARE:
        square = PILImage.new("RGBA", (size, size), (255, 255, 255, 0))
        fitted = ImageOps.contain(image.convert("RGBA"), (size, size), PILImage.Resampling.LANCZOS)
        square.paste(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
        return square
    if kind.shape is Shape.COVER:
        return ImageOps.fit(image, (size, kind.height(size)), PILImage.Resampling.LANCZOS)
    if image.width <= size:
        return image.copy()
    height = max(1, round(image.height * size / image.width))
    return image.resize((size, height), PILImage.Resampling.LANCZOS)


def encode(image: PILImage.Image, size: int, fmt: str) -> Variant:
    out = io.BytesIO()
    if fmt == "png":
        image.save(out, "PNG", compress_level=6)
    elif fmt == "webp":
        image.save(out, "WEBP", quality=QUALITY["webp"], method=4)
    else:
        image = _on_white(image)
        image.save(out, "JPEG", quality=QUALITY["jpg"], optimize=True, progressive=True)
    return Variant(size, fmt, image.width, image.height, out.getvalue())


def _on_white(image: PILImage.Image) -> PILImage.Image:
    if image.mode != "RGBA":
        return image.convert("RGB")
    flat = PILImage.new("RGB", image.size, WHITE)
    flat.paste(image, mask=image.getchannel("A"))
    return flat
