from django.contrib.sitemaps import Sitemap

from roles.models import Guide, Role


class GuideSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Guide.objects.published().order_by("pk")

    def lastmod(self, guide: Guide):
        return guide.updated_at


class RoleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Role.objects.published().order_by("pk")

    def lastmod(self, role: Role):
        return role.updated_at
