"""The employers' API endpoints: the caller's company's postings, in every status."""

from typing import cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core import ratelimit
from employers.api import idempotency
from employers.api.permissions import EmployerApiRequest, IsEmployer
from employers.api.serializers import EmployerJobSerializer
from jobs import moderation
from jobs.choices import JobStatus
from jobs.models import Job, StatusChange


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
    create=extend_schema(
        summary="Post a job (it goes to review)",
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                location=OpenApiParameter.HEADER,
                required=False,
                description=(
                    "Any 1 to 100 visible characters of yours. Sent again within a day with the "
                    "same content, the answer is the posting the first request made "
                    "(`Idempotent-Replayed: true`), not a second posting; other content is a 422."
                ),
            )
        ],
    ),
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

    Creating one sends it to review; editing a published or pending one makes a new version that
    goes to the back of the review queue (a published one leaves the board until a moderator
    approves it); `fill` closes it."""

    serializer_class = EmployerJobSerializer
    permission_classes = [IsEmployer]
    request: EmployerApiRequest
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
        return {
            **super().get_serializer_context(),
            "employer": getattr(self.request, "employer", None),
        }

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
        """Post a job: it goes to the review queue (status `pending`), never straight out.

        With an `Idempotency-Key` header, the same key and content sent again within a day
        answer with the posting the first request made (header `Idempotent-Replayed: true`)."""
        self._require_confirmed_address()
        company_id = request.employer.company_id
        key = idempotency.key_of(request)
        digest = idempotency.request_digest(request) if key else ""
        if key and (earlier := idempotency.earlier_posting(company_id, key, digest)):
            return self._created(earlier, replayed=True)
        serializer = cast(EmployerJobSerializer, self.get_serializer(data=request.data))
        serializer.is_valid(raise_exception=True)
        self._count_submission()
        try:
            with transaction.atomic():
                job = serializer.form.save(commit=False)
                job.status = JobStatus.DRAFT
                job.save()
                if key:
                    idempotency.remember(company_id, key, digest, job)
                moderation.record_creation(job, request.user)
                _step(moderation.submit, job, request.user)
        except IntegrityError:
            earlier = idempotency.earlier_posting(company_id, key, digest) if key else None
            if earlier is None:
                raise
            return self._created(earlier, replayed=True)  # a concurrent request with the key won
        return self._created(job)

    def _created(self, job: Job, replayed: bool = False) -> Response:
        job = self.get_queryset().get(pk=job.pk)
        headers = {"Location": f"{self.request.path.rstrip('/')}/{job.pk}/"}
        if replayed:
            headers["Idempotent-Replayed"] = "true"
        return Response(self.get_serializer(job).data, status=201, headers=headers)

    def update(self, request, *args, **kwargs):
        """Edit a posting: changed content is its next version. A published or pending posting
        whose content changes goes (back) to the review queue with the new version."""
        job = self.get_object()
        if job.status in (JobStatus.FILLED, JobStatus.EXPIRED):
            raise Conflict("A closed posting cannot be edited.")
        serializer = cast(
            EmployerJobSerializer,
            self.get_serializer(job, data=request.data, partial=kwargs.get("partial", False)),
        )
        serializer.is_valid(raise_exception=True)
        form = serializer.form
        if form.has_changed():
            _step(moderation.save_edit, form.save(commit=False), request.user)
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
