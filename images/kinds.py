"""What each kind of image is made into: the sizes (named by their width in pixels), the shape
and the two formats, WebP first and a fallback every browser shows."""

from dataclasses import dataclass
from enum import StrEnum


class Shape(StrEnum):
    PADDED_SQUARE = "padded square"  # the whole image, centred on a transparent square
    COVER = "cover"  # filled to the exact ratio, centred, the overflow cut
    WIDTH = "width"  # the width of the size (never enlarged), the height in proportion


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    sizes: tuple[int, ...]
    shape: Shape
    fallback: str  # "png" keeps transparency, "jpg" is smaller for photographs
    ratio: float = 1.0  # height / width, for COVER
    max_bytes_setting: str = "IMAGE_MAX_BYTES"
    # Fewer pixels than IMAGE_MAX_PIXELS for a kind shown small: decoding a 40-megapixel logo
    # takes about 450 MB of memory for a 256-pixel result.
    max_pixels: int | None = None

    @property
    def formats(self) -> tuple[str, str]:
        return ("webp", self.fallback)

    def height(self, size: int) -> int:
        return round(size * self.ratio)

    @property
    def largest(self) -> int:
        return max(self.sizes)


LOGO = Kind(
    "logo",
    "Logo",
    (64, 128, 256),
    Shape.PADDED_SQUARE,
    "png",
    max_bytes_setting="LOGO_MAX_BYTES",
    max_pixels=10_000_000,
)
# A guide's picture at the top of the page and in link previews (og:image is 1200 × 630).
HERO = Kind("hero", "Hero and link preview", (600, 1200), Shape.COVER, "jpg", ratio=630 / 1200)
# Pictures inside an article's text.
ARTICLE = Kind("article", "Article picture", (800, 1600), Shape.WIDTH, "jpg")
# A person's photo (authors), cut to a square.
PORTRAIT = Kind("portrait", "Portrait", (96, 192, 384), Shape.COVER, "jpg", max_pixels=10_000_000)

KINDS = {kind.name: kind for kind in (LOGO, HERO, ARTICLE, PORTRAIT)}
KIND_CHOICES = [(kind.name, kind.label) for kind in KINDS.values()]

CONTENT_TYPES = {"webp": "image/webp", "png": "image/png", "jpg": "image/jpeg"}
