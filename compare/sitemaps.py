from collections.abc import Sequence
from datetime import datetime
from typing import cast

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max

from compare.index import PairEntry, indexable_pairs
from roles.models import Role


class ComparisonSitemap(Sitemap):
    """Comparison pages that are their own canonical and not `noindex` (see docs/compare.md).

    The sitemap index reads one aggregate over the roles: the latest change, and the number of
    pairs as the page count's upper bound (a section page holds 50,000 addresses, which 317
    roles would only begin to fill), instead of working out every pair's figures."""

    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[PairEntry]:
        return indexable_pairs()

    def location(self, item: PairEntry) -> str:
        return item.pair.get_absolute_url()

    def lastmod(self, item: PairEntry) -> datetime:
        return max(item.pair.first.updated_at, item.pair.second.updated_at)

    def summary(self) -> dict:
        if not hasattr(self, "_summary"):
            roles = Role.objects.published().order_by()
            self._summary = roles.aggregate(count=Count("pk"), latest=Max("updated_at"))
        return self._summary

    def get_latest_lastmod(self) -> datetime | None:
        return self.summary()["latest"]

    @property
    def paginator(self) -> Paginator:
        paginator: Paginator = Paginator(cast(Sequence, _Pairs()), self.limit)
        roles = self.summary()["count"]
        paginator.count = roles * (roles - 1) // 2
        return paginator


class _Pairs:
    """The indexable pairs, worked out only when a section page reads a slice of them."""

    def __getitem__(self, index: slice) -> list[PairEntry]:
        return indexable_pairs()[index]
