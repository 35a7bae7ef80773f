"""Write the traffic mix's addresses (demo/bench_addresses.py) for `make bench`: one file per
kind, one address per line."""

from pathlib import Path

from django.core.management.base import BaseCommand

from demo.bench_addresses import build


class Command(BaseCommand):
    help = "Write addresses drawn from the database as traffic would ask for them (make bench)."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Where to write <kind>.txt files.")
        parser.add_argument("--count", type=int, default=20_000, help="Addresses of each kind.")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, folder: Path, count: int, seed: int, **options):
        folder.mkdir(parents=True, exist_ok=True)
        for kind, addresses in build(count, seed).items():
            (folder / f"{kind}.txt").write_text("\n".join(addresses) + "\n")
            self.stdout.write(f"{kind}: {len(addresses):,} addresses")
