from core.sitemaps import UpdatedAtSitemap
from jobs.models import Company


class CompanySitemap(UpdatedAtSitemap):
    """Pages of companies hiring now (a company with only closed postings keeps its page for
    the links to it, but is left out of the sitemap, as its closed postings are)."""

    changefreq = "daily"
    priority = 0.5
    limit = 10_000

    def items(self):
        return Company.objects.public().only("slug", "updated_at").order_by("pk")
