import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.statistics import analyze
from salaries.stats import refresh_stats, refresh_unmatched
from salaries.survey import BadFile, analyze_records, import_survey


class Command(BaseCommand):
    help = (
        "Import salary-survey records from a CSV file in the columns of the public AI/ML "
        "salaries data set. Importing the same data set again replaces its records."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV file with a header row")
        parser.add_argument(
            "--dataset",
            help="Name of the data set the records belong to (default: the file's name).",
        )

    def handle(self, *args, file: Path, dataset: str | None, **options):
        dataset = (dataset or file.stem)[:100]
        started = time.monotonic()

        def report(line: int, reason: str) -> None:
            self.stderr.write(f"{file.name}, line {line}: {reason}; row skipped")

        try:
            with file.open(encoding="utf-8-sig", newline="") as lines:
                result = import_survey(lines, dataset=dataset, on_bad_row=report)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text.") from None
        except BadFile as error:
            raise CommandError(f"{file} is not a salary survey file: {error}.") from None
        imported_in = time.monotonic() - started
        analyze_records()
        unmatched_titles = refresh_unmatched()
        titles = refresh_stats()
        # The records were analyzed before the figures were computed; now the figures too.
        analyze()
        self.stdout.write(
            self.style.SUCCESS(
                f"Read {result.rows:,} rows from {file.name} into data set “{dataset}”: "
                f"imported {result.imported:,}, skipped {result.bad:,} bad row(s)"
                + (
                    f", replaced {result.replaced:,} from its last import"
                    if result.replaced
                    else ""
                )
                + f" ({imported_in:.1f} s)."
            )
        )
        self.stdout.write(
            f"{result.unmatched:,} imported record(s) have a title no canonical title or alias "
            f"matches; {unmatched_titles:,} distinct unmatched title(s) are listed for editors "
            f"in the admin (Unmatched titles)."
        )
        refreshed_in = time.monotonic() - started - imported_in
        self.stdout.write(f"Figures recomputed for {titles} title(s) in {refreshed_in:.1f} s.")
