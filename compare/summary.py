"""The comparison's summary, written only from its figures: no sentence without a number."""

from typing import TYPE_CHECKING

from core.money import usd

if TYPE_CHECKING:
    from compare.comparison import Comparison
    from salaries.figures import Figures


def plural(name: str) -> str:
    return f"{name}s"


def level_phrase(label: str) -> str:
    """“Senior” → “at senior level”; “Entry-level” → “at entry level”."""
    return f"at {label.lower().removesuffix('-level')} level"


def pay_sentence(comparison: "Comparison") -> str:
    first, second = comparison.sides
    # The level with the most records where both roles have a median, else all levels.
    both = [
        (a, b) for a, b in zip(first.by_level, second.by_level, strict=True) if a.shown and b.shown
    ]
    where = ""
    if both:
        a, b = max(both, key=lambda rows: rows[0].count + rows[1].count)
        where = " " + level_phrase(a.label)
    elif first.has_pay and second.has_pay:
        a, b, where = first.overall, second.overall, " across all levels"
    else:
        paid = next((side for side in (first, second) if side.has_pay), None)
        if paid is None:
            return ""
        return (
            f"Only {plural(paid.role.name)} have enough salary records for a median: "
            f"{usd(paid.overall.p50)} a year, from {paid.overall.count:,} records."
        )
    return _versus(first.role.name, a, second.role.name, b, where)


def _versus(name_a: str, a: "Figures", name_b: str, b: "Figures", where: str) -> str:
    records = f"from {a.count:,} and {b.count:,} records"
    if a.p50 == b.p50:
        return (
            f"{plural(name_a)} and {plural(name_b)} earn the same median, {usd(a.p50)}{where}, "
            f"{records}."
        )
    if a.p50 < b.p50:
        (name_a, a), (name_b, b) = (name_b, b), (name_a, a)
        records = f"from {a.count:,} and {b.count:,} records"
    more = round((a.p50 - b.p50) / b.p50 * 100)
    return (
        f"{plural(name_a)} earn a median {usd(a.p50)}, {more}% more than {plural(name_b)}"
        f"{where}, {records}."
    )


def jobs_sentence(comparison: "Comparison") -> str:
    first, second = comparison.sides
    return (
        f"{first.open_jobs:,} open {first.role.name} job{'s' if first.open_jobs != 1 else ''} "
        f"and {second.open_jobs:,} open {second.role.name} "
        f"job{'s' if second.open_jobs != 1 else ''} right now."
    )


def skills_sentence(comparison: "Comparison") -> str:
    requested = comparison.requested
    if not (requested.only_first or requested.shared) or not (
        requested.only_second or requested.shared
    ):
        return ""
    shared = len(requested.shared)
    first, second = comparison.sides
    return (
        f"Their postings share {shared} of the skills they ask for most "
        f"({len(first.requested)} and {len(second.requested)} counted)."
    )


def summary_sentences(comparison: "Comparison") -> list[str]:
    sentences = [pay_sentence(comparison), jobs_sentence(comparison), skills_sentence(comparison)]
    return [sentence for sentence in sentences if sentence]


def description(sentences: list[str], limit: int = 160) -> str:
    """The meta description: the summary, cut at a word before `limit` characters."""
    text = " ".join(sentences)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
