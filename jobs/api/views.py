"""API endpoints for job postings: public reads, and employers' own postings.

Public reads start from Job.objects.public() and filter with the /jobs/ page's own JobFilter, in
the page's order. Employers' postings come from Job.objects.for_employer(user): another company's
posting is a 404, and every status change goes through jobs.moderation."""

from typing import cast

from django.utils import timezone
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from api.common import SLUG, ConditionalReads, LastModifiedDetail, ListFilterBackend, PageNumbers
from core import page_tags
from jobs.api.serializers import JobDetailSerializer, JobSerializer
from jobs.filters import JOB_LIST_QUERY, JobFilter
from jobs.models import Job
from jobs.pagination import LIST_COUNT_UP_TO, SEARCH_COUNT_UP_TO, CountUpTo, in_list_order


class JobPages(PageNumbers):
    """Pages of jobs whose count stops at 10,000 (1,000 with `q`), as /jobs/ counts: `count` is
    exact up to the cap, and `count_exact` says whether it is; past the cap the pages reach
    the first 10,000 jobs (narrower filters reach the rest)."""

    def paginate_queryset(self, queryset, request, view=None):
        # (Invalid filters were answered with a 400 before this.)
        narrowed = any(request.query_params.get(name, "").strip() for name in JobFilter.FILTERS)
        self.counted = CountUpTo(queryset, SEARCH_COUNT_UP_TO if narrowed else LIST_COUNT_UP_TO)
        return super().paginate_queryset(self.counted, request, view)

    def past_the_end(self, number: int, paginator) -> str:
        if self.counted.exact:
            return super().past_the_end(number, paginator)
        return (
            f"There is no page {number}: pages reach the first {paginator.count:,} jobs "
            f"(page {paginator.num_pages}); narrow the filters to reach the others."
        )

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data = {
            "count": response.data["count"],
            "count_exact": self.counted.exact,
            **{key: value for key, value in response.data.items() if key != "count"},
        }
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        properties = schema["properties"]
        properties["count"]["description"] = (
            f"How many jobs match, counted up to {LIST_COUNT_UP_TO:,} "
            f"({SEARCH_COUNT_UP_TO:,} with any filter); past that it is the cap and "
            "`count_exact` is false."
        )
        schema["properties"] = {
            "count": properties["count"],
            "count_exact": {
                "type": "boolean",
                "description": "True when `count` is every matching job; false when more match "
                "than were counted (the pages then reach the first `count` of them).",
                "example": True,
            },
            **{key: value for key, value in properties.items() if key != "count"},
        }
        schema["required"] = [*schema.get("required", []), "count_exact"]
        return schema


class JobFilterBackend(ListFilterBackend):
    """JobFilter, and the page's default order (featured first, then newest) read from indexes
    the way /jobs/ reads it."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "list":
            return queryset
        # The job views' filterset_class.
        filterset = cast(JobFilter, self.get_filterset(request, queryset, view))
        if not filterset.is_valid():
            # It returns DRF's ValidationError; the stubs say a dict.
            raise translate_validation(filterset.errors)  # type: ignore[misc]
        return in_list_order(filterset)


@extend_schema(tags=["jobs"])
@extend_schema_view(
    list=extend_schema(
        summary="Search open jobs",
        description=(
            "The postings /jobs/ shows, with its filters (same names and values) and its order: "
            "featured postings first, then the newest, unless `ordering` says otherwise. An "
            "invalid value is a 400 naming the parameter. Like the page, it counts matches up "
            f"to {LIST_COUNT_UP_TO:,} ({SEARCH_COUNT_UP_TO:,} with any filter): `count_exact` says "
            "whether `count` is all of them, and the pages reach the first `count`."
        ),
    ),
    retrieve=extend_schema(
        summary="One open job",
        description="A public posting with its description (sanitized HTML); anything else "
        "(a draft, a posting under review, a filled or expired one) is not found.",
    ),
)
class JobViewSet(ConditionalReads, LastModifiedDetail, viewsets.ReadOnlyModelViewSet):
    """Public job postings with the /jobs/ filters and order; one posting by its slug.

    Only open postings: drafts, postings under review and closed ones are not found."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    filter_backends = [JobFilterBackend]
    filterset_class = JobFilter
    pagination_class = JobPages
    cache_query = JOB_LIST_QUERY
    cache_tags = (page_tags.JOBS, page_tags.ROLES)

    def get_queryset(self):
        jobs = Job.objects.public()
        if self.action == "retrieve":
            return jobs.select_related("company", "role")
        return jobs.for_cards().select_related("role").defer("role__definition_html")

    def get_serializer_class(self):
        return JobDetailSerializer if self.action == "retrieve" else JobSerializer

    def last_modified(self, job: Job):
        changes = [job.updated_at, job.company.updated_at]
        if job.role is not None:
            changes.append(job.role.updated_at)
        if job.featured_until and job.featured_until <= timezone.now():
            changes.append(job.featured_until)  # when it stopped being featured
        return max(changes)
