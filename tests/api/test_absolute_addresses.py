"""The API writes each page's full address as `build_absolute_uri` would, from the scheme and
host worked out once per request (core.addresses.absolute_url)."""

import pytest
from django.test import RequestFactory

from core.addresses import absolute_url


@pytest.mark.parametrize("secure", [False, True])
@pytest.mark.parametrize(
    "path",
    [
        "/jobs/ml-engineer-at-acme/",
        "/companies/acme_2/",
        "/prefix/roles/data-scientist/",
        "/",
        "//evil.example/x",
        "/a/./b/",
        "/a/../b/",
        "/caf\u00e9/",
        "/a b/",
        "/a?b=1",
        "relative/path/",
        "https://other.example/x",
    ],
)
def test_addresses_match_build_absolute_uri(path, secure):
    request = RequestFactory().get("/api/v1/jobs/", secure=secure, HTTP_HOST="testserver")
    assert absolute_url(request, path) == request.build_absolute_uri(path)
    assert absolute_url(request, path) == request.build_absolute_uri(path)  # as worked out


def test_without_a_request_paths_stay_paths():
    assert absolute_url(None, "/jobs/x/") == "/jobs/x/"
