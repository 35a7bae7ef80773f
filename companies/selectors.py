"""What the company pages and the company API read: companies hiring now with how many open
jobs each has, one company's open jobs, and the pay its postings advertise."""

import statistics
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from jobs.models import Company, CompanyQuerySet, Job, JobQuerySet, public_jobs_q

# Pay figures need this many open postings with pay: below it one posting would be the figure.
PAY_SAMPLE_MIN = 5


def has_page(company: Company) -> bool:
    return Company.objects.with_pages().filter(pk=company.pk).exists()


def hiring_companies(name: str = "") -> CompanyQuerySet:
    """Companies with at least one open posting, the most open postings first, then by name,
    each with `open_jobs`; `name` narrows them to names containing it."""
    # Counted per company shown, through the company index, rather than by grouping every
    # open posting of the board before the page is cut.
    open_jobs = (
        Job.objects.filter(public_jobs_q(timezone.now()), company=OuterRef("pk"))
        .order_by()
        .values("company")
        .annotate(count=Count("pk"))
        .values("count")
    )
    companies = Company.objects.public()
    if name.strip():
        companies = companies.filter(name__icontains=name.strip())
    return companies.annotate(
        open_jobs=Coalesce(Subquery(open_jobs, output_field=IntegerField()), 0)
    ).order_by("-open_jobs", "name", "pk")


def company_jobs(company: Company) -> JobQuerySet:
    """The company's open postings as cards: featured first, then the newest."""
    return Job.objects.public().for_cards().filter(company=company).featured_first()


@dataclass(frozen=True)
class OpenJobFigures:
    """How many open postings a company has, and the pay they advertise."""

    count: int
    with_pay: int
    median_yearly_usd: int | None
    low_yearly_usd: int | None
    high_yearly_usd: int | None

    @property
    def has_pay_figures(self) -> bool:
        return self.median_yearly_usd is not None


def open_job_figures(company: Company) -> OpenJobFigures:
    """One query over the company's open postings: their count and, when at least
    PAY_SAMPLE_MIN state pay, the median, lowest and highest top of range a year in U.S.
    dollars (`Job.salary_yearly_usd`, which puts every currency and period on one scale)."""
    pays = list(
        Job.objects.public().filter(company=company).values_list("salary_yearly_usd", flat=True)
    )
    stated = sorted(pay for pay in pays if pay)
    if len(stated) < PAY_SAMPLE_MIN:
        return OpenJobFigures(len(pays), len(stated), None, None, None)
    median = round(statistics.median(stated))
    return OpenJobFigures(len(pays), len(stated), median, stated[0], stated[-1])
