"""/api/v1/companies/: companies hiring now, the most open jobs first, as /companies/ lists them;
one company by its slug."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from api.common import SLUG, ConditionalReads, LastModifiedDetail, ListFilterBackend
from companies.api.serializers import CompanySerializer
from companies.filters import COMPANY_NAME_MAX, CompanyFilter
from companies.selectors import hiring_companies
from core import page_query, page_tags
from jobs.models import Company


@extend_schema(tags=["companies"])
@extend_schema_view(
    list=extend_schema(
        summary="Companies hiring now",
        description="Companies with at least one open posting, the most open postings first, "
        "then by name, as /companies/ lists them; `q` keeps those whose name contains it.",
    ),
    retrieve=extend_schema(
        summary="One company hiring now",
        description="Its profile, its open postings and the address of its page; a company "
        "without an open posting is not found.",
    ),
)
class CompanyViewSet(ConditionalReads, LastModifiedDetail, viewsets.ReadOnlyModelViewSet):
    """Companies with at least one open posting, with how many they have."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    serializer_class = CompanySerializer
    filter_backends = [ListFilterBackend]
    filterset_class = CompanyFilter
    cache_query = page_query.Query(q=page_query.text(COMPANY_NAME_MAX))
    cache_tags = (page_tags.COMPANIES, page_tags.JOBS)

    def get_queryset(self):
        return hiring_companies()

    def last_modified(self, company: Company):
        return company.updated_at
