"""Query strings of the API and the admin must be text a database can hold.

A NUL byte cannot be stored or compared in PostgreSQL (psycopg refuses it), and a lone surrogate
cannot be encoded at all; an admin list filter or an API parameter carrying one used to reach the
database and fail there with a 500. Public pages clean such characters out of search boxes
themselves, so only the API and the admin are checked here: a 400, in the API's error format or
as the site's 400 page.
"""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse

from core.errors import error_body

CHECKED_PREFIXES = ("/api/", "/admin/")


def is_text(value: str) -> bool:
    """False for a NUL byte or a lone surrogate (anything UTF-8 cannot encode)."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(value: str) -> str:
    return value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


class TextOnlyQueriesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(CHECKED_PREFIXES):
            params = request.GET.lists()
            bad = sorted({key for key, values in params for v in [key, *values] if not is_text(v)})
            if bad:
                detail = "Query parameters must be text: no NUL bytes or unpaired surrogates."
                if request.path_info.startswith("/api/"):
                    errors = {_printable(name)[:100]: [detail] for name in bad[:20]}
                    return JsonResponse(error_body(400, "invalid", detail, errors), status=400)
                raise BadRequest(detail)
        return self.get_response(request)
