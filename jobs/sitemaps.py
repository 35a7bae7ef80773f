from django.contrib.sitemaps import Sitemap

from jobs.models import Job


class JobSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7
    limit = 10_000

    def items(self):
        return Job.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, job: Job):
        return job.updated_at
