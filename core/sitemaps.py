"""Sitemap pieces every app's sitemap shares, and the section of the site's fixed pages."""

from datetime import datetime
from typing import Any, cast

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max, QuerySet
from django.urls import reverse


class UpdatedAtSitemap(Sitemap):
    """Items with an `updated_at`, their lastmod. The sitemap index reads how many there are
    and the latest change in one aggregate query (Django's default loads every item to find the
    latest lastmod, then counts them again for the pages)."""

    def lastmod(self, item: Any) -> datetime:
        return item.updated_at

    def summary(self) -> dict:
        if not hasattr(self, "_summary"):
            items = cast(QuerySet, self.items()).order_by()
            self._summary = items.aggregate(count=Count("pk"), latest=Max("updated_at"))
        return self._summary

    def get_latest_lastmod(self) -> datetime | None:
        return self.summary()["latest"]

    @property
    def paginator(self) -> Paginator:
        paginator = super().paginator
        paginator.count = self.summary()["count"]  # instead of a COUNT of its own
        return paginator


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return [
            "home",
            "jobs:list",
            "companies:list",
            "roles:guides",
            "roles:list",
            "salaries:list",
        ]

    def location(self, name: str) -> str:
        return reverse(name)
