"""Editor-written text turned into safe HTML, once, when a record is saved.

Markdown goes through an allow-list sanitizer (nh3), so no script, event handler, inline style or
`javascript:` URL survives, whatever an editor pastes.
"""

import math
import re

import markdown
import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}
WORDS_PER_MINUTE = 230
_SINGLE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.DOTALL)


def render_markdown(text: str) -> str:
    """Markdown source to sanitized HTML ("" for blank text)."""
    if not text.strip():
        return ""
    html = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def render_markdown_inline(text: str) -> str:
    """Like render_markdown, without the <p> wrapper when the text is a single paragraph."""
    html = render_markdown(text)
    match = _SINGLE_PARAGRAPH.match(html)
    if match and "<p>" not in match.group(1):
        return match.group(1)
    return html


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


def reading_minutes(*texts: str) -> int:
    """Minutes a reader needs for the given texts (Markdown or HTML), at least one."""
    words = sum(len(strip_tags(text).split()) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
