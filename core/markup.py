"""Editor-written text turned into safe HTML, once, when a record is saved.

Markdown goes through an allow-list sanitizer (nh3), so no script, event handler, inline style or
`javascript:` URL survives, whatever an editor pastes. What the page could not show as written
(a link with a refused scheme, an image from another site, a heading where none fits, a body
over the size bound) is named by `markdown_problems()`, for the form to refuse with a message;
rendering never silently turns it into something else that looks right.
"""

import html
import math
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from django.utils.html import strip_tags
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "loading"},
    "th": {"scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}
WORDS_PER_MINUTE = 230
# The most a Markdown field holds: a long article is a tenth of it, and the form still
# answers (with the text kept) well inside the request body limit.
MAX_MARKDOWN_CHARS = 200_000
# Headings start here by default: below a page's h1 and a section's h2.
TOP_HEADING = 3
_SINGLE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.DOTALL)
_HEADING = re.compile(r"\Ah([1-6])\Z")
# The addresses of the image library's variants (images/urls.py).
_LIBRARY_IMAGE = re.compile(r"\A/images/[0-9a-f]{32}\.[0-9]{1,5}\.(?:webp|png|jpg)\Z")
# Browsers ignore these inside a URL's scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


def _plain_url(url: str) -> str:
    """The address as a browser reads it: character references decoded, noise dropped."""
    return _URL_NOISE.sub("", html.unescape(url))


def link_allowed(href: str) -> bool:
    """A link to an http, https or mailto address, or to a page of this site (no scheme)."""
    scheme = urlsplit(_plain_url(href)).scheme.lower()
    return not scheme or scheme in URL_SCHEMES


def image_allowed(src: str) -> bool:
    """Images come from the site's image library only ("/images/<key>.800.webp", copied from
    the Images admin): re-encoded, without metadata, cached for good. The site's security
    policy (CSP img-src 'self') would block other sites' images anyway."""
    return bool(_LIBRARY_IMAGE.match(_plain_url(src)))


class _Outline(Treeprocessor):
    """Moves headings below the page's own (`#` becomes `top`), shows an image that cannot be
    shown as its description, and a link with a refused scheme as plain text (the form refuses
    both; this covers text saved before it did)."""

    def __init__(self, md: markdown.Markdown, top: int) -> None:
        super().__init__(md)
        self.top = top

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            level = _HEADING.match(element.tag)
            if level:
                element.tag = f"h{min(6, int(level.group(1)) + self.top - 1)}"
            elif element.tag == "img":
                alt = element.get("alt", "").strip()
                if alt and image_allowed(element.get("src", "")):
                    element.set("loading", "lazy")
                else:
                    element.attrib.clear()
                    element.tag, element.text = "span", alt  # the sanitizer drops the span
            elif element.tag == "a" and not link_allowed(element.get("href", "")):
                element.attrib.clear()
                element.tag = "span"


class _OutlineExtension(Extension):
    def __init__(self, top: int) -> None:
        super().__init__()
        self.top = top

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_Outline(md, self.top), "outline", 0)


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not image_allowed(value):
        return None
    return value


def render_markdown(text: str, *, top_heading: int = TOP_HEADING) -> str:
    """Markdown source to sanitized HTML ("" for blank text); `#` becomes `<h{top_heading}>`."""
    if not text.strip():
        return ""
    rendered = markdown.markdown(
        text,
        extensions=["extra", "sane_lists", _OutlineExtension(top_heading)],
        output_format="html",
    )
    rendered = nh3.clean(
        rendered,
        # A page whose text starts right below its h1 (the site's own pages) keeps its h2s.
        tags=ALLOWED_TAGS | {f"h{level}" for level in range(top_heading, 3)},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()
    # An image that could not be shown leaves no empty paragraph behind.
    rendered = rendered.replace("<p></p>", "").strip()
    # A wide table scrolls inside its own box on a phone, not the whole page; the box takes
    # keyboard focus so it can be scrolled without a mouse.
    return rendered.replace("<table>", '<div class="table-scroll" tabindex="0"><table>').replace(
        "</table>", "</table></div>"
    )


def render_markdown_inline(text: str) -> str:
    """Like render_markdown, without the <p> wrapper when the text is a single paragraph."""
    rendered = render_markdown(text)
    match = _SINGLE_PARAGRAPH.match(rendered)
    if match and "<p>" not in match.group(1):
        return match.group(1)
    return rendered


class _Found(HTMLParser):
    """The links, images and headings of rendered (not yet sanitized) Markdown."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.images: list[tuple[str, str]] = []
        self.headings = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        elif tag == "img":
            self.images.append((values.get("src", ""), values.get("alt", "")))
        elif _HEADING.match(tag):
            self.headings += 1


def _shorten(url: str, limit: int = 60) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def markdown_problems(text: str, *, headings: bool = True) -> list[str]:
    """What in `text` the page could not show as written, one message each, for a form to
    refuse: [] when all is well. `headings=False` where a heading cannot fit (a one-line tip)."""
    if len(text) > MAX_MARKDOWN_CHARS:
        return [
            f"This text is {len(text):,} characters long; at most {MAX_MARKDOWN_CHARS:,} fit "
            "here. Shorten it, or split it across sections."
        ]
    if not text.strip():
        return []
    found = _Found()
    found.feed(markdown.markdown(text, extensions=["extra", "sane_lists"]))
    problems = []
    for href in found.links:
        if not link_allowed(href):
            problems.append(
                f"The link to “{_shorten(href)}” cannot be used: links go to http://, https:// "
                "or mailto: addresses, or to a page of this site (“/jobs/”)."
            )
    for src, alt in found.images:
        if not image_allowed(src):
            problems.append(
                f"The image “{_shorten(src)}” cannot be shown: pictures come from the site's "
                "image library. Upload it in the admin's Images and paste the Markdown it "
                "gives (“![what it shows](/images/….800.webp)”)."
            )
        elif not alt.strip():
            problems.append(
                "Describe every image for readers who cannot see it, between the brackets: "
                "![What the chart shows](/images/….800.webp)."
            )
    if found.headings and not headings:
        problems.append("Headings do not fit here; write plain sentences (bold is fine).")
    return problems


def lines(text: str) -> list[str]:
    """The non-blank lines of a one-item-per-line field, list markers removed."""
    items = []
    for line in text.splitlines():
        item = line.strip().lstrip("-*•").strip()
        if item:
            items.append(item)
    return items


def labelled_lines(text: str) -> list[tuple[str, str]]:
    """Lines written as "Label: details" as (label, details); details may be empty."""
    pairs = []
    for item in lines(text):
        label, _, details = item.partition(":")
        pairs.append((label.strip(), details.strip()))
    return pairs


# What a reader reads: no link or image addresses, no table rules or list markers.
_ADDRESS = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"\w", re.UNICODE)


def word_count(*texts: str) -> int:
    """Words a reader reads in the given texts (Markdown or HTML)."""
    return sum(
        sum(1 for token in strip_tags(_ADDRESS.sub("]", text)).split() if _WORD.search(token))
        for text in texts
    )


def reading_minutes(*texts: str) -> int:
    """Minutes a reader needs for the given texts (Markdown or HTML), at least one."""
    return max(1, math.ceil(word_count(*texts) / WORDS_PER_MINUTE))


# Tags that end a line of text where they open or close: their text must not run into the next
# block's ("…in production.</p><p>We…" reads "production. We", not "production.We").
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|blockquote|pre"
    r"|section|figure|figcaption|details|summary)\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(markup: str) -> str:
    """The text of rendered HTML on one line, blocks separated by a space (for search)."""
    return " ".join(html.unescape(strip_tags(_BLOCK_TAG.sub(" ", markup or ""))).split())
