"""A saved search: the job filters of /jobs/ (jobs.filters.JobFilter, the one matching logic of
the page, the feeds and the API) kept as a canonical query string, and described in words."""

from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Model
from django.http import QueryDict

from core import money
from jobs.filters import JobFilter
from jobs.models import Job, JobQuerySet

# Every filter of the job search except `posted_within`: an alert's own window (what became
# public since its last digest) takes its place. Ordering and page are not filters.
SAVED_FILTERS = sorted(name for name in JobFilter.Meta.fields if name != "posted_within")
SEARCH_MAX_LENGTH = 1000


def job_filter(query: str | QueryDict, queryset: JobQuerySet | None = None) -> JobFilter:
    """The job search's FilterSet over `queryset` (none: only to validate), for the saved
    filters of `query`; the others are left out."""
    data = QueryDict(query) if isinstance(query, str) else query
    saved = QueryDict(mutable=True)
    for name in SAVED_FILTERS:
        if name in data:
            saved.setlist(name, data.getlist(name))
    return JobFilter(saved, queryset=Job.objects.none() if queryset is None else queryset)


def canonical(filterset: JobFilter) -> str:
    """The valid filters of a search as one query string: names sorted, lists sorted, words
    trimmed; invalid and unknown values are gone."""
    filterset.is_valid()  # invalid fields are left out of cleaned_data
    pairs: list[tuple[str, str]] = []
    for name in SAVED_FILTERS:
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            values = sorted(str(v) for v in value)
        elif isinstance(value, Model):
            values = [value.slug]  # type: ignore[attr-defined]  # roles and companies by slug
        elif isinstance(value, Decimal | int | float):
            values = [str(int(value))]
        else:
            values = [" ".join(str(value).split())]
        pairs += [(name, v) for v in values]
    return urlencode(pairs)


def _labels(filterset: JobFilter, name: str, values: list[str]) -> str:
    choices = dict(filterset.filters[name].extra["choices"])
    return " or ".join(str(choices[v]).split(" / ")[0].lower() for v in values)


def describe(filterset: JobFilter) -> str:
    """“Deep Learning Engineer jobs, remote, in Germany”: the search in words, from the filter
    values themselves."""
    filterset.is_valid()
    data = filterset.form.cleaned_data
    role, company = data.get("role"), data.get("company")
    head = f"{role.name} jobs" if role else "Jobs"
    if data.get("q"):
        head += f" matching “{' '.join(data['q'].split())}”"
    if company:
        head += f" at {company.name}"
    parts = [head]
    for name in ("workplace", "experience_level", "employment_type"):
        if data.get(name):
            parts.append(_labels(filterset, name, sorted(data[name])))
    if data.get("location"):
        parts.append(f"in {' '.join(data['location'].split())}")
    if data.get("salary_min"):
        parts.append(f"from USD {money.grouped(int(data['salary_min']))} a year")
    return ", ".join(parts)[:300]
