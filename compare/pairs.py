"""Pairs of roles and their addresses: `/roles/compare/<a>-vs-<b>/`, slugs in alphabetical
order (the other order redirects to it)."""

from dataclasses import dataclass

from django.urls import reverse

from roles.models import Role

SEPARATOR = "-vs-"


def pair_slug(first: str, second: str) -> str:
    """The canonical address part of a pair, whichever order the slugs come in."""
    return SEPARATOR.join(sorted((first, second)))


def pair_url(first: str, second: str) -> str:
    return reverse("compare:pair", args=[pair_slug(first, second)])


def readings(slug: str) -> list[tuple[str, str]]:
    """Every (first, second) the address part can mean: a role slug may itself contain
    "-vs-", so each occurrence is a place it may be cut."""
    cuts, start = [], 0
    while (at := slug.find(SEPARATOR, start)) != -1:
        if at and at + len(SEPARATOR) < len(slug):
            cuts.append((slug[:at], slug[at + len(SEPARATOR) :]))
        start = at + 1
    return cuts


def find_pair(slug: str) -> "tuple[Role, Role] | None":
    """The two published roles an address part names, in its order; one query."""
    cuts = readings(slug)
    wanted = {part for cut in cuts for part in cut}
    roles = {role.slug: role for role in Role.objects.published().filter(slug__in=wanted)}
    for first, second in cuts:
        if first != second and first in roles and second in roles:
            return roles[first], roles[second]
    return None


@dataclass(frozen=True)
class Pair:
    """Two roles in canonical order."""

    first: Role
    second: Role

    @classmethod
    def of(cls, one: Role, other: Role) -> "Pair":
        return cls(one, other) if one.slug <= other.slug else cls(other, one)

    @property
    def slug(self) -> str:
        return pair_slug(self.first.slug, self.second.slug)

    @property
    def names(self) -> list[str]:
        return [self.first.name, self.second.name]

    @property
    def title(self) -> str:
        return f"{self.first.name} vs {self.second.name}"

    def get_absolute_url(self) -> str:
        return pair_url(self.first.slug, self.second.slug)
