"""Read-only API endpoints for roles and guides, on the same public querysets as the pages."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from api.common import SLUG, ConditionalReads, LastModifiedDetail, ListFilterBackend
from core import page_query, page_tags
from roles.api.serializers import (
    GuideDetailSerializer,
    GuideSerializer,
    RoleDetailSerializer,
    RoleSerializer,
)
from roles.filters import GuideFilter
from roles.models import Guide, GuideSection, GuideTip, Role


@extend_schema(tags=["roles"])
@extend_schema_view(
    list=extend_schema(summary="Published roles"),
    retrieve=extend_schema(summary="One role with its whole record"),
)
class RoleViewSet(ConditionalReads, LastModifiedDetail, viewsets.ReadOnlyModelViewSet):
    """Published roles, by name; one role with its whole record."""

    queryset = Role.objects.published()
    cache_tags = (page_tags.ROLES,)
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_serializer_class(self):
        return RoleDetailSerializer if self.action == "retrieve" else RoleSerializer

    def last_modified(self, role: Role):
        return role.updated_at


@extend_schema(tags=["guides"])
@extend_schema_view(
    list=extend_schema(summary="Published guides, newest first"),
    retrieve=extend_schema(summary="One guide: sections as data and as sanitized HTML"),
)
class GuideViewSet(ConditionalReads, LastModifiedDetail, viewsets.ReadOnlyModelViewSet):
    """Published guides, newest first (`role` narrows them to one role's); one guide with its
    sections, tips and sanitized HTML."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    filter_backends = [ListFilterBackend]
    filterset_class = GuideFilter
    cache_query = page_query.Query(role=page_query.slug)
    cache_tags = (page_tags.GUIDES, page_tags.ROLES)

    def get_queryset(self):
        guides = Guide.objects.published().with_roles()
        if self.action == "retrieve":
            guides = guides.prefetch_related(
                Prefetch("sections", GuideSection.objects.all()),
                Prefetch("tips", GuideTip.objects.all()),
            )
        return guides

    def get_serializer_class(self):
        return GuideDetailSerializer if self.action == "retrieve" else GuideSerializer

    def last_modified(self, guide: Guide):
        # The page shows its roles' records too. (Only drafts lack a publication date.)
        dates = [guide.updated_at, guide.published_at, *(r.updated_at for r in guide.roles)]
        return max(filter(None, dates))
