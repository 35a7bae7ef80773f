"""The guide filters, shared by the guide index (and later the feed and the API)."""

import django_filters
from django.db.models import Q

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

    def filter_role(self, queryset, name, role):
        return queryset.filter(Q(first_role=role) | Q(second_role=role))
