"""Snippets with the searched words marked: every piece of text is escaped, only <mark> is added."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.markup import plain_text
from core.textsearch.query import Query

SNIPPET_LENGTH = 220
_ENDINGS = ("ing", "ed", "er", "es", "s", "e")


def _stem(word: str) -> str:
    """A rough English stem, so "engineer" also marks "engineering" (PostgreSQL stems properly;
    marking only needs to be close)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def pattern_for(query: Query) -> re.Pattern | None:
    stems = sorted({_stem(word) for term in query.terms for word in term.words}, key=len)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in reversed(stems))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text: str, query: Query, length: int | None = None) -> SafeString:
    """Plain `text` escaped, with the query's words in <mark>; with `length`, cut to about that
    many characters around the first match."""
    text = " ".join((text or "").split())
    pattern = pattern_for(query)
    first = pattern.search(text) if pattern else None
    if length and len(text) > length:
        start = 0
        if first and first.start() > length // 3:
            start = text.rfind(" ", 0, first.start() - length // 4) + 1
        end = text.find(" ", start + length)
        end = len(text) if end == -1 else end
        text = ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")
    if pattern is None:
        return mark_safe(escape(text))
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def highlight_html(markup: str, query: Query, length: int | None = SNIPPET_LENGTH) -> SafeString:
    """The text of rendered (sanitized) HTML, as `highlight` shows it; blocks (paragraphs,
    list items) are separated by a space, so their words do not run together."""
    return highlight(plain_text(markup), query, length)
