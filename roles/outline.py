"""The parts of a guide page derived from its records: anchors and the table of contents."""

from dataclasses import dataclass

from django.utils.text import slugify

from roles.models import Guide, GuideSection, GuideTip, Role

# Anchors of the fixed parts that follow the sections.
OUTLOOK, TIPS, CONCLUSION = "outlook", "practical-tips", "conclusion"


@dataclass
class TocEntry:
    anchor: str
    label: str


@dataclass
class RoleBlock:
    role: Role
    notes_html: str


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, n = anchor or "section", 2
    while candidate in taken:
        candidate, n = f"{anchor}-{n}", n + 1
    taken.add(candidate)
    return candidate


def outline(guide: Guide, sections: list[GuideSection], tips: list[GuideTip]) -> list[TocEntry]:
    """Give every section an `anchor` and its per-role `blocks`; return the table of contents."""
    taken = {OUTLOOK, TIPS, CONCLUSION}
    toc = []
    for section in sections:
        section.anchor = _unique(slugify(section.title), taken)
        notes = [section.first_role_notes_html, section.second_role_notes_html]
        section.blocks = [
            RoleBlock(role, notes[i]) for i, role in enumerate(guide.roles) if role.is_public
        ]
        toc.append(TocEntry(section.anchor, section.title))
    if guide.outlook_html:
        toc.append(TocEntry(OUTLOOK, "Outlook"))
    if tips:
        toc.append(TocEntry(TIPS, "Practical tips"))
    if guide.conclusion_html:
        toc.append(TocEntry(CONCLUSION, "Conclusion"))
    return toc
