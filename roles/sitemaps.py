from django.contrib.sitemaps import Sitemap

from roles.models import Guide, Role


class UpdatedAtSitemap(Sitemap):
    def lastmod(self, item):
        return item.updated_at


class GuideSitemap(UpdatedAtSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Guide.objects.published().order_by("pk")


class RoleSitemap(UpdatedAtSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Role.objects.published().order_by("pk")


class SalarySitemap(Sitemap):
    """The global salary page of every title a published role names."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        from roles.salary_figures import PublicTitles
        from roles.salary_models import SalaryTitle

        return SalaryTitle.objects.filter(slug__in=PublicTitles.load().slugs).order_by("name")
