from authors.models import Author
from core.sitemaps import UpdatedAtSitemap


class AuthorSitemap(UpdatedAtSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Author.objects.only("slug", "updated_at").order_by("pk")
