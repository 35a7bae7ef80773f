"""The benchmark's floor: a page that costs only what the framework costs."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

FLOOR_PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Floor</title></head>"
    "<body><p>The framework's floor.</p></body></html>"
)


@require_GET
def bench_floor(request: HttpRequest) -> HttpResponse:
    """A small page that reads nothing (routed only with BENCH_FLOOR): what any page costs at
    least through the same middleware and server, for `make bench` to compare pages with."""
    return HttpResponse(FLOOR_PAGE)
