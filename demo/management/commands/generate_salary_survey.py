from pathlib import Path

from django.core.management.base import BaseCommand

from demo.salary_survey import DEMO_SEED, survey_csv_lines


class Command(BaseCommand):
    help = (
        "Write a generated salary survey as CSV, in the columns import_salaries reads "
        "(the same seed gives the same file)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--rows", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=DEMO_SEED)

    def handle(self, *args, file: Path, rows: int, seed: int, **options):
        with file.open("w", encoding="utf-8", newline="") as out:
            out.writelines(survey_csv_lines(rows, seed))
        self.stdout.write(self.style.SUCCESS(f"Wrote {rows:,} rows to {file}."))
