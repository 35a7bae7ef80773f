"""Normalizing raw job titles ("Sr. ML Engineer II") to canonical ones (Machine Learning
Engineer, senior).

A title's *key* is its lower-cased words with punctuation dropped and common abbreviations
expanded. A raw title matches a canonical title or an editor's alias whose key equals the raw
key; failing that, the key without level and grade words ("senior", "lead", "II"), whose level
words give a level hint; failing both, the same again without bracketed notes and qualifiers.
"""

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "ml": "machine learning",
    "dl": "deep learning",
    "cv": "computer vision",
    "bi": "business intelligence",
    "eng": "engineer",
    "engr": "engineer",
    "mgr": "manager",
    "dev": "developer",
    "sw": "software",
    "swe": "software engineer",
    "sci": "scientist",
    "ops": "operations",
}

# Words that say the level rather than the job; the first one found gives the level hint.
LEVEL_WORDS = {
    "intern": "entry",
    "internship": "entry",
    "trainee": "entry",
    "graduate": "entry",
    "junior": "entry",
    "entry": "entry",
    "associate": "entry",
    "mid": "mid",
    "intermediate": "mid",
    "senior": "senior",
    "lead": "senior",
    "staff": "senior",
    "principal": "senior",
    "head": "executive",
    "director": "executive",
    "vp": "executive",
    "chief": "executive",
}
# Grades and fillers dropped along with the level words ("Data Scientist II", "Head of Data").
GRADE_WORDS = {"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", "level", "lvl", "of"}

_NON_WORD = re.compile(r"[^a-z0-9]+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_QUALIFIER = re.compile(r"\s*(?:,|;|\s[-–—|]\s).*$")


def _variants(raw: str) -> list[str]:
    """The title, then without bracketed notes ("(Contract)"), then without a qualifier after a
    comma or dash ("Senior Data Scientist, Pricing")."""
    variants = [raw]
    for pattern in (_BRACKETS, _QUALIFIER):
        shorter = pattern.sub("", variants[-1]).strip()
        if shorter and shorter != variants[-1]:
            variants.append(shorter)
    return variants


def _words(raw: str) -> list[str]:
    text = raw.lower().replace("&", " and ").replace("+", " plus ")
    words: list[str] = []
    for word in _NON_WORD.split(text):
        if word:
            words += ABBREVIATIONS.get(word, word).split()
    return words


def title_key(raw: str) -> str:
    """The comparable form of a title: "Sr. ML Engineer II" → "senior machine learning engineer
    ii"."""
    return " ".join(_words(raw))[:150]


def core_key(raw: str) -> tuple[str, str]:
    """The key without level and grade words, and the level they name ("" if none)."""
    words = _words(raw)
    level = next((LEVEL_WORDS[w] for w in words if w in LEVEL_WORDS), "")
    core = [w for w in words if w not in LEVEL_WORDS and w not in GRADE_WORDS]
    return " ".join(core)[:150], level


def candidate_keys(raw: str) -> list[str]:
    """Every key `TitleMatcher.match` may look up for a raw title, so that a matcher built from
    these keys alone matches it as one built from every key would."""
    keys = []
    for variant in _variants(raw):
        keys += [title_key(variant), core_key(variant)[0]]
    return [key for key in dict.fromkeys(keys) if key]


@dataclass(frozen=True)
class Match:
    title_id: int | None
    level: str  # the level the title names, "" when it names none


class TitleMatcher:
    """Matches raw titles against a fixed map of keys (canonical names and aliases) to title
    ids; built once per import or request, so matching costs no query."""

    def __init__(self, keys: dict[str, int]):
        self.keys = keys
        self._cache: dict[str, Match] = {}

    @classmethod
    def from_database(cls) -> "TitleMatcher":
        from salaries.models import SalaryTitle, TitleAlias

        keys = dict(SalaryTitle.objects.values_list("key", "pk"))
        keys.update(TitleAlias.objects.values_list("key", "title_id"))
        return cls(keys)

    def match(self, raw: str) -> Match:
        cached = self._cache.get(raw)
        if cached is not None:
            return cached
        result = Match(None, core_key(raw)[1])
        for variant in _variants(raw):
            title_id = self.keys.get(title_key(variant))
            if title_id is not None:
                # The whole title is canonical ("Lead Machine Learning Engineer").
                result = Match(title_id, "")
                break
            core, level = core_key(variant)
            title_id = self.keys.get(core)
            if title_id is not None:
                result = Match(title_id, level)
                break
        if len(self._cache) < 50_000:  # distinct titles are few; bound memory all the same
            self._cache[raw] = result
        return result
