"""API endpoints for job postings and companies: public reads, and employers' own postings.

Public reads start from Job.objects.public() and filter with the /jobs/ page's own JobFilter, in
the page's order. Employers' postings come from Job.objects.for_employer(user): another company's
posting is a 404, and every status change goes through jobs.moderation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from config.api import SLUG, ConditionalReads, LastModifiedDetail, ListFilterBackend, PageNumbers
from jobs import moderation, ratelimit
from jobs.api.permissions import IsEmployer
from jobs.api.serializers import (
    CompanySerializer,
    EmployerJobSerializer,
    JobDetailSerializer,
    JobSerializer,
)
from jobs.choices import JobStatus
from jobs.filters import JobFilter
from jobs.models import Company, Job, StatusChange, public_jobs_q
from jobs.pagination import LIST_COUNT_UP_TO, SEARCH_COUNT_UP_TO, CountUpTo, FeaturedFirst


class JobPages(PageNumbers):
    """Pages of jobs whose count stops at 10,000 (1,000 with `q`), as /jobs/ counts: `count` is
    exact up to the cap, and `count_exact` says whether it is; past the cap the pages reach
    the first 10,000 jobs (narrower filters reach the rest)."""

    def paginate_queryset(self, queryset, request, view=None):
        searching = bool(request.query_params.get("q", "").strip())
        self.counted = CountUpTo(queryset, SEARCH_COUNT_UP_TO if searching else LIST_COUNT_UP_TO)
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
            f"({SEARCH_COUNT_UP_TO:,} with `q`); past that it is the cap and `count_exact` is "
            "false."
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
        filterset = self.get_filterset(request, queryset, view)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return FeaturedFirst(filterset.qs) if filterset.uses_default_order else filterset.qs


@extend_schema(tags=["jobs"])
@extend_schema_view(
    list=extend_schema(
        summary="Search open jobs",
        description=(
            "The postings /jobs/ shows, with its filters (same names and values) and its order: "
            "featured postings first, then the newest, unless `ordering` says otherwise. An "
            "invalid value is a 400 naming the parameter. Like the page, it counts matches up "
            f"to {LIST_COUNT_UP_TO:,} ({SEARCH_COUNT_UP_TO:,} with `q`): `count_exact` says "
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


@extend_schema(tags=["companies"])
@extend_schema_view(
    list=extend_schema(summary="Companies hiring now"),
    retrieve=extend_schema(summary="One company hiring now"),
)
class CompanyViewSet(ConditionalReads, LastModifiedDetail, viewsets.ReadOnlyModelViewSet):
    """Companies with at least one open posting, by name, with how many they have."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    serializer_class = CompanySerializer

    def get_queryset(self):
        # Counted per company shown, through the company index, rather than by grouping every
        # open posting of the board before the page is cut.
        open_jobs = (
            Job.objects.filter(public_jobs_q(timezone.now()), company=OuterRef("pk"))
            .order_by()
            .values("company")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            Company.objects.public()
            .annotate(open_jobs=Coalesce(Subquery(open_jobs), 0))
            .order_by("name", "pk")
        )

    def last_modified(self, company: Company):
        return company.updated_at


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The posting's status does not allow this."
    default_code = "conflict"


class TooManySubmissions(exceptions.Throttled):
    default_detail = "Too many submissions for your company in the last hour."


@extend_schema(tags=["employer"])
@extend_schema_view(
    list=extend_schema(summary="Your company's postings, in every status"),
    retrieve=extend_schema(summary="One of your company's postings"),
    create=extend_schema(summary="Post a job (it goes to review)"),
    update=extend_schema(summary="Replace a posting's content"),
    partial_update=extend_schema(summary="Change some of a posting's fields"),
    submit=extend_schema(summary="Submit a posting for review"),
    fill=extend_schema(summary="Mark a posting filled"),
)
class EmployerJobViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The postings of the caller's company, whatever their status.

    Creating one sends it to review; editing a published one sends it back to review (it leaves
    the board until a moderator approves the new version); `fill` closes it."""

    serializer_class = EmployerJobSerializer
    permission_classes = [IsEmployer]
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no caller
            return Job.objects.none()
        latest_note = (
            StatusChange.objects.filter(job=OuterRef("pk"))
            .exclude(note="")
            .exclude(actor=self.request.user)
            .order_by("-created_at", "-pk")
        )
        return (
            Job.objects.for_employer(self.request.user)
            .select_related("company", "role")
            .annotate(review_note=Subquery(latest_note.values("note")[:1]))
            .order_by("-created_at", "-pk")
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["employer"] = getattr(self.request, "employer", None)
        return context

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def _require_confirmed_address(self) -> None:
        if not self.request.employer.is_verified:
            raise exceptions.PermissionDenied(
                "Confirm your e-mail address first: the link is in your inbox."
            )

    def _count_submission(self) -> None:
        """The site's limit on submissions per company, counted once the posting is valid."""
        if ratelimit.hit(ratelimit.SUBMISSION, str(self.request.employer.company_id)):
            raise TooManySubmissions(wait=ratelimit.SUBMISSION.seconds)

    def create(self, request, *args, **kwargs):
        """Post a job: it goes to the review queue (status `pending`), never straight out."""
        self._require_confirmed_address()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self._count_submission()
        with transaction.atomic():
            job = serializer.form.save(commit=False)
            job.status = JobStatus.DRAFT
            job.save()
            moderation.record_creation(job, request.user)
            _step(moderation.submit, job, request.user)
        job = self.get_queryset().get(pk=job.pk)
        headers = {"Location": f"{request.path.rstrip('/')}/{job.pk}/"}
        return Response(self.get_serializer(job).data, status=201, headers=headers)

    def update(self, request, *args, **kwargs):
        """Edit a posting. A published posting whose content changes goes back to review."""
        job = self.get_object()
        if job.status in (JobStatus.FILLED, JobStatus.EXPIRED):
            raise Conflict("A closed posting cannot be edited.")
        was_published = job.status == JobStatus.PUBLISHED
        serializer = self.get_serializer(
            job, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        form = serializer.form
        job = form.save(commit=False)
        if was_published:
            if form.has_changed():
                _step(moderation.submit, job, request.user, "Edited after publication.")
        else:
            job.save()
        return Response(self.get_serializer(self.get_queryset().get(pk=job.pk)).data)

    @extend_schema(request=None, responses=EmployerJobSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send a draft, or a posting sent back for changes or rejected, to review."""
        job = self.get_object()
        if job.status not in moderation.SUBMITTABLE:
            raise Conflict(f"A posting that is “{job.get_status_display()}” cannot be submitted.")
        self._require_confirmed_address()
        self._count_submission()
        _step(moderation.submit, job, request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=job.pk)).data)

    @extend_schema(request=None, responses=EmployerJobSerializer)
    @action(detail=True, methods=["post"])
    def fill(self, request, pk=None):
        """Mark a published posting filled: it closes to applications at once."""
        job = self.get_object()
        _step(moderation.mark_filled, job, request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=job.pk)).data)


def _step(step, job: Job, *args) -> None:
    """Run a moderation step; a step the status does not allow is a 409, a posting that lacks
    what a submission needs a 400 with the fields."""
    try:
        step(job, *args)
    except moderation.NotAllowed as error:
        raise Conflict(" ".join(error.messages)) from None
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise exceptions.ValidationError(error.message_dict) from None
        raise exceptions.ValidationError({"non_field_errors": error.messages}) from None
