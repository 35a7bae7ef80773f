"""Plain factory functions: each makes a valid, saved record; keyword arguments override."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from roles.models import Guide, GuideSection, GuideTip, Role, Status

_numbers = itertools.count(1)


def make_role(**fields) -> Role:
    n = next(_numbers)
    defaults = {
        "name": f"Role {n}",
        "slug": f"role-{n}",
        "summary": f"What role {n} does.",
        "definition": f"Role {n} builds things with data.",
        "responsibilities": "Ship models.\nReview code.",
        "skills": "Python\nStatistics",
        "education": "A degree in computer science.",
        "tools": "Frameworks: PyTorch, JAX\nVersion control: Git",
        "industries": "Healthcare: medical imaging\nFinance",
        "broader_titles": "Engineer",
        "status": Status.PUBLISHED,
    }
    defaults.update(fields)
    return Role.objects.create(**defaults)


def make_guide(*, sections: bool = True, **fields) -> Guide:
    n = next(_numbers)
    if "first_role" not in fields:
        fields["first_role"] = make_role()
    defaults = {
        "title": f"Guide {n}",
        "slug": f"guide-{n}",
        "subtitle": f"Subtitle {n}",
        "introduction": "An introduction to the roles.",
        "outlook": "Demand keeps growing.",
        "conclusion": "Pick the one you enjoy.",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=n),
    }
    defaults.update(fields)
    guide = Guide.objects.create(**defaults)
    if sections:
        kinds = ["definition", "responsibilities", "skills", "education", "tools", "industries"]
        for position, kind in enumerate(kinds, start=1):
            GuideSection.objects.create(guide=guide, kind=kind, position=position)
        GuideTip.objects.create(guide=guide, position=1, lead_in="Start small", text="Build one.")
    guide.refresh_reading_time()
    return guide


def make_editor(username: str = "ed", password: str = "a-long-test-password"):
    user = get_user_model().objects.create_user(
        username=username, password=password, is_staff=True, first_name="Ed", last_name="Itor"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
