"""A generated salary survey for the demo, in the public AI/ML salaries data set's columns.

The same seed gives the same rows, byte for byte. Pay follows a plausible shape: a median per
title for mid-level work in the U.S., scaled by level, country and year, with log-normal spread;
titles come written the many ways real surveys write them, so title matching has work to do.
"""

import csv
import io
import math
import random
from collections.abc import Iterator

from django.db import transaction

from demo.content import read
from salaries.models import SalaryTitle, TitleAlias
from salaries.stats import sync_titles
from salaries.survey import COLUMNS, ImportResult, import_survey
from salaries.title_matching import core_key

DEMO_SEED = 2026
DEMO_ROWS = 6000
FIRST_YEAR, LAST_YEAR = 2022, 2026

# The titles, aliases and spreads, from demo/data/salary_survey.toml.
_survey = read("salary_survey")
# Canonical title: (U.S. mid-level median in USD, ways the title is written, relative weight).
TITLES = {
    name: (title["median"], title["spellings"], title["weight"])
    for name, title in _survey["titles"].items()
}
# Editors' aliases shipped with the demo: raw title → canonical title.
DEMO_ALIASES = _survey["aliases"]
# (code, pay relative to mid-level, weight)
LEVELS = [(code, level["pay"], level["weight"]) for code, level in _survey["levels"].items()]
LEVEL_FACTOR = {code: factor for code, factor, _ in LEVELS}
# Residence: (pay relative to the U.S., currency, USD per unit, weight).
COUNTRIES = {
    code: (country["pay"], country["currency"], country["usd_per_unit"], country["weight"])
    for code, country in _survey["countries"].items()
}
EMPLOYMENT = list(_survey["employment"].items())
YEAR_GROWTH = 0.035
SPREAD = 0.22  # sigma of the log-normal noise


def _level_for(rng: random.Random, raw_title: str) -> str:
    words = raw_title.lower().replace(".", "").split()
    if {"senior", "sr", "lead", "principal"} & set(words):
        return "SE"
    if {"junior", "jr"} & set(words):
        return "EN"
    if "head" in words:
        return "EX"
    codes, _, weights = zip(*LEVELS, strict=True)
    return rng.choices(codes, weights)[0]


def survey_rows(count: int = DEMO_ROWS, seed: int = DEMO_SEED) -> Iterator[list[str]]:
    """`count` rows of survey data (strings, in COLUMNS order), the same for the same seed."""
    rng = random.Random(seed)
    titles = list(TITLES.values())
    title_weights = [weight for _, _, weight in titles]
    countries = list(COUNTRIES)
    country_weights = [COUNTRIES[c][3] for c in countries]
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    year_weights = [1 + i for i in range(len(years))]
    employment, employment_weights = zip(*EMPLOYMENT, strict=True)
    for _ in range(count):
        median, spellings, _ = rng.choices(titles, title_weights)[0]
        raw_title = rng.choice(spellings)
        level = _level_for(rng, raw_title)
        residence = rng.choices(countries, country_weights)[0]
        factor, currency, rate, _ = COUNTRIES[residence]
        year = rng.choices(years, year_weights)[0]
        usd = (
            median
            * LEVEL_FACTOR[level]
            * factor
            * (1 + YEAR_GROWTH) ** (year - FIRST_YEAR)
            * math.exp(rng.gauss(0, SPREAD))
        )
        usd = max(1000, round(usd, -2))
        company = residence if rng.random() < 0.88 else "US"
        yield [
            str(year),
            level,
            rng.choices(employment, employment_weights)[0],
            raw_title,
            str(round(usd / rate, -2) or 100),
            currency,
            str(int(usd)),
            residence,
            str(rng.choice([0, 50, 100])),
            company,
            rng.choice("SML"),
        ]


def survey_csv_lines(count: int = DEMO_ROWS, seed: int = DEMO_SEED) -> Iterator[str]:
    """The rows as CSV text lines, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    for row in survey_rows(count, seed):
        writer.writerow(row)
        yield from buffer.getvalue().splitlines(keepends=True)
        buffer.seek(0)
        buffer.truncate()


DEMO_DATASET = "demo-survey"


@transaction.atomic
def load_salary_demo() -> ImportResult:
    """The demo's canonical titles, aliases and survey records (idempotent). The caller then
    refreshes the figures, once postings are in too."""
    sync_titles()
    titles = dict(SalaryTitle.objects.values_list("name", "pk"))
    for alias, title in DEMO_ALIASES.items():
        TitleAlias.objects.update_or_create(
            key=core_key(alias)[0], defaults={"alias": alias, "title_id": titles[title]}
        )

    def fail(line: int, reason: str) -> None:
        raise ValueError(f"demo survey line {line}: {reason}")

    return import_survey(survey_csv_lines(), dataset=DEMO_DATASET, on_bad_row=fail)
