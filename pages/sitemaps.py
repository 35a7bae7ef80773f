from django.db.models import QuerySet

from core.sitemaps import UpdatedAtSitemap
from pages.models import Page


class SitePageSitemap(UpdatedAtSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self) -> QuerySet[Page]:
        return Page.objects.order_by("slug")
