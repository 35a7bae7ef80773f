"""`{% picture %}`: an image of the library as <picture>, WebP first and the kind's fallback,
at the sizes that suit the width it is shown at (1x and 2x screens)."""

from typing import Any

from django import template

from images.kinds import KINDS, Kind
from images.models import variant_url

register = template.Library()


def size_for(kind: Kind, pixels: int) -> int:
    """The smallest of the kind's sizes at least `pixels` wide, else the largest."""
    return next((size for size in kind.sizes if size >= pixels), kind.largest)


@register.simple_tag
def image_url(digest: str, size: int, fmt: str = "webp") -> str:
    return variant_url(digest, size, fmt)


@register.inclusion_tag("images/picture.html")
def picture(
    digest: str | None,
    kind: str,
    alt: str,
    width: int,
    css_class: str = "",
    lazy: bool = False,
    sizes: str = "",
) -> dict[str, Any]:
    """`digest` is the image's key (a model's `logo_id`, so no query is made); `width` the CSS
    pixels it is shown at, or with `sizes` (an <img> sizes list, for a fluid image) the width
    its attributes give for its shape, every size offered by its width."""
    spec = KINDS[kind]
    if not digest:
        return {"digest": None}
    one, two = size_for(spec, width), size_for(spec, width * 2)
    if sizes:
        sources = {
            fmt: ", ".join(f"{variant_url(digest, size, fmt)} {size}w" for size in spec.sizes)
            for fmt in spec.formats
        }
    else:
        sources = {
            fmt: f"{variant_url(digest, one, fmt)} 1x, {variant_url(digest, two, fmt)} 2x"
            for fmt in spec.formats
        }
    return {
        "digest": digest,
        "webp_srcset": sources["webp"],
        "fallback_srcset": sources[spec.fallback],
        "src": variant_url(digest, one, spec.fallback),
        "alt": alt,
        "width": width,
        "height": round(width * spec.ratio) if spec.shape != "width" else None,
        "css_class": css_class,
        "lazy": lazy,
        "sizes": sizes,
    }
