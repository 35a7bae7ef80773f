"""Load the demo roles and guides (demo/data/roles.toml, guides.toml) idempotently: rerunning
updates them."""

from datetime import UTC, datetime, time

from django.db import transaction
from django.utils import timezone

from authors.models import Author
from demo import content
from roles.models import Guide, GuideAuthor, GuideSection, GuideTip, Role, Status


def _as_lines(items) -> str:
    return "\n".join(items)


def _role_fields(data: dict) -> dict:
    return {
        "name": data["name"],
        "summary": data["summary"],
        "definition": data["definition"],
        "responsibilities": _as_lines(data["responsibilities"]),
        "skills": _as_lines(data["skills"]),
        "education": _as_lines(data["education"]),
        "tools": _as_lines(f"{kind}: {', '.join(names)}" for kind, names in data["tools"].items()),
        "industries": _as_lines(
            f"{name}: {examples}" if examples else name
            for name, examples in data["industries"].items()
        ),
        "broader_titles": _as_lines(data["broader_titles"]),
        "status": Status.PUBLISHED,
    }


def _publish_datetime(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)), UTC)


def load_authors(*, editor=None) -> dict[str, Author]:
    """Create or update the demo authors; the demo editor's account (DEBUG only) is linked to
    the one the guides are credited to, so the guides they start get that byline too."""
    data = content.authors()
    authors = {}
    for fields in data["authors"]:
        author = Author.objects.filter(slug=fields["slug"]).first() or Author(slug=fields["slug"])
        for name in ("name", "role_line", "bio", "website"):
            setattr(author, name, fields.get(name, ""))
        if editor is not None and fields["slug"] == data["guides_by"]:
            author.user = editor
        author.full_clean()
        author.save()
        authors[author.slug] = author
    return authors


@transaction.atomic
def load_roles_and_guides(*, editor=None) -> tuple[int, int]:
    """Create or update every demo role and guide; return how many of each."""
    author = load_authors(editor=editor)[content.authors()["guides_by"]]
    roles = {}
    for data in content.roles():
        role = Role.objects.filter(slug=data["slug"]).first() or Role(slug=data["slug"])
        for name, value in _role_fields(data).items():
            setattr(role, name, value)
        role.full_clean()
        role.save()
        roles[role.slug] = role

    guides = {}
    for data in content.guides():
        guide, _ = Guide.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "subtitle": data["subtitle"],
                "seo_description": data["seo_description"],
                "first_role": roles[data["first_role"]],
                "second_role": roles[data["second_role"]] if data["second_role"] else None,
                "introduction": data["introduction"],
                "outlook": data["outlook"],
                "conclusion": data["conclusion"],
                "status": data["status"],
                "published_at": _publish_datetime(data["published"]),
                "last_reviewed": data.get("reviewed"),
            },
        )
        guide.credits.all().delete()
        GuideAuthor.objects.create(guide=guide, author=author, position=1)
        guide.sections.all().delete()
        for position, section in enumerate(data["sections"], start=1):
            notes = section.get("notes", {})
            GuideSection.objects.create(
                guide=guide,
                position=position,
                kind=section["kind"],
                heading=section.get("heading", ""),
                intro=section.get("intro", ""),
                first_role_notes=notes.get(data["first_role"], ""),
                second_role_notes=notes.get(data["second_role"], "") if data["second_role"] else "",
            )
        guide.tips.all().delete()
        for position, (lead_in, text) in enumerate(data["tips"], start=1):
            GuideTip.objects.create(guide=guide, position=position, lead_in=lead_in, text=text)
        guide.refresh_body()
        # The demo text is as of its publication date; reloading it is not an update.
        Guide.objects.filter(pk=guide.pk).update(updated_at=guide.published_at)
        guides[guide.slug] = guide

    for data in content.guides():
        guides[data["slug"]].related_guides.set(guides[slug] for slug in data["related"])
    return len(roles), len(guides)
