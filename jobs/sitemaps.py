from core.sitemaps import UpdatedAtSitemap
from jobs.models import Job


class JobSitemap(UpdatedAtSitemap):
    changefreq = "daily"
    priority = 0.7
    limit = 10_000

    def items(self):
        return Job.objects.public().only("slug", "updated_at").order_by("pk")
