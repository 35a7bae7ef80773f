from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from roles.models import Guide

FEED_SIZE = 20


class GuidesFeed(Feed):
    title = "Role guides"
    link = reverse_lazy("roles:guides")
    description = "New guides to careers in AI, machine learning and data."

    def items(self):
        return Guide.objects.published().select_related("author")[:FEED_SIZE]

    def item_title(self, guide: Guide) -> str:
        return guide.title

    def item_description(self, guide: Guide) -> str:
        return guide.description

    def item_pubdate(self, guide: Guide):
        return guide.published_at

    def item_updateddate(self, guide: Guide):
        return guide.updated_at


class GuidesAtomFeed(GuidesFeed):
    feed_type = Atom1Feed
    subtitle = GuidesFeed.description
