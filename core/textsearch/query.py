"""The search syntax, parsed once and used by every database.

What people type, the way web search engines read it:

- words: every word must match (`data engineer`);
- `"quoted words"`: the words next to each other, in that order;
- `-word` or `-"some words"`: leave out what contains them;
- `or` between two words or phrases: either will do (`pytorch or jax`); it binds the two
  neighbours only, so `senior data or ml engineer` means senior, (data or ml) and engineer;
- the last plain word also matches as the start of a word, for searching while typing
  (`pyto` finds PyTorch).

Only letters and digits count: other characters separate words, so no input can break the
database's own query syntax.
"""

import re
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_WORD_LENGTH = 40

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")
_OR = {"or", "|", "||"}


@dataclass(frozen=True)
class Term:
    """One word, or the words of a phrase (which must appear next to each other)."""

    words: tuple[str, ...]
    prefix: bool = False  # a single word that may also be the start of a longer one

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def __str__(self) -> str:
        text = " ".join(self.words)
        return f'"{text}"' if self.is_phrase else text


@dataclass
class Query:
    """All clauses must match (a clause matches when any of its terms does); no excluded term
    may match. A query without clauses searches for nothing."""

    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def terms(self) -> list[Term]:
        """The terms to look for (not the excluded ones), e.g. to highlight them."""
        return [term for clause in self.clauses for term in clause]

    def __str__(self) -> str:
        parts = [" or ".join(str(term) for term in clause) for clause in self.clauses]
        parts += [f"-{term}" for term in self.excluded]
        return " ".join(parts)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word[:MAX_WORD_LENGTH].lower() for word in _WORD.findall(text))


def parse(text: str) -> Query:
    """Read a query typed by a person; never fails, whatever the text."""
    text = (text or "")[:MAX_QUERY_LENGTH]
    query = Query()
    join_next = False
    last_plain: tuple[int, int] | None = None  # (clause, position) of the last plain word
    count = 0
    for match in _TOKEN.finditer(text):
        minus, quoted, bare = match.groups()
        if bare is not None and bare.lower() in _OR:
            join_next = bool(query.clauses)
            continue
        last_plain = None
        excluded = False
        if quoted is not None:
            words = _words(quoted)
            excluded = bool(minus)
        else:
            if bare.startswith("-") and _words(bare):
                excluded = True
            words = _words(bare)
        if not words or count >= MAX_TERMS:
            join_next = False
            continue
        count += 1
        term = Term(words)
        if excluded:
            query.excluded.append(term)
            join_next = False
            continue
        if join_next and query.clauses:
            query.clauses[-1].append(term)
        else:
            query.clauses.append([term])
        join_next = False
        if quoted is None and len(words) == 1:
            last_plain = (len(query.clauses) - 1, len(query.clauses[-1]) - 1)
    # While typing, the last word is probably unfinished: let it match the start of a word.
    if last_plain is not None and not text[-1:].isspace():
        clause, position = last_plain
        term = query.clauses[clause][position]
        query.clauses[clause][position] = Term(term.words, prefix=True)
    return query
