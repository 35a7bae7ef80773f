"""The guide filters, shared by the guide index and the API."""

import django_filters
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from roles.models import Guide, Role


class GuideFilter(django_filters.FilterSet):
    role = django_filters.ModelChoiceFilter(
        label="Role",
        queryset=Role.objects.published(),
        to_field_name="slug",
        method="filter_role",
        empty_label="All roles",
    )

    class Meta:
        model = Guide
        fields = ["role"]

    @extend_schema_field(OpenApiTypes.STR)  # a role's slug, for the API's schema
    def filter_role(self, queryset, name, role):
        return queryset.filter(Q(first_role=role) | Q(second_role=role))
