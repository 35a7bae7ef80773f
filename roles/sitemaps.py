from core.sitemaps import UpdatedAtSitemap
from roles.models import Guide, Role


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
