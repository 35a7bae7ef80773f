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
