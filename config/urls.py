from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_page

from config import views
from jobs import views as job_views
from jobs.urls import employer_patterns, job_patterns, salary_patterns
from roles.feeds import GuidesAtomFeed, GuidesFeed
from roles.sitemaps import GuideSitemap, RoleSitemap

admin.site.site_header = f"{settings.SITE_NAME} editors"
admin.site.site_title = f"{settings.SITE_NAME} admin"
admin.site.index_title = "Guides, roles and jobs"

sitemaps = {"guides": GuideSitemap, "roles": RoleSitemap}

urlpatterns = [
    path("", job_views.home, name="home"),
    path("", include("roles.urls")),
    path("jobs/", include((job_patterns, "jobs"))),
    path("salaries/", include((salary_patterns, "salaries"))),
    path("employers/", include((employer_patterns, "employers"))),
    path("feeds/guides/", GuidesFeed(), name="guides-feed"),
    path("feeds/guides/atom/", GuidesAtomFeed(), name="guides-atom-feed"),
    path(
        "sitemap.xml",
        cache_page(60 * 15)(sitemap),
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("admin/", admin.site.urls),
]
