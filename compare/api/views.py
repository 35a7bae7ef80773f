"""`GET /api/v1/roles/compare/?a=<slug>&b=<slug>`: the comparison page's content as data."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.common import cached_list
from compare.api.serializers import ComparisonSerializer
from compare.comparison import compare
from core import page_query, page_tags
from roles.models import Role


class CompareParams(forms.Form):
    a = forms.SlugField(max_length=120)
    b = forms.SlugField(max_length=120)

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("a") and data.get("a") == data.get("b"):
            raise forms.ValidationError("Choose two different roles.")
        return data


COMPARE_QUERY = page_query.Query(a=page_query.slug, b=page_query.slug)
# Coarser than the page's tags (this store takes its tags before the roles are read): any
# change to roles, jobs, guides or salary figures retires the stored answers.
COMPARE_TAGS = (page_tags.ROLES, page_tags.JOBS, page_tags.GUIDES, page_tags.SALARIES)


def _param(name: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, OpenApiTypes.STR, required=True, description="A published role's slug."
    )


class CompareView(APIView):
    """Two published roles compared, as the comparison page shows them: role data split into
    shared and distinct items, pay by level (the salary pages' figures), open jobs, the skills
    their postings ask for and the guides about them."""

    validates_query = True  # `a` and `b` are checked: its 400 is in the schema

    @extend_schema(
        tags=["roles"],
        summary="Compare two roles",
        parameters=[_param("a"), _param("b")],
        responses={200: ComparisonSerializer},
    )
    def get(self, request: Request) -> Response:
        return cached_list(self._compare, request, COMPARE_QUERY, COMPARE_TAGS)()

    def _compare(self) -> Response:
        form = CompareParams(self.request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(
                {name: [str(e) for e in errors] for name, errors in form.errors.items()}
            )
        slugs = [form.cleaned_data["a"], form.cleaned_data["b"]]
        roles = {role.slug: role for role in Role.objects.published().filter(slug__in=slugs)}
        if len(roles) != 2:
            raise exceptions.NotFound("No published role by that slug.")
        comparison = compare(roles[slugs[0]], roles[slugs[1]])
        context = {"request": self.request}
        return Response(ComparisonSerializer(comparison, context=context).data)
