"""Job titles that have a salary page: every published role's title and its broader titles."""

from dataclasses import dataclass, field

from django.utils.text import slugify

from roles.models import Role


@dataclass
class SalaryTitle:
    title: str
    slug: str
    roles: list[Role] = field(default_factory=list)


def salary_titles() -> dict[str, SalaryTitle]:
    """Titles by slug, in alphabetical order, each with the roles that name it."""
    titles: dict[str, SalaryTitle] = {}
    for role in Role.objects.published():
        for title in role.salary_titles:
            slug = slugify(title)
            entry = titles.setdefault(slug, SalaryTitle(title=title, slug=slug))
            entry.roles.append(role)
    return dict(sorted(titles.items()))
