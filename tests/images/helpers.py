import io

from PIL import Image as PILImage

from images.kinds import LOGO, Kind
from images.services import store_bytes


def picture(fmt: str = "PNG", size=(120, 80), mode: str = "RGB", colour="red", **save) -> bytes:
    out = io.BytesIO()
    PILImage.new(mode, size, colour).save(out, fmt, **save)
    return out.getvalue()


def library_image(kind: Kind = LOGO, colour="red"):
    return store_bytes(picture(colour=colour), kind, original_name="x.png")
