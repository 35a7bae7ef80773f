"""Salary insights: canonical job titles, their aliases, salary observations and their figures.

Observations come from two sources: job postings (copied here when a posting is saved, keyed by
the posting's id so that `roles` never imports `jobs`) and imported salary-survey records. The
figures every salary page shows are precomputed into `SalaryStat` whenever the data changes.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify

from core import page_tags
from core.addresses import by_slug
from jobs.choices import EmploymentType, ExperienceLevel
from salaries.title_matching import core_key, title_key

# Short level names for salary tables and charts ("Senior" rather than the posting form's
# "Senior-level / Expert"); the values are the postings' own (jobs.choices.ExperienceLevel).
LEVEL_LABELS: dict[str, str] = {
    ExperienceLevel.ENTRY: "Entry-level",
    ExperienceLevel.MID: "Mid-level",
    ExperienceLevel.SENIOR: "Senior",
    ExperienceLevel.EXECUTIVE: "Executive",
}


class Source(models.TextChoices):
    POSTING = "posting", "Job posting"
    SURVEY = "survey", "Salary survey"


class SalaryTitle(models.Model):
    """A canonical job title with a salary page (every role's title and its broader titles)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    key = models.CharField(max_length=150, unique=True, editable=False)
    # Set when a posting changed this title's records but its figures were left for the next
    # `refresh_salaries --stale` (titles with very many records; see docs/salaries.md).
    needs_refresh = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = title_key(self.name)
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return by_slug("salaries:detail", self.slug)

    def page_tags(self) -> set[str]:
        return {page_tags.SALARIES}


class TitleAlias(models.Model):
    """Another way of writing a canonical title ("ML Scientist" → Machine Learning Engineer)."""

    alias = models.CharField(
        max_length=150,
        help_text=(
            "A job title as postings and surveys write it. Case, punctuation and level words "
            "(Senior, Jr., II…) do not matter; common abbreviations (ML, Sr.) are expanded."
        ),
    )
    key = models.CharField(max_length=150, unique=True, editable=False)
    title = models.ForeignKey(SalaryTitle, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        ordering = ["alias"]
        verbose_name = "title alias"
        verbose_name_plural = "title aliases"

    def __str__(self) -> str:
        return f"{self.alias} → {self.title}"

    def save(self, *args, **kwargs):
        self.key = core_key(self.alias)[0]
        super().save(*args, **kwargs)

    def page_tags(self) -> set[str]:
        return {page_tags.SALARIES}

    def clean(self) -> None:
        if not core_key(self.alias)[0]:
            raise ValidationError({"alias": "Write the job, not only its level."})


class SalaryRecord(models.Model):
    """One observed yearly salary in U.S. dollars, from a job posting or a survey record."""

    source = models.CharField(max_length=10, choices=Source)
    dataset = models.CharField(
        max_length=100, blank=True, help_text="The survey file it came from; empty for postings."
    )
    job_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    raw_title = models.CharField(max_length=150)
    title_key = models.CharField(max_length=150)
    title = models.ForeignKey(
        SalaryTitle, on_delete=models.SET_NULL, null=True, blank=True, related_name="records"
    )
    level = models.CharField(max_length=10, choices=ExperienceLevel)
    employment_type = models.CharField(max_length=12, choices=EmploymentType)
    year = models.PositiveSmallIntegerField()
    country = models.CharField(max_length=2, help_text="ISO 3166 code of where the work is.")
    amount_usd = models.PositiveIntegerField("yearly salary in USD")

    class Meta:
        indexes = [
            models.Index(fields=["title", "country"], name="salary_record_title_country"),
            models.Index(fields=["dataset"], name="salary_record_dataset"),
            models.Index(fields=["raw_title"], name="salary_record_raw_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_usd__gt=0), name="salary_record_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(source=Source.SURVEY, job_id__isnull=True)
                | Q(source=Source.POSTING, job_id__isnull=False),
                name="salary_record_posting_has_job",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.raw_title}: USD {self.amount_usd:,} ({self.year}, {self.country})"


class SalaryStat(models.Model):
    """Precomputed figures for one title, scope (global or a country) and cut (a level, a year,
    or everything). Rebuilt by `refresh_salary_stats` whenever observations or aliases change."""

    title = models.ForeignKey(SalaryTitle, on_delete=models.CASCADE, related_name="stats")
    country = models.CharField(max_length=2, blank=True, help_text="Empty: every country.")
    level = models.CharField(
        max_length=10, choices=ExperienceLevel, blank=True, help_text="Empty: all."
    )
    year = models.PositiveSmallIntegerField(default=0, help_text="0: every year.")
    count = models.PositiveIntegerField()
    postings = models.PositiveIntegerField()
    surveys = models.PositiveIntegerField()
    p10 = models.PositiveIntegerField()
    p25 = models.PositiveIntegerField()
    p50 = models.PositiveIntegerField()
    p75 = models.PositiveIntegerField()
    p90 = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["title", "country", "level", "year"], name="salary_stat_one_per_cut"
            ),
            models.CheckConstraint(
                condition=Q(level="") | Q(year=0), name="salary_stat_level_or_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title_id} {self.country or 'global'} {self.level or self.year or 'all'}"


class UnmatchedTitle(models.Model):
    """A raw title that matched no canonical title, with how many records carry it."""

    key = models.CharField(max_length=150, unique=True)
    example = models.CharField(max_length=150, help_text="One way it was written.")
    records = models.PositiveIntegerField()

    class Meta:
        ordering = ["-records", "key"]

    def __str__(self) -> str:
        return self.example
