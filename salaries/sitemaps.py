from django.contrib.sitemaps import Sitemap

from salaries.figures import PublicTitles
from salaries.models import SalaryTitle


class SalarySitemap(Sitemap):
    """The global salary page of every title a published role names."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return SalaryTitle.objects.filter(slug__in=PublicTitles.load().slugs).order_by("name")
