"""Confirmed job alerts with varied, realistic searches, made from the roles, places and pay in
the database, for measuring the digests (`send_alert_digests`). Bulk inserts; the addresses are
on the reserved .example domain."""

import math
import random
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_countries import countries

from alerts import searches
from alerts.models import Alert, Frequency, Subscriber
from jobs.choices import EmploymentType, ExperienceLevel, Workplace
from jobs.models import Job
from roles.models import Role

KEYWORDS = ["PyTorch", "Python", "LLM", "computer vision", "SQL", "Spark", "NLP", "MLOps"]
SALARY_MINIMUMS = [50_000, 80_000, 100_000, 120_000, 150_000, 200_000]
DISTINCT_SEARCHES = 3000


class Command(BaseCommand):
    help = "Add N confirmed job alerts with varied searches (for measuring the digests)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--per-address", type=int, default=5, help="alerts per address")
        parser.add_argument(
            "--since-days",
            type=float,
            default=1.0,
            help="confirmed this many days ago: their first digest covers that window",
        )
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count: int, per_address: int, since_days: float, seed: int, **_):
        if count < 1 or not 1 <= per_address <= 20:
            raise CommandError("--count must be positive and --per-address from 1 to 20.")
        rng = random.Random(seed)
        pool = self.search_pool(rng, min(count, DISTINCT_SEARCHES))
        if len(pool) < per_address:
            raise CommandError("Too few roles and places in the database: load the demo first.")
        confirmed = timezone.now() - timedelta(days=since_days)
        batch = secrets.token_hex(3)  # addresses unique across runs
        with transaction.atomic():
            subscribers = Subscriber.objects.bulk_create(
                Subscriber(email=f"reader-{batch}-{n}@alerts.example", confirmed_at=confirmed)
                for n in range(math.ceil(count / per_address))
            )
            alerts: list[Alert] = []
            for subscriber in subscribers:
                for query, description in rng.sample(pool, per_address):
                    if len(alerts) == count:
                        break
                    weekly = rng.random() < 0.2
                    alerts.append(
                        Alert(
                            subscriber=subscriber,
                            query=query,
                            description=description,
                            frequency=Frequency.WEEKLY if weekly else Frequency.DAILY,
                            created_at=confirmed,
                            confirmed_at=confirmed,
                            # Weekly ones as if their last digest went out a week before.
                            covered_until=confirmed - timedelta(days=6) if weekly else confirmed,
                        )
                    )
            Alert.objects.bulk_create(alerts, batch_size=2000)
        self.stdout.write(
            f"Added {len(alerts)} alerts for {len(subscribers)} addresses "
            f"({len(pool)} distinct searches)."
        )

    def search_pool(self, rng: random.Random, size: int) -> list[tuple[str, str]]:
        """Up to `size` distinct valid searches: (canonical query, description)."""
        roles = list(Role.objects.published().values_list("slug", flat=True))
        public = Job.objects.public()
        cities = list(public.exclude(city="").values_list("city", flat=True).distinct()[:200])
        codes = public.values_list("country", flat=True).distinct()[:60]
        places = cities + [countries.name(str(code)) for code in codes if code]
        pool: dict[str, str] = {}
        for _ in range(size * 3):
            if len(pool) >= size:
                break
            params: dict[str, str] = {}
            if roles and rng.random() < 0.75:
                params["role"] = rng.choice(roles)
            if places and rng.random() < 0.5:
                params["location"] = rng.choice(places)
            if rng.random() < 0.3:
                params["workplace"] = rng.choice([Workplace.REMOTE, Workplace.HYBRID])
            if rng.random() < 0.3:
                params["experience_level"] = rng.choice(ExperienceLevel.values)
            if rng.random() < 0.1:
                params["employment_type"] = rng.choice(EmploymentType.values)
            if rng.random() < 0.25:
                params["salary_min"] = str(rng.choice(SALARY_MINIMUMS))
            if rng.random() < 0.15:
                params["q"] = rng.choice(KEYWORDS)
            filterset = searches.job_filter(urlencode(params))
            query = searches.canonical(filterset)
            pool.setdefault(query, searches.describe(filterset))
        return list(pool.items())
