"""The variants, at addresses that name their content: cached by browsers and shared caches for
a year, never revalidated, never through the page cache (they carry their own headers)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from images.kinds import CONTENT_TYPES
from images.models import ImageVariant

IMMUTABLE = "public, max-age=31536000, immutable"


@require_safe
def variant(request: HttpRequest, digest: str, size: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("No such image format.")
    found = (
        ImageVariant.objects.filter(image_id=digest, size=size, format=fmt)
        .values_list("sha256", "data")
        .first()
    )
    if found is None:
        raise Http404("No such image.")
    sha256, data = found
    response = HttpResponse(bytes(data), content_type=CONTENT_TYPES[fmt])
    response["Cache-Control"] = IMMUTABLE
    response["ETag"] = f'"{sha256}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
