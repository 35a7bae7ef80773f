"""Reading salary-survey CSV files in the columns of the public AI/ML salaries data set.

Rows stream from the file and are inserted in batches (COPY on PostgreSQL), so memory stays
flat whatever the file's size. Importing a data set again replaces the records it brought last
time (in one transaction), so running an import twice leaves the same records. A bad row is
reported with its line number and reason and skipped; the rest still load.
"""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import connection, reset_queries, transaction
from django_countries import countries

from jobs.choices import EmploymentType, ExperienceLevel
from salaries.models import SalaryRecord, Source
from salaries.title_matching import TitleMatcher, title_key

COLUMNS = [
    "work_year",
    "experience_level",
    "employment_type",
    "job_title",
    "salary",
    "salary_currency",
    "salary_in_usd",
    "employee_residence",
    "remote_ratio",
    "company_location",
    "company_size",
]
LEVELS = {
    "EN": ExperienceLevel.ENTRY,
    "MI": ExperienceLevel.MID,
    "SE": ExperienceLevel.SENIOR,
    "EX": ExperienceLevel.EXECUTIVE,
}
EMPLOYMENT = {
    "FT": EmploymentType.FULL_TIME,
    "PT": EmploymentType.PART_TIME,
    "CT": EmploymentType.CONTRACT,
    "FL": EmploymentType.FREELANCE,
}
COMPANY_SIZES = {"S", "M", "L"}
MAX_USD = 10_000_000
FIRST_YEAR = 2000
BATCH_SIZE = 5000
COUNTRY_CODES = frozenset(code for code, _ in countries)


class BadRow(ValueError):
    """A row that cannot be imported; the message says why."""


class BadFile(ValueError):
    """A file that cannot be read as a salary survey at all (e.g. a missing column)."""


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    bad: int = 0
    unmatched: int = 0
    replaced: int = 0


def _choice(row: dict, column: str, allowed: dict | set) -> str:
    value = (row[column] or "").strip().upper()
    if value not in allowed:
        expected = ", ".join(sorted(allowed) if isinstance(allowed, set) else allowed)
        raise BadRow(f"{column} {value!r} is not one of {expected}")
    return allowed[value] if isinstance(allowed, dict) else value


def _number(row: dict, column: str, low: int, high: int) -> int:
    raw = (row[column] or "").strip()
    try:
        value = int(raw) if raw.isdigit() else Decimal(raw)  # whole numbers: the fast path
    except InvalidOperation:
        raise BadRow(f"{column} {raw!r} is not a number") from None
    if isinstance(value, Decimal) and not value.is_finite() or not low <= value <= high:
        raise BadRow(f"{column} {raw} is outside {low:,} to {high:,}")
    return round(value)


def _country(row: dict, column: str) -> str:
    value = (row[column] or "").strip().upper()
    if value not in COUNTRY_CODES:
        raise BadRow(f"{column} {value!r} is not an ISO 3166 country code")
    return value


def parse_row(row: dict, expected_fields: int) -> dict:
    """The fields of a record from one CSV row (as read by csv.DictReader); BadRow if invalid."""
    if None in row:
        raise BadRow(f"{expected_fields + len(row[None])} fields, expected {expected_fields}")
    if any(value is None for value in row.values()):
        found = sum(value is not None for value in row.values())
        raise BadRow(f"{found} fields, expected {expected_fields}")
    title = " ".join((row["job_title"] or "").split())
    if not title:
        raise BadRow("job_title is empty")
    if len(title) > 150:
        raise BadRow("job_title is longer than 150 characters")
    currency = (row["salary_currency"] or "").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise BadRow(f"salary_currency {currency!r} is not a three-letter currency code")
    _number(row, "salary", 1, 10**12)
    _number(row, "remote_ratio", 0, 100)
    _country(row, "company_location")
    _choice(row, "company_size", COMPANY_SIZES)
    return {
        "year": _number(row, "work_year", FIRST_YEAR, date.today().year + 1),
        "level": _choice(row, "experience_level", LEVELS),
        "employment_type": _choice(row, "employment_type", EMPLOYMENT),
        "raw_title": title,
        "amount_usd": _number(row, "salary_in_usd", 1, MAX_USD),
        # Where the person works and lives: local pay is what a job seeker there can expect.
        "country": _country(row, "employee_residence"),
    }


def import_survey(
    lines: Iterable[str],
    *,
    dataset: str,
    on_bad_row: Callable[[int, str], None],
    batch_size: int = BATCH_SIZE,
) -> ImportResult:
    """Import survey rows from CSV text lines (a file opened with newline=""), replacing the
    records an earlier import of `dataset` brought."""
    reader = csv.DictReader(lines)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise BadFile(f"missing column(s): {', '.join(missing)}")
    reader.fieldnames = header
    matcher = TitleMatcher.from_database()
    keys: dict[str, str] = {}
    result = ImportResult()
    batch: list[tuple] = []
    with transaction.atomic():
        result.replaced, _ = SalaryRecord.objects.filter(dataset=dataset).delete()
        for row in reader:
            result.rows += 1
            try:
                fields = parse_row(row, len(header))
            except BadRow as error:
                result.bad += 1
                on_bad_row(reader.line_num, str(error))
                continue
            raw = fields["raw_title"]
            key = keys.get(raw)
            if key is None:
                key = title_key(raw)
                if len(keys) < 50_000:
                    keys[raw] = key
            title_id = matcher.match(raw).title_id
            result.unmatched += title_id is None
            batch.append(
                (Source.SURVEY.value, dataset, key, title_id, *(fields[f] for f in ROW_FIELDS))
            )
            if len(batch) >= batch_size:
                result.imported += insert_rows(batch)
                batch = []
        result.imported += insert_rows(batch)
    return result


ROW_FIELDS = ["raw_title", "level", "employment_type", "year", "country", "amount_usd"]
INSERT_COLUMNS = ["source", "dataset", "title_key", "title_id", *ROW_FIELDS]


def insert_rows(rows: list[tuple]) -> int:
    """Insert survey rows (in INSERT_COLUMNS order) without building model instances: COPY on
    PostgreSQL, one prepared INSERT run for every row elsewhere. The database's constraints
    still check every row."""
    if not rows:
        return 0
    table = connection.ops.quote_name(SalaryRecord._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in INSERT_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The driver's own cursor: Django's wrapper has no COPY.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(INSERT_COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
    reset_queries()  # with DEBUG on, the query log would keep every batch
    return len(rows)


def analyze_records() -> None:
    """Refresh PostgreSQL's planner statistics after a large import (good plans for the figures
    computed next); nothing to do elsewhere."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SalaryRecord._meta.db_table}")
