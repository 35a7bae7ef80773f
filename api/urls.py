"""The REST API's addresses: /api/v1/… (one router), the OpenAPI schema and its docs.

Each resource registers on the router here."""

from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.decorators import api_view
from rest_framework.routers import DefaultRouter

from companies.api.views import CompanyViewSet
from compare.api.views import CompareView
from employers.api.views import EmployerJobViewSet
from jobs.api.views import JobViewSet
from roles.api.views import GuideViewSet, RoleViewSet
from salaries.api.views import SalaryViewSet


class ApiRouter(DefaultRouter):
    include_format_suffixes = False


router = ApiRouter()
router.register("jobs", JobViewSet, basename="job")
router.register("companies", CompanyViewSet, basename="company")
router.register("roles", RoleViewSet, basename="role")
router.register("guides", GuideViewSet, basename="guide")
router.register("salaries", SalaryViewSet, basename="salary")
router.register("employer/jobs", EmployerJobViewSet, basename="employer-job")


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our static files (drf-spectacular-sidecar), its start-up script served as
    a file of its own: the page runs under the site's CSP with no inline script or style."""

    template_name = "api/docs.html"


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
def not_found(request, rest=""):
    raise exceptions.NotFound("There is no API endpoint at this address. See /api/docs/.")


urlpatterns = [
    # Before the router, whose roles/<slug>/ would read "compare" as a role.
    path("v1/roles/compare/", CompareView.as_view(), name="api-role-compare"),
    path("v1/", include((router.urls, "api"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    # Unknown API addresses answer in the API's error format (ending in "/", so that Django's
    # APPEND_SLASH still redirects /api/v1/jobs to /api/v1/jobs/).
    path("", RedirectView.as_view(pattern_name="api-docs")),
    re_path(r"^(?P<rest>[\s\S]+/)\Z", not_found),  # any character, a newline too
]
