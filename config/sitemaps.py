"""The sitemap index: jobs, guides, roles, authors, salaries, role comparisons and the fixed
pages."""

from authors.sitemaps import AuthorSitemap
from compare.sitemaps import ComparisonSitemap
from core.sitemaps import StaticPagesSitemap
from jobs.sitemaps import JobSitemap
from roles.sitemaps import GuideSitemap, RoleSitemap
from salaries.sitemaps import SalarySitemap

SITEMAPS = {
    "pages": StaticPagesSitemap,
    "jobs": JobSitemap,
    "guides": GuideSitemap,
    "roles": RoleSitemap,
    "authors": AuthorSitemap,
    "salaries": SalarySitemap,
    "comparisons": ComparisonSitemap,
}
