"""What every API endpoint shares: pagination, the error format, conditional GET.

The settings name these classes, so this module must not import rest_framework.views (which reads
those settings) at import time."""

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.utils.http import http_date
from django.views.decorators.http import conditional_page
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from core import cdn, page_cache, page_query, replicas
from core.errors import error_body

if TYPE_CHECKING:
    from rest_framework.viewsets import GenericViewSet

    # To the type checker the mixins below are the viewsets they are mixed into. (At run time
    # this module may not import the views: see above.)
    ViewSetBase = GenericViewSet
else:
    ViewSetBase = object

MAX_PAGE_SIZE = 100
# What a slug in an API address may be (Django's slug converter): anything else, such as a NUL
# that PostgreSQL refuses in a query, is an unknown address, answered by the catch-all 404.
SLUG = "[-a-zA-Z0-9_]+"
INVALID = "Some values are not valid; see errors."


# --- errors --------------------------------------------------------------------------------------


def exception_handler(exc, context):
    """Every error in one shape: {"status", "code", "detail", "errors"}.

    `errors` maps each field (or query parameter) to its messages; it is empty unless the
    request itself was invalid. Server errors are left to Django (logged, plain 500 page)."""
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # never repeat a model's name from the lookup
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):  # over DATA_UPLOAD_MAX_MEMORY_SIZE
        exc = PayloadTooLarge()
    elif isinstance(exc, SuspiciousOperation):  # e.g. too many fields
        exc = exceptions.ParseError("The request could not be read.")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        detail, code = INVALID, "invalid"
    else:
        errors = {}
        detail = str(exc.detail) if not isinstance(exc.detail, list | dict) else str(exc)
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
    response.data = error_body(response.status_code, code, detail, errors)
    return response


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


# --- pages ---------------------------------------------------------------------------------------


class PageForm(forms.Form):
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


class PageNumbers(PageNumberPagination):
    """`page` and `page_size` (1–100); a malformed value is a 400, a page past the end a 404."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size: int  # REST_FRAMEWORK["PAGE_SIZE"]

    def paginate_queryset(self, queryset, request, view=None):
        form = PageForm(request.query_params)
        if not form.is_valid():
            # Django's ErrorDict, read by DRF as a dict of message lists; the stubs want plainer.
            raise exceptions.ValidationError(form.errors)  # type: ignore[arg-type]
        size = form.cleaned_data["page_size"] or self.page_size
        number = form.cleaned_data["page"] or 1
        paginator = self.django_paginator_class(queryset, size)
        if number > paginator.num_pages:
            raise exceptions.NotFound(self.past_the_end(number, paginator))
        self.request = request
        self.page = paginator.page(number)
        return list(self.page)

    def past_the_end(self, number: int, paginator) -> str:
        return f"There is no page {number}: the last page is {paginator.num_pages}."

    def get_paginated_response_schema(self, schema):
        """Every key is always there; `next` and `previous` are null at either end. (Clients
        generated for Python name the field `next_`, since `next` is a Python built-in; the JSON
        key stays `next`.)"""

        def link(page: int, description: str) -> dict:
            example = f"https://example.org/api/v1/jobs/?page={page}"
            return {"type": ["string", "null"], "format": "uri", "description": description,
                    "example": example}  # fmt: skip

        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": link(4, "The next page's address; null on the last page."),
                "previous": link(2, "The previous page's address; null on the first page."),
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == "page_size":
                parameter["schema"]["maximum"] = MAX_PAGE_SIZE
                parameter["description"] = f"Results per page, 1–{MAX_PAGE_SIZE} (default 20)."
            else:
                parameter["description"] = "Page number; a page past the last is a 404."
        return parameters


# --- conditional GET -----------------------------------------------------------------------------


# The pages every API list takes; a viewset's `cache_query` adds its filters.
API_PAGES = page_query.Query(
    page=page_query.integer(1, 1_000_000, default=1), page_size=page_query.integer(1, MAX_PAGE_SIZE)
)


def cached_list(handler, request, query: page_query.Query, tags):
    """A public list's data from the page cache, under the same rules as the pages: keyed by
    its known parameters written one way (others dropped; a value failing its rule is not
    cached, nor is any answer but a 200), retired with the pages carrying `tags`. Only the data
    is kept: it is rendered for each request, as JSON or the browsable page. Throttles have
    already counted the request."""

    def read(*args, **kwargs):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return handler(*args, **kwargs)
        key = page_cache.cache_key_for(request._request, query, prefix="api")
        if key is None:
            return handler(*args, **kwargs)
        lookup, data = page_cache.read_current(key)
        if data is not None:
            return Response(data, headers={"X-Page-Cache": "hit"})
        response = handler(*args, **kwargs)
        if lookup is None:
            page_cache.do_not_store(request._request)  # unchecked: not for shared caches either
        elif response.status_code == 200:
            seconds = settings.PAGE_CACHE_SECONDS
            if page_cache.store(key, lookup, tags, response.data, seconds):
                response["X-Page-Cache"] = "miss"
            else:  # changed while it was read: no cache keeps it (ConditionalReads)
                page_cache.do_not_store(request._request)
        return response

    return read


class ConditionalReads(ViewSetBase):
    """Public reads carry an ETag (and, where a view sets one, Last-Modified) and answer 304 to
    a matching If-None-Match or If-Modified-Since. Clients revalidate every time (no-cache)."""

    get: Callable[..., Response]  # the list or detail handler, bound by as_view()
    # The list's query parameters besides the pages, and what it shows (core/page_tags.py).
    cache_query = page_query.NO_PARAMETERS
    cache_tags: tuple[str, ...] = ()

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_page(super().as_view(*args, **kwargs))

    def dispatch(self, request, *args, **kwargs):
        # Anonymous reads may go to a read replica (core/replicas.py); a token's never do.
        with replicas.public_reads(request):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, permissions, throttles
        if self.action == "list" and request.method == "GET":
            query = API_PAGES | self.cache_query
            self.get = cached_list(self.get, request, query, self.cache_tags)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
            if self.shared_caches_may_keep(request, response):
                # Lists and single objects alike are named by the viewset's tags: what moves
                # them moves the list's cached data too (core/cdn.py).
                cdn.make_public(response, self.cache_tags)
            else:
                response["Cache-Control"] = "no-cache"
        return response

    def shared_caches_may_keep(self, request, response) -> bool:
        """An anonymous read's 200 from a viewset that names its tags, unless its data changed
        while it was read."""
        return (
            response.status_code == 200
            and bool(self.cache_tags)
            and cdn.anonymous_read(request._request)
            and request.user is not None
            and not request.user.is_authenticated
            and not getattr(request._request, page_cache.DO_NOT_STORE, False)
        )


class LastModifiedDetail(ViewSetBase):
    """Single-object reads send Last-Modified: the latest change to anything the object shows
    (`last_modified(obj)`). Lists send only an ETag: a list also changes when a posting
    expires, which no timestamp records."""

    def last_modified(self, obj) -> datetime | None:
        return None

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        changed = self.last_modified(instance)
        if changed is not None:
            response["Last-Modified"] = http_date(changed.timestamp())
        return response


class ListFilterBackend(DjangoFilterBackend):
    """The resource's FilterSet on lists only; an invalid value is a 400 with field errors (the
    pages instead drop it and show the error). Reading one object ignores the query string."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "list":
            return queryset
        return super().filter_queryset(request, queryset, view)
