"""/companies/ (companies hiring now, the most open jobs first) and a company's page."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse

from companies import selectors
from companies.structured_data import organization_json_ld
from core import page_query, page_tags
from core.breadcrumbs import companies_trail, trail
from core.page_cache import cache_public_page, do_not_store, tag_page
from core.pagination import page_or_404
from jobs.merging import resolve_company_slug
from jobs.models import Company

COMPANY_NAME_MAX = 120
COMPANY_LIST_QUERY = page_query.Query(
    q=page_query.text(COMPANY_NAME_MAX, squeeze_spaces=True),
    page=page_query.integer(1, 100_000, default=1),
)
# A company page shows this many of its open jobs, then links to all of them on /jobs/.
JOBS_ON_COMPANY_PAGE = 20


@cache_public_page(COMPANY_LIST_QUERY, tags=(page_tags.JOBS, page_tags.COMPANIES))
def company_list(request: HttpRequest) -> HttpResponse:
    # As the cached query's rule reads it (a page not cached, for a bad page number, sees it raw).
    name = " ".join(request.GET.get("q", "").replace("\x00", "").split())
    companies = selectors.hiring_companies(name)
    page = page_or_404(Paginator(companies, settings.COMPANIES_PER_PAGE), request)
    if name and not page.object_list:
        do_not_store(request)  # made-up names must not fill the cache
    query = {"q": name} if name else {}
    if page.number > 1:
        query["page"] = str(page.number)
    canonical = reverse("companies:list") + (f"?{urlencode(query)}" if query else "")
    context = {
        "page": page,
        "name": name,
        "canonical": canonical,
        "crumbs": trail(("Companies", reverse("companies:list"))),
    }
    return render(request, "companies/company_list.html", context)


@cache_public_page()
def company_detail(request: HttpRequest, slug: str) -> HttpResponse:
    company = Company.objects.with_pages().filter(slug=slug).first()
    if company is None:
        merged_into = resolve_company_slug(slug)  # a merged company's old address
        if merged_into is None or merged_into.slug == slug:
            raise Http404("No company has a page at this address.")
        return HttpResponsePermanentRedirect(merged_into.get_absolute_url())
    tag_page(request, page_tags.company(company.pk), page_tags.company_jobs(company.pk))
    figures = selectors.open_job_figures(company)
    jobs = list(selectors.company_jobs(company)[:JOBS_ON_COMPANY_PAGE]) if figures.count else []
    crumbs = companies_trail(company.name, company.get_absolute_url())
    context = {
        "company": company,
        "jobs": jobs,
        "figures": figures,
        "pay_sample_min": selectors.PAY_SAMPLE_MIN,
        "all_jobs_url": f"{reverse('jobs:list')}?{urlencode({'company': company.slug})}",
        "crumbs": crumbs,
        "json_ld": [organization_json_ld(company, request)],  # breadcrumbs: from their bar
    }
    response = render(request, "companies/company_detail.html", context)
    if not figures.count:
        # Kept for the links of its closed postings, but not a page to find in search engines.
        response["X-Robots-Tag"] = "noindex"
    return response
