from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max

from roles.models import Guide, Role


class UpdatedAtSitemap(Sitemap):
    """Items with an `updated_at`, their lastmod. The sitemap index reads how many there are
    and the latest change in one aggregate query (Django's default loads every item to find the
    latest lastmod, then counts them again for the pages)."""

    def lastmod(self, item):
        return item.updated_at

    def summary(self) -> dict:
        if not hasattr(self, "_summary"):
            items = self.items().order_by()
            self._summary = items.aggregate(count=Count("pk"), latest=Max("updated_at"))
        return self._summary

    def get_latest_lastmod(self):
        return self.summary()["latest"]

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.count = self.summary()["count"]  # instead of a COUNT of its own
        return paginator


class GuideSitemap(UpdatedAtSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Guide.objects.published().only("slug", "updated_at").order_by("pk")


class RoleSitemap(UpdatedAtSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Role.objects.published().only("slug", "updated_at").order_by("pk")


class SalarySitemap(Sitemap):
    """The global salary page of every title a published role names."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        from roles.salary_figures import PublicTitles
        from roles.salary_models import SalaryTitle

        return SalaryTitle.objects.filter(slug__in=PublicTitles.load().slugs).order_by("name")
