import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from roles.models import Guide

FEED_SIZE = 20

# Characters XML 1.0 cannot carry: control characters (pasted text, typed queries) and U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """The value with characters XML forbids removed (lists and tuples item by item)."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(item) for item in value)
    return value


class XmlSafeFeed(Feed):
    """A feed that stays well-formed XML whatever text its records or its query hold."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = {key: xml_safe(value) for key, value in feed.feed.items()}
        feed.items = [{key: xml_safe(value) for key, value in item.items()} for item in feed.items]
        return feed


class GuidesFeed(XmlSafeFeed):
    title = "Role guides"
    link = reverse_lazy("roles:guides")
    description = "New guides to careers in AI, machine learning and data."

    def items(self):
        return Guide.objects.published().with_roles()[:FEED_SIZE]

    def item_title(self, guide: Guide) -> str:
        return guide.title

    def item_description(self, guide: Guide) -> str:
        return guide.description

    def item_pubdate(self, guide: Guide):
        return guide.published_at

    def item_author_name(self, guide: Guide) -> str:
        # The byline, as on the page; the site itself for a guide without one (as in its JSON-LD).
        return guide.byline or settings.SITE_NAME

    def item_updateddate(self, guide: Guide):
        # An update an editor marked as one, not every typo fix: readers are not told again.
        return guide.revised_at or guide.published_at


class GuidesAtomFeed(GuidesFeed):
    feed_type = Atom1Feed
    subtitle = GuidesFeed.description
