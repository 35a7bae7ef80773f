"""The site's own pages for the demo (demo/data/pages.toml). A page an editor has already
written is left as it is."""

from demo import content
from pages.models import Page


def load_pages() -> int:
    """Create the pages that do not exist yet; returns how many there are."""
    for page in content.read("pages")["pages"]:
        if not Page.objects.filter(slug=page["slug"]).exists():
            fields = {key: page[key].strip() for key in ("title", "summary", "body")}
            Page(slug=page["slug"], **fields).save()
    return Page.objects.count()
