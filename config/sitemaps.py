"""The sitemap index: jobs, companies, guides, roles, authors, salaries, role comparisons, the
fixed pages and the site's own pages (About, Privacy, Terms, ...)."""

from authors.sitemaps import AuthorSitemap
from companies.sitemaps import CompanySitemap
from compare.sitemaps import ComparisonSitemap
from core.sitemaps import StaticPagesSitemap
from jobs.sitemaps import JobSitemap
from pages.sitemaps import SitePageSitemap
from roles.sitemaps import GuideSitemap, RoleSitemap
from salaries.sitemaps import SalarySitemap

SITEMAPS = {
    "pages": StaticPagesSitemap,
    "jobs": JobSitemap,
    "companies": CompanySitemap,
    "guides": GuideSitemap,
    "roles": RoleSitemap,
    "authors": AuthorSitemap,
    "salaries": SalarySitemap,
    "comparisons": ComparisonSitemap,
    "site": SitePageSitemap,
}
