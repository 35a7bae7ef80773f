"""The sitemap index: jobs, guides, roles, salaries and the site's fixed pages, one section each."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from jobs.sitemaps import JobSitemap
from roles.sitemaps import GuideSitemap, RoleSitemap, SalarySitemap


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "jobs:list", "roles:guides", "roles:list", "salaries:list"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "jobs": JobSitemap,
    "guides": GuideSitemap,
    "roles": RoleSitemap,
    "salaries": SalarySitemap,
}
