from django.contrib.sitemaps import Sitemap

from compare.index import PairEntry, indexable_pairs


class ComparisonSitemap(Sitemap):
    """Comparison pages that are their own canonical and not `noindex` (see docs/compare.md)."""

    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[PairEntry]:
        return indexable_pairs()

    def location(self, item: PairEntry) -> str:
        return item.pair.get_absolute_url()

    def lastmod(self, item: PairEntry):
        return max(item.pair.first.updated_at, item.pair.second.updated_at)
