"""Request ids for the logs, a clean refusal of oversized bodies, and a friendly 503 while the
database is unreachable."""

import contextlib
import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
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
# Whether the request being served runs in DatabaseUnavailableMiddleware's write transaction, and
# whether a database error was answered with the 503 page (a read is then tried once more).
_in_write_transaction: ContextVar[bool] = ContextVar("in_write_transaction", default=False)
_database_failed: ContextVar[bool] = ContextVar("database_failed", default=False)


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
    """Answers 503 with a plain page (the API: its error format), not a 500, when the database
    cannot be reached, with `Retry-After`; and runs every write (any method but GET, HEAD and
    OPTIONS) in one transaction, so a write the database drops halfway leaves nothing behind.

    Connections are health-checked before reuse (CONN_HEALTH_CHECKS) and a connection that
    failed is closed at the end of its request, so pages recover by themselves once the
    database is back. Anonymous pages in the page cache are served from their stored copy
    meanwhile (core/page_cache.py).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            failed = _database_failed.set(False)
            try:
                response = self.get_response(request)
                retry = _database_failed.get()
            finally:
                _database_failed.reset(failed)
            if retry:
                # A connection the server dropped (a restart, a failover, an operator) fails
                # only the query in flight: a read is tried once more, on a new connection.
                if not connection.in_atomic_block:  # (tests run inside one)
                    with contextlib.suppress(DatabaseError):
                        connection.close()
                response = self.get_response(request)
            return response
        writing = _in_write_transaction.set(True)
        try:
            with transaction.atomic():
                return self.get_response(request)
        except Exception as error:  # the commit itself failed
            if not database_down(error):
                raise
            return database_unavailable(request, error)
        finally:
            _in_write_transaction.reset(writing)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_down(exception):
            return None
        if _in_write_transaction.get():
            transaction.set_rollback(True)  # whatever the write did before, none of it stays
        return database_unavailable(request, exception)


def database_down(error: BaseException) -> bool:
    """Whether `error` says the database cannot be reached. Django wraps the driver's errors in
    its own, except in a few places (closing a server-side cursor whose connection was
    dropped raises psycopg's own OperationalError), so both count."""
    driver = connection.Database  # type: ignore[attr-defined]  # the backend's DB-API module
    return isinstance(
        error, (OperationalError, InterfaceError, driver.OperationalError, driver.InterfaceError)
    )


def database_unavailable(request: HttpRequest, error: Exception) -> HttpResponse:
    logger.error("Database unavailable: %s", error)
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    if request.path.startswith("/api/"):
        detail = "The service cannot reach its data right now; try again in half a minute."
        if write:
            detail += " Nothing was saved."
        response = JsonResponse(error_body(503, "unavailable", detail), status=503)
    else:
        # Rendered without the request: context processors could need the database too.
        page = render_to_string("503.html", {"write": write})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    _database_failed.set(True)
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
