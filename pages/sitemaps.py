from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import QuerySet

from pages.models import Page, Slug


class SitePageSitemap(Sitemap):
    """The site's own pages. The sitemap index names this section without a query: there are
    at most len(Slug) pages, so always one sitemap page, and their dates are in the section."""

    changefreq = "monthly"
    priority = 0.3

    def items(self) -> QuerySet[Page]:
        return Page.objects.order_by("slug")

    def lastmod(self, page: Page) -> datetime:
        return page.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        return None

    @property
    def paginator(self) -> Paginator:
        paginator = super().paginator
        paginator.count = len(Slug)  # instead of a COUNT of its own
        return paginator
