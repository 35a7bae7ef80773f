"""Salary pages: every title with its median, and one title's percentiles, globally or in one
country. Both read precomputed figures, so they run a fixed number of queries."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django_countries import countries

from core import page_query, page_tags
from core.breadcrumbs import trail
from core.canonical import canonical_path
from core.page_cache import cache_public_page, do_not_store
from salaries.charts import range_chart, trend_chart
from salaries.figures import (
    PublicTitles,
    countries_with_data,
    min_sample,
    title_figures,
    title_list,
)
from salaries.models import SalaryTitle
from salaries.survey import COUNTRY_CODES

MAX_QUERY = 100


def search_query(typed: str) -> str:
    """The title search as typed, tidied (the list page's and the API's `q`)."""
    # Printable characters only: PostgreSQL refuses NUL in a string, and nothing else is a title.
    typed = "".join(ch for ch in typed if ch.isprintable())
    return " ".join(typed.split())[:MAX_QUERY]


# Salary pages show the figures and the published roles each title belongs to.
SALARY_TAGS = (page_tags.SALARIES, page_tags.ROLES)


SALARY_LIST_QUERY = page_query.Query(q=page_query.text(MAX_QUERY))


@cache_public_page(SALARY_LIST_QUERY, tags=SALARY_TAGS)
def salary_list(request: HttpRequest) -> HttpResponse:
    query = search_query(request.GET.get("q", ""))
    titles = title_list(query)
    if query and not titles:
        do_not_store(request)  # a search that finds nothing: made-up words are endless
    context = {
        "titles": titles,
        "query": query,
        "min_sample": min_sample(),
        "canonical_path": canonical_path(request, SALARY_LIST_QUERY),
    }
    return render(request, "salaries/list.html", context)


# A bad country code is answered (global figures, with a note) but not stored.
@cache_public_page(
    page_query.Query(country=page_query.choice(COUNTRY_CODES, upper=True)), tags=SALARY_TAGS
)
def salary_detail(request: HttpRequest, slug: str) -> HttpResponse:
    public = PublicTitles.load()
    if slug not in public.roles_by_slug:
        raise Http404("No salary page for this title.")
    title = SalaryTitle.objects.filter(slug=slug).first()
    if title is None:
        raise Http404("No salary page for this title.")
    country, country_error = _country(request.GET.get("country", ""))
    figures = title_figures(title, country)
    choices = [(code, countries.name(code), count) for code, count in countries_with_data(title)]
    if country and country not in {code for code, _, _ in choices}:
        choices.append((country, countries.name(country), figures.overall.count))
    crumbs = trail(("Salaries", reverse("salaries:list")), (title.name, title.get_absolute_url()))
    context = {
        "title": title,
        "roles": public.roles_by_slug[slug],
        "country": country,
        "country_name": countries.name(country) if country else "",
        "country_error": country_error,
        "countries": choices,
        "figures": figures,
        "range_chart": range_chart(figures.by_level),
        "trend_chart": trend_chart(figures.by_year),
        "min_sample": min_sample(),
        "crumbs": crumbs,
    }
    response = render(request, "salaries/detail.html", context)
    if country or country_error:
        response["X-Robots-Tag"] = "noindex"  # one indexed page per title: the global one
    return response


def _country(raw: str) -> tuple[str, str]:
    """The country code asked for (uppercase), or "" and a message when it is not one."""
    code = raw.strip().upper()
    if not code:
        return "", ""
    if len(code) == 2 and code in COUNTRY_CODES:
        return code, ""
    shown = raw.strip()[:20]
    return "", f"“{shown}” is not a two-letter country code; showing global figures."
