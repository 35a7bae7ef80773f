"""Hostile and awkward uploads: each refused with words for the uploader, or cleaned."""

import io
import struct
import zlib

import pytest
from PIL import Image as PILImage

from images.kinds import ARTICLE, HERO, LOGO, PORTRAIT
from images.pipeline import ImageRefused, process
from tests.images.helpers import picture


def decoded(data: bytes) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(data))
    image.load()
    return image


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def refusal(data: bytes, kind=LOGO) -> str:
    with pytest.raises(ImageRefused) as refused:
        process(data, kind)
    return str(refused.value)


def test_a_decompression_bomb_is_refused_from_its_header():
    assert "too large" in refusal(png_header_only(50_000, 50_000), ARTICLE)
    assert "40 megapixels" in refusal(png_header_only(8000, 6000), ARTICLE)


def test_a_logo_or_portrait_takes_fewer_pixels_than_an_article_picture():
    """6300 × 6300 is under the site's 40 megapixels, but decoding it for a 256-pixel logo
    took about 450 MB of memory."""
    assert "10 megapixels" in refusal(png_header_only(6300, 6300), LOGO)
    assert "10 megapixels" in refusal(png_header_only(6300, 6300), PORTRAIT)


def test_a_huge_compressed_itxt_chunk_is_refused_or_gone():
    text = zlib.compress(b"A" * 20_000_000)
    itxt = b"Comment\x00\x01\x00\x00\x00" + text
    data = picture()
    data = data[:33] + png_chunk(b"iTXt", itxt) + data[33:]
    try:
        processed = process(data, LOGO)
    except ImageRefused as refused:
        assert "could not be read" in str(refused) or "not a PNG" in str(refused)
    else:
        assert all(b"AAAA" not in v.data for v in processed.variants)


def test_jpeg_gps_and_exif_are_gone_and_the_orientation_applied():
    exif = PILImage.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show upright
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 1.0)}  # GPS
    data = picture("JPEG", size=(200, 100), exif=exif.tobytes())
    assert b"Exif" in data
    processed = process(data, ARTICLE)
    assert (processed.width, processed.height) == (100, 200)  # turned upright
    for variant in processed.variants:
        image = decoded(variant.data)
        assert not image.getexif() and b"Exif" not in variant.data
        assert "exif" not in image.info and "icc_profile" not in image.info


@pytest.mark.parametrize(
    "payload", [b"PK\x03\x04" + b"zip payload" * 50, b"<html><script>alert(1)</script></html>"]
)
def test_a_polyglot_loses_what_was_appended(payload):
    processed = process(picture() + payload, LOGO)
    for variant in processed.variants:
        assert payload[:12] not in variant.data and b"<script" not in variant.data


def test_an_empty_file_is_refused():
    assert refusal(b"") == "The file is empty."


def test_an_svg_renamed_png_is_refused_as_svg():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    assert "SVG images are not accepted" in refusal(svg)


def test_a_truncated_file_is_refused():
    data = picture("JPEG", size=(400, 400))
    message = refusal(data[: len(data) // 2])
    assert "damaged or cut short" in message or "not a PNG" in message


def test_gif_and_other_formats_are_refused():
    assert "not a PNG, JPEG or WebP" in refusal(picture("GIF"))
    assert "not a PNG, JPEG or WebP" in refusal(picture("BMP"))


def test_an_animated_webp_is_refused():
    frames = [PILImage.new("RGB", (20, 20), c) for c in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    assert "Animated images are not accepted" in refusal(out.getvalue())


def test_a_cmyk_jpeg_comes_out_rgb():
    processed = process(picture("JPEG", mode="CMYK", colour=(0, 255, 255, 0)), HERO)
    for variant in processed.variants:
        assert decoded(variant.data).mode in ("RGB", "RGBA")


def test_too_many_bytes_is_refused(settings):
    settings.LOGO_MAX_BYTES = 100
    assert "the limit is 100\xa0bytes" in refusal(picture(size=(300, 300), colour="blue"))


def test_logo_variants_are_padded_squares_in_webp_and_png():
    processed = process(picture(size=(300, 100), mode="RGBA", colour=(0, 0, 255, 255)), LOGO)
    found = {(v.size, v.format): decoded(v.data) for v in processed.variants}
    assert set(found) == {(s, f) for s in (64, 128, 256) for f in ("webp", "png")}
    for (size, fmt), image in found.items():
        assert image.size == (size, size) and image.format == fmt.upper()
        assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0  # padded, transparent
        assert image.getpixel((size // 2, size // 2))[2] > 200  # the logo, not cropped


def test_hero_variants_are_1200_by_630_and_600_by_315_webp_and_jpeg():
    processed = process(picture(size=(1000, 1000)), HERO)
    sizes = {(v.format, v.width, v.height) for v in processed.variants}
    assert sizes == {
        ("webp", 1200, 630),
        ("jpg", 1200, 630),
        ("webp", 600, 315),
        ("jpg", 600, 315),
    }
    assert decoded(next(v for v in processed.variants if v.format == "jpg").data).format == "JPEG"


def test_article_pictures_are_never_enlarged():
    processed = process(picture(size=(1000, 500)), ARTICLE)
    widths = {(v.size, v.width, v.height) for v in processed.variants}
    assert widths == {(800, 800, 400), (1600, 1000, 500)}


def test_the_same_upload_is_the_same_address_and_another_kind_another():
    data = picture()
    assert process(data, LOGO).digest == process(data, LOGO).digest
    assert process(data, LOGO).digest != process(data, HERO).digest
