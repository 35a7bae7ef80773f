"""Read-only API endpoints for salary titles, on the same figures as the salary pages."""

from django import forms
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets
from rest_framework.response import Response

from api.common import SLUG, ConditionalReads
from core import page_query
from jobs.choices import ExperienceLevel
from roles.models import Role
from salaries.api.serializers import SalaryDetailSerializer, SalaryTitleSerializer
from salaries.figures import (
    PublicTitles,
    countries_with_data,
    min_sample,
    title_figures,
    title_list,
)
from salaries.models import SalaryTitle
from salaries.survey import COUNTRY_CODES
from salaries.views import MAX_QUERY, SALARY_TAGS, search_query


class SalaryListParams(forms.Form):
    q = forms.CharField(required=False, strip=False)
    role = forms.ModelChoiceField(
        queryset=Role.objects.published(), to_field_name="slug", required=False
    )

    def clean_q(self) -> str:
        return search_query(self.cleaned_data["q"])


class SalaryDetailParams(forms.Form):
    country = forms.CharField(required=False)
    experience_level = forms.ChoiceField(choices=ExperienceLevel.choices, required=False)

    def clean_country(self) -> str:
        """The salary page's country codes (any case); the page shows global figures instead of
        a bad one, the API answers 400."""
        raw = self.cleaned_data["country"]
        code = raw.strip().upper()
        if code and (len(code) != 2 or code not in COUNTRY_CODES):
            raise forms.ValidationError("Not a two-letter ISO 3166 country code.")
        return code


def valid(form_class, request) -> dict:
    form = form_class(request.query_params)
    if not form.is_valid():
        raise exceptions.ValidationError(form.errors)
    return form.cleaned_data


@extend_schema(tags=["salaries"])
@extend_schema_view(
    list=extend_schema(
        summary="Salary titles with their global median",
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                description="Search titles and their aliases, as /salaries/ does "
                "(“ML Engineer”, “Sr. Data Scientist”).",
            ),
            OpenApiParameter(
                "role", OpenApiTypes.STR, description="A published role's slug: its titles."
            ),
        ],
    ),
    retrieve=extend_schema(
        summary="One title's salary figures: overall, by level, by year",
        parameters=[
            OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=f"^{SLUG}$"),
            OpenApiParameter(
                "country",
                OpenApiTypes.STR,
                description="ISO 3166 code (any case): the figures in that country. "
                "Omitted: global figures.",
            ),
            OpenApiParameter(
                "experience_level",
                OpenApiTypes.STR,
                enum=ExperienceLevel.values,
                description="Only this level in `by_level`.",
            ),
        ],
    ),
)
class SalaryViewSet(ConditionalReads, viewsets.GenericViewSet):
    """The salary pages' figures (salaries.figures, the same functions): public titles (those
    published roles name) alphabetically with their global median; one title's percentiles,
    globally or in one country. Figures backed by fewer records than the minimum sample are null,
    with the count and a `hidden` reason, as the pages hide them."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    validates_query = True  # a retrieve's query parameters are checked too (400 in the schema)
    cache_query = page_query.Query(q=page_query.text(MAX_QUERY), role=page_query.slug)
    cache_tags = SALARY_TAGS

    def get_serializer_class(self):
        return SalaryDetailSerializer if self.action == "retrieve" else SalaryTitleSerializer

    def list(self, request):
        params = valid(SalaryListParams, request)
        titles = title_list(params["q"])
        if params["role"] is not None:
            slug = params["role"].slug
            titles = [t for t in titles if any(role.slug == slug for role in t["roles"])]
        page = self.paginate_queryset(titles)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, slug: str):
        public = PublicTitles.load()
        title = SalaryTitle.objects.filter(slug=slug).first() if slug in public.slugs else None
        if title is None:
            raise exceptions.NotFound("No salary figures for this title.")
        params = valid(SalaryDetailParams, request)
        country = params["country"]
        salary = {
            "title": title,
            "country": country or None,
            "experience_level": params["experience_level"] or None,
            "min_sample": min_sample(),
            "figures": title_figures(title, country),
            "countries": [
                {"code": code, "name": countries.name(code), "count": count}
                for code, count in countries_with_data(title)
            ],
            "roles": public.roles_by_slug[slug],
        }
        return Response(self.get_serializer(salary).data)
