"""More roles and guides than the demo holds, for benchmarks at a realistic catalogue size.

Each generated role specializes one demo role (its record is the demo role's, introduced by what
the specialization focuses on); generated guides explain one role or compare two, with the six
standard sections, notes for each role and practical tips, and are published at dates spread over
the last two years. The same starting database gives the same roles and guides. Existing roles
and guides are never changed: generation only adds what is missing up to the asked totals.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from demo.content import read
from roles.models import STANDARD_SECTIONS, Guide, GuideSection, GuideTip, Role, SectionKind, Status

# The specializations, notes and tips, from demo/data/guide_vocabulary.toml.
_vocabulary = read("guide_vocabulary")
# (name, the demo role it specializes, what it focuses on); in the order roles are added.
SPECIALIZATIONS = [(name, base, focus) for name, base, focus in _vocabulary["specializations"]]
NOTES = {SectionKind(kind): note for kind, note in _vocabulary["notes"].items()}
TIPS = [(tip["lead_in"], tip["text"]) for tip in _vocabulary["tips"]]
FOCUS = {name: focus for name, _, focus in SPECIALIZATIONS}


def _in_text(name: str) -> str:
    """A role's name inside a sentence: lower case, except abbreviations (NLP, MLOps)."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in name.split())


def _a(name: str) -> str:
    """The name with "a" or "an" before it, as it is read aloud (an NLP engineer)."""
    first = name.lstrip("[").split()[0]
    spelled = sum(c.isupper() for c in first) > 1
    vowel = first[0].upper() in ("AEFHILMNORSX" if spelled else "AEIOU")
    return f"{'an' if vowel else 'a'} {name}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _focus(role: Role) -> str:
    return FOCUS.get(role.name, f"{_in_text(role.name)} work")


@transaction.atomic
def generate_roles(total: int) -> int:
    """Add published specializations until `total` roles are published; return how many."""
    missing = total - Role.objects.published().count()
    if missing <= 0:
        return 0
    if missing > len(SPECIALIZATIONS):
        raise ValueError(f"At most {len(SPECIALIZATIONS)} roles can be generated.")
    bases = {role.slug: role for role in Role.objects.all()}
    added = 0
    for name, base_slug, focus in SPECIALIZATIONS:
        if added == missing:
            break
        slug = slugify(name)
        base = bases.get(base_slug)
        if slug in bases or base is None or Role.objects.filter(name=name).exists():
            continue
        role = Role(
            name=name,
            slug=slug,
            summary=f"{_capital(_a(_in_text(base.name)))} focused on {focus}."[:160],
            definition=f"{_capital(_a(_in_text(name)))} is {_a(_in_text(base.name))} who "
            f"focuses on {focus}.\n\n{base.definition}",
            responsibilities=base.responsibilities,
            skills=base.skills,
            education=base.education,
            tools=base.tools,
            industries=base.industries,
            broader_titles="\n".join([base.name, *base.salary_titles[1:]]),
            status=Status.PUBLISHED,
        )
        role.full_clean()
        role.save()
        added += 1
    return added


def _guide_pairs(roles: list[Role]) -> list[tuple[Role, Role | None]]:
    """Every role alone, then each role compared with its next three, in a fixed order."""
    pairs: list[tuple[Role, Role | None]] = [(role, None) for role in roles]
    for step in (1, 2, 3):
        for i, role in enumerate(roles):
            pairs.append((role, roles[(i + step) % len(roles)]))
    return pairs


def _guide_texts(first: Role, second: Role | None) -> dict:
    if second is None:
        title = f"What does {_a(first.name)} do?"
        return {
            "title": title,
            "slug": slugify(title),
            "subtitle": f"The {_in_text(first.name)} role: duties, skills, tools and career paths.",
            "introduction": (
                f"{_capital(_a(f'[{_in_text(first.name)}]'))}({first.get_absolute_url()}) works "
                f"on {_focus(first)}. "
                "This guide walks through what the job involves day to day, what employers ask "
                "for, and how people get into it."
            ),
            "outlook": (
                f"Demand for {_in_text(first.name)}s has grown with the spread of data and machine "
                "learning into everyday products, and senior people are hard to find."
            ),
            "conclusion": (
                f"If {_focus(first)} is the part of the work you enjoy most, this role is worth "
                "aiming for; the tips above are a good place to start."
            ),
        }
    title = f"{first.name} vs {second.name}"
    return {
        "title": title,
        "slug": slugify(title),
        "subtitle": f"How the {_in_text(first.name)} and {_in_text(second.name)} roles differ.",
        "introduction": (
            f"The [{_in_text(first.name)}]({first.get_absolute_url()}) and the "
            f"[{_in_text(second.name)}]({second.get_absolute_url()}) often sit on the same team. "
            f"One centres on {_focus(first)}, the other on {_focus(second)}. Below, the roles "
            "are compared section by section."
        ),
        "outlook": (
            "Both roles are in demand; which one grows faster depends on the industry and on how "
            "far a company has come in putting models into production."
        ),
        "conclusion": (
            f"Choose the {_in_text(first.name)} path for {_focus(first)}, and the "
            f"{_in_text(second.name)} path for {_focus(second)}. Many careers move between them."
        ),
    }


@transaction.atomic
def generate_guides(total: int, *, now=None) -> int:
    """Add published guides until `total` guides are published; return how many were added."""
    missing = total - Guide.objects.published().count()
    if missing <= 0:
        return 0
    now = now or timezone.now()
    roles = list(Role.objects.published().order_by("pk"))
    taken = set(Guide.objects.values_list("slug", flat=True))
    added = 0
    for first, second in _guide_pairs(roles):
        if added == missing:
            break
        texts = _guide_texts(first, second)
        if texts["slug"] in taken:
            continue
        taken.add(texts["slug"])
        guide = Guide.objects.create(
            **texts,
            first_role=first,
            second_role=second,
            status=Status.PUBLISHED,
            published_at=now - timedelta(days=2 + (added * 7) % 720, hours=added % 24),
        )
        for position, kind in enumerate(STANDARD_SECTIONS, start=1):
            note = NOTES[kind]
            GuideSection.objects.create(
                guide=guide,
                position=position,
                kind=kind,
                first_role_notes=note.format(focus=_focus(first)),
                second_role_notes=note.format(focus=_focus(second)) if second else "",
            )
        for position, (lead_in, text) in enumerate(TIPS, start=1):
            GuideTip.objects.create(
                guide=guide,
                position=position,
                lead_in=lead_in,
                text=text.format(focus=_focus(first)),
            )
        guide.refresh_body()
        added += 1
    if added < missing:
        raise ValueError(f"Only {added} of {missing} guides could be generated; add roles first.")
    return added
