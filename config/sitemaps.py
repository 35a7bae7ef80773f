"""The sitemap index: jobs, guides, roles, salaries and the site's fixed pages, one section each."""

from core.sitemaps import StaticPagesSitemap
from jobs.sitemaps import JobSitemap
from roles.sitemaps import GuideSitemap, RoleSitemap
from salaries.sitemaps import SalarySitemap

SITEMAPS = {
    "pages": StaticPagesSitemap,
    "jobs": JobSitemap,
    "guides": GuideSitemap,
    "roles": RoleSitemap,
    "salaries": SalarySitemap,
}
