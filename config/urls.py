from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from config.sitemaps import SITEMAPS
from core import page_tags, views
from core.page_cache import cache_public_page
from core.page_query import Query, integer
from employers.accounts import throttled_log_in
from jobs import views as job_views
from jobs.feeds import JobsAtomFeed, JobsFeed
from jobs.filters import JOB_FEED_QUERY
from roles.feeds import GuidesAtomFeed, GuidesFeed
from search import views as search_views

admin.site.site_header = f"{settings.SITE_NAME} editors"
admin.site.site_title = f"{settings.SITE_NAME} admin"
admin.site.index_title = "Guides, roles and jobs"

# Feeds are cached with the job list's filters (newest first, one page: no order or page).
jobs_feed = cache_public_page(JOB_FEED_QUERY, tags=job_views.JOB_LIST_TAGS)
guides_feed = cache_public_page(tags=(page_tags.GUIDES, page_tags.ROLES))
sitemap_page = cache_public_page(
    Query(p=integer(1, 10_000, default=1)),
    tags=(
        page_tags.JOBS,
        page_tags.GUIDES,
        page_tags.ROLES,
        page_tags.SALARIES,
        page_tags.SITE_PAGES,
    ),
)

urlpatterns = [
    path("", job_views.home, name="home"),
    # Before roles.urls, whose roles/<slug>/ would read "compare" as a role.
    path("roles/compare/", include("compare.urls")),
    path("", include("roles.urls")),
    path("jobs/", include("jobs.urls")),
    path("companies/", include("companies.urls")),
    path("images/", include("images.urls")),
    path("authors/", include("authors.urls")),
    path("search/", search_views.search, name="search"),
    path("salaries/", include("salaries.urls")),
    path("employers/", include("employers.urls")),
    path("alerts/", include("alerts.urls")),
    path("", include("reports.urls")),
    path("", include("pages.urls")),
    path("feeds/jobs/", jobs_feed(JobsFeed()), name="jobs-feed"),
    path("feeds/jobs/atom/", jobs_feed(JobsAtomFeed()), name="jobs-atom-feed"),
    path("feeds/guides/", guides_feed(GuidesFeed()), name="guides-feed"),
    path("feeds/guides/atom/", guides_feed(GuidesAtomFeed()), name="guides-atom-feed"),
    path(
        "sitemap.xml",
        sitemap_page(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("api/", include("api.urls")),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    # The admin's log-in under the same limits as the employers' one.
    path("admin/login/", throttled_log_in(admin.site.login), name="admin-log-in"),
    path("admin/", admin.site.urls),
]

if settings.BENCH_FLOOR:
    urlpatterns.append(path("bench/", include("demo.urls")))
