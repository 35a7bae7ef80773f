"""Serializer fields every API resource shares, and pages' absolute addresses."""

import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the object's public page (its get_absolute_url())."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return absolute_url(self.context.get("request"), value.get_absolute_url())


# A path that `build_absolute_uri` would put after the scheme and host unchanged.
PLAIN_PATH = re.compile(r"/[-\w/.~]*", re.ASCII)


def absolute_url(request, path: str) -> str:
    """`request.build_absolute_uri(path)`, or the path itself without a request. The scheme and
    host are worked out once per request and put before a plain path: build_absolute_uri parsed
    every address again, three for each posting of a job list."""
    if request is None:
        return path
    if not PLAIN_PATH.fullmatch(path) or "//" in path or "/." in path:
        return request.build_absolute_uri(path)
    site = getattr(request, "_site_address", None)
    if site is None:
        site = request._site_address = request.build_absolute_uri("/")[:-1]
    return site + path
