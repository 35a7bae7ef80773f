"""Request ids for the logs, a clean refusal of oversized bodies, and a friendly 503 while the
database is unreachable."""

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string

from core.errors import error_body

logger = logging.getLogger("jobboard.requests")

# The id of the request being served, for log records made anywhere while serving it.
current_request_id: ContextVar[str] = ContextVar("request_id", default="-")

# A load balancer's own id is kept when it looks like one; anything else is replaced.
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
RETRY_AFTER_SECONDS = 30


class TaggedRequest(HttpRequest):
    """A request as RequestIdMiddleware passes it on: `id` is its X-Request-ID."""

    id: str


class RequestIdMiddleware:
    """Tags the request, its log lines and its response with one id (X-Request-ID)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: TaggedRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class DatabaseUnavailableMiddleware:
    """Answers 503 with a plain page, not a 500, when the database cannot be reached.

    Connections are health-checked before reuse (CONN_HEALTH_CHECKS), so pages recover by
    themselves once the database is back.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", exception)
        # Rendered without the request: context processors could need the database too.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


class BodySizeLimitMiddleware:
    """Refuses a request whose declared body is over MAX_REQUEST_BYTES with a 413, before any
    of it is read. Django limits form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams file
    parts to disk whatever their size, even to forms that take no file."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            # A body of unknown length: Django would read none of it (silently dropping the
            # form), while the server drains however much the client sends. Browsers and HTTP
            # libraries send a length for forms and JSON.
            return self.length_required(request)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared <= settings.MAX_REQUEST_BYTES:
            return self.get_response(request)
        limit = settings.MAX_REQUEST_BYTES
        if request.path.startswith("/api/"):
            detail = f"The request body is too large (at most {filesizeformat(limit)})."
            body = error_body(413, "too_large", detail)
            response: HttpResponse = JsonResponse(body, status=413)
        else:
            context = {"limit": limit, "logo_limit": settings.LOGO_MAX_BYTES}
            page = render_to_string("413.html", context)
            response = HttpResponse(page, status=413)
        return response

    @staticmethod
    def length_required(request: HttpRequest) -> HttpResponse:
        detail = "Send the request body with a Content-Length header, not in chunks."
        if request.path.startswith("/api/"):
            return JsonResponse(error_body(411, "length_required", detail), status=411)
        return HttpResponse(detail + "\n", status=411, content_type="text/plain")
