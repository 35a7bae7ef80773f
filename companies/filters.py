"""The company search of /api/v1/companies/: `q`, part of the name (the page reads the same)."""

import django_filters

from jobs.models import Company

COMPANY_NAME_MAX = 120


class CompanyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="name",
        lookup_expr="icontains",
        max_length=COMPANY_NAME_MAX,
        label="Part of the company's name, any case: “lab” finds “Brookhaven National Laboratory”.",
    )

    class Meta:
        model = Company
        fields: list[str] = []
