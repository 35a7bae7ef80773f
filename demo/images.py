"""Generated pictures for the demo: a logo for every demo company and a hero image for every
demo guide, drawn with Pillow from the name alone (the same name, the same picture), then put
through the site's image pipeline like any upload."""

import hashlib
import io
from collections.abc import Iterable

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from images.kinds import HERO, LOGO, Kind
from images.models import Image
from images.pipeline import digest_of
from images.services import store_bytes
from jobs.models import Company
from roles.models import Guide

# Colours that carry white initials (contrast 4.5:1 or more), with a name for alt text.
PALETTE = [
    ("#1d4ed8", "blue"),
    ("#047857", "green"),
    ("#b91c1c", "red"),
    ("#6d28d9", "violet"),
    ("#0f766e", "teal"),
    ("#9a3412", "rust"),
    ("#be185d", "pink"),
    ("#334155", "slate"),
    ("#4338ca", "indigo"),
    ("#854d0e", "bronze"),
]
SHAPES = ["circle", "rounded square", "diamond", "hexagon"]


def _pick(name: str) -> tuple[bytes, tuple[str, str], str, tuple[str, str]]:
    seed = hashlib.sha256(name.encode()).digest()
    first = PALETTE[seed[0] % len(PALETTE)]
    second = PALETTE[(seed[0] + 1 + seed[1] % (len(PALETTE) - 1)) % len(PALETTE)]
    return seed, first, SHAPES[seed[2] % len(SHAPES)], second


def initials(name: str) -> str:
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def logo_png(name: str) -> bytes:
    """A 256-pixel logo: the company's initials in white on a coloured shape."""
    _, (colour, _), shape, (accent, _) = _pick(name)
    size = 256
    image = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    box = (8, 8, size - 8, size - 8)
    if shape == "circle":
        draw.ellipse(box, fill=colour)
    elif shape == "rounded square":
        draw.rounded_rectangle(box, radius=48, fill=colour)
    elif shape == "diamond":
        draw.regular_polygon((size / 2, size / 2, size / 2 - 4), 4, fill=colour)
    else:
        draw.regular_polygon((size / 2, size / 2, size / 2 - 8), 6, rotation=30, fill=colour)
    draw.ellipse((size - 84, size - 84, size - 36, size - 36), fill=accent)
    font = ImageFont.load_default(size=96)
    draw.text((size / 2, size / 2), initials(name), fill="white", font=font, anchor="mm")
    return _png(image)


def hero_png(title: str) -> bytes:
    """A 1200 × 630 picture for a guide: bands and circles in two colours."""
    seed, (colour, _), _, (accent, _) = _pick(title)
    width, height = 1200, 630
    image = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for i in range(6):
        x = seed[3 + i] * width // 255
        radius = 60 + seed[10 + i] % 160
        y = seed[20 + i] * height // 255
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=accent)
    for i in range(4):
        top = 40 + i * 150 + seed[30 - i] % 40
        draw.rectangle((0, top, width, top + 18), fill="white")
    return _png(image)


def hero_alt(title: str) -> str:
    _, (_, colour_name), _, (_, accent_name) = _pick(title)
    return f"An abstract pattern of {accent_name} circles and white stripes on {colour_name}"


def _png(image: PILImage.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


def _library_image(data: bytes, kind: Kind, name: str, alt: str) -> Image:
    """The demo picture in the library; reloading the demo finds it instead of encoding again."""
    existing = Image.objects.filter(pk=digest_of(data, kind)).first()
    if existing is not None:
        return existing
    return store_bytes(data, kind, original_name=name, alt_text=alt)


def give_logos(companies: Iterable[Company]) -> int:
    """A generated logo for each company that has none (one it was given is kept)."""
    without = [company for company in companies if not company.logo_id]
    for company in without:
        company.logo = _library_image(
            logo_png(company.name), LOGO, f"{company.slug}-logo.png", f"{company.name} logo"
        )
    Company.objects.bulk_update(without, ["logo"])
    return len(without)


def give_hero_images(guides: Iterable[Guide]) -> int:
    changed = []
    for guide in guides:
        image = _library_image(
            hero_png(guide.title), HERO, f"{guide.slug}-hero.png", hero_alt(guide.title)
        )
        if guide.hero_image_id != image.pk:
            guide.hero_image, guide.hero_image_alt = image, hero_alt(guide.title)
            changed.append(guide)
    Guide.objects.bulk_update(changed, ["hero_image", "hero_image_alt"])
    return len(changed)
