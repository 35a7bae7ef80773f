"""What jobs' first migration names: logos were files then. Uploads now go through the image
library (images/pipeline.py), which decides by decoding, not by these first bytes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

LOGO_MAX_BYTES = settings.LOGO_MAX_BYTES


def validate_logo(file) -> None:
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(f"The logo is larger than {filesizeformat(LOGO_MAX_BYTES)}.")
