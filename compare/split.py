"""Three-way splits of two roles' lists (shared, only in the first, only in the second), on
items compared the way people read them: "PyTorch" and "pytorch " are one skill."""

from dataclasses import dataclass, field


def item_key(text: str) -> str:
    """Case, spacing and a trailing full stop do not make a different item."""
    return " ".join(text.casefold().split()).rstrip(".;,")


@dataclass
class Split:
    shared: list[str] = field(default_factory=list)  # as the first role writes them
    only_first: list[str] = field(default_factory=list)
    only_second: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.shared or self.only_first or self.only_second)


def split(first: list[str], second: list[str]) -> Split:
    """Each item once, in its list's order."""
    first_keys, second_keys = _unique(first), _unique(second)
    return Split(
        shared=[item for key, item in first_keys.items() if key in second_keys],
        only_first=[item for key, item in first_keys.items() if key not in second_keys],
        only_second=[item for key, item in second_keys.items() if key not in first_keys],
    )


@dataclass
class KindSplit:
    kind: str
    tools: Split


def split_tools(
    first: list[tuple[str, list[str]]], second: list[tuple[str, list[str]]]
) -> list[KindSplit]:
    """Tools kind by kind (kinds matched like items), the first role's kinds first."""
    groups: dict[str, tuple[str, list[str], list[str]]] = {}
    for side, role_groups in enumerate((first, second)):
        for kind, tools in role_groups:
            label, *lists = groups.setdefault(item_key(kind), (kind, [], []))
            lists[side].extend(tools)
    return [KindSplit(label, split(a, b)) for label, a, b in groups.values()]


def _unique(items: list[str]) -> dict[str, str]:
    unique: dict[str, str] = {}
    for item in items:
        key = item_key(item)
        if key and key not in unique:
            unique[key] = item.strip()
    return unique
