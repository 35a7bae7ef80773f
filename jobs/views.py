from datetime import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_cookie

from core import page_tags, ratelimit
from core.addresses import fixed
from core.breadcrumbs import trail
from core.canonical import canonical_path
from core.compiled_reads import CompiledRead
from core.page_cache import (
    cache_public_page,
    cache_until,
    cached_fragment,
    do_not_store,
    tag_page,
)
from core.pagination import page_or_404, requested_page
from jobs.filters import JOB_LIST_QUERY, JobFilter
from jobs.merging import resolve_company_slug
from jobs.models import Job, reviews_postings, with_pages_q
from jobs.pagination import (
    LIST_COUNT_UP_TO,
    SEARCH_COUNT_UP_TO,
    CountUpTo,
    in_list_order,
    search_count_up_to,
)
from jobs.role_figures import popular_guides
from jobs.structured_data import job_posting_json_ld
from roles.models import Guide, Role

HOME_GUIDES = 6
HOME_FEATURED_JOBS = 6
HOME_LATEST_JOBS = 8
SIMILAR_JOBS = 4
ROLE_GUIDES_ON_JOB = 3


# What a list of jobs shows besides the postings: the role filter's choices.
JOB_LIST_TAGS = (page_tags.JOBS, page_tags.ROLES)
# The filters in the job list's side panel (the search row above it has the others).
PANEL_FILTERS = {"workplace", "employment_type", "experience_level", "salary_min", "posted_within"}


# The top titles by pay are the salary pages' figures (salaries' `top_paid_titles_list` tag).
@cache_public_page(tags=(page_tags.JOBS, page_tags.GUIDES, page_tags.ROLES, page_tags.SALARIES))
def home(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.public().for_cards()
    roles = list(Role.objects.published())
    context = {
        "featured_jobs": jobs.featured().newest()[:HOME_FEATURED_JOBS],
        "latest_jobs": jobs.newest()[:HOME_LATEST_JOBS],
        "guides": popular_guides(Guide.objects.published().with_roles(), HOME_GUIDES),
        "roles": roles,
    }
    return render(request, "jobs/home.html", context)


# /jobs/ is cached with every one of its filters: a popular search is asked for again and again
# (links from guides, role pages and feeds, and people typing the same words). Values that name
# nothing (an unknown role, a search that finds nothing) are answered without being stored, so
# made-up ones cannot fill the cache; a page that does not exist is a 404.
@cache_public_page(JOB_LIST_QUERY, tags=JOB_LIST_TAGS)
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = JobFilter(request.GET, queryset=Job.objects.public().for_cards())
    if not jobs.is_valid():
        do_not_store(request)
        moved = _merged_company_address(request, jobs)
        if moved:
            return HttpResponsePermanentRedirect(moved)
    # A few featured postings first, then the newest, without sorting every match.
    results = in_list_order(jobs, featured_up_to=settings.FEATURED_ON_JOB_LIST)
    active = jobs.active_filters()
    # "10,000+" (or "200+" for a filtered list, further on later pages) rather than counting
    # every match.
    if active:
        cap = search_count_up_to(
            requested_page(request), settings.JOBS_PER_PAGE, SEARCH_COUNT_UP_TO
        )
    else:
        cap = LIST_COUNT_UP_TO
    results = CountUpTo(results, cap)
    # Paginator needs only count() and slices; the stubs ask for a whole sequence.
    paginator: Paginator[Job] = Paginator(results, settings.JOBS_PER_PAGE)  # type: ignore[arg-type]
    page = page_or_404(paginator, request)
    if _found_nothing(jobs, page):
        do_not_store(request)
    context = {
        "filter": jobs,
        "page": page,
        "count_label": results.label(page.paginator.count),
        "count_more": not results.exact,  # more pages than counted: "Page 1 of 10+"
        # Each applied filter with the address of the same search without it.
        "active_filters": [
            (label, query_without(request.GET, name, "page")) for label, name in active
        ],
        # How many of the folded panel's filters apply, for its summary on a phone.
        "filter_count": sum(name in PANEL_FILTERS for _, name in active),
        # The feed of this search, without the filters it could not read (a feed answers 400).
        "feed_query": query_without(request.GET, "page", "ordering", *jobs.form.errors),
        # The filters and the page kept, the order dropped (the same postings).
        "canonical_path": canonical_path(request, JOB_LIST_QUERY, leave_out=["ordering"]),
    }
    return render(request, "jobs/job_list.html", context)


def _merged_company_address(request: HttpRequest, jobs: JobFilter) -> str | None:
    """The same search with the company's new slug, when ?company= names a company merged into
    another (its old links keep working), or None."""
    slug = request.GET.get("company", "")
    if "company" not in jobs.form.errors or not slug:
        return None
    company = resolve_company_slug(slug)
    if company is None or company.slug == slug:
        return None
    query = request.GET.copy()
    query["company"] = company.slug
    return f"{reverse('jobs:list')}?{query.urlencode()}"


def _found_nothing(jobs: JobFilter, page) -> bool:
    """A text search that matches no posting: rendered, never stored (random words would each
    make a page of their own)."""
    typed = jobs.form.cleaned_data
    return bool(typed.get("q") or typed.get("location")) and page.paginator.count == 0


def query_without(query: QueryDict, *names: str) -> str:
    """The query string ("?a=1", or "" when nothing is left) without the given parameters."""
    rest = query.copy()
    for name in names:
        rest.pop(name, None)
    return f"?{rest.urlencode()}" if rest else ""


@cache_public_page()
@vary_on_cookie
def job_detail(request: HttpRequest, slug: str) -> HttpResponse:
    job = posting_for_page(request, slug)
    tag_page(request, *job_page_tags(job))
    response = render(request, "jobs/job_detail.html", job_page_context(request, job))
    if job.is_public:
        cache_until(response, job.expires_at)  # the page turns into a closed one by itself
    else:
        # A closed posting stays readable for people with the link, but leaves search engines;
        # a staff preview of an unpublished one is never cached or indexed.
        response["X-Robots-Tag"] = "noindex"
        if not job.is_closed:
            response["Cache-Control"] = "private, no-store"
    return response


# A job page's posting with its company and role, as everyone but reviewing staff may see it:
# compiled once (0.7 ms of each first view when the ORM compiled it).
_posting_with_page = CompiledRead(
    Job,
    lambda slug, now: (
        Job.objects.filter(with_pages_q(now)).select_related("company", "role").filter(slug=slug)
    )[:1],
    slug=str,
    now=datetime,
)


def posting_for_page(request: HttpRequest, slug: str) -> Job:
    """The posting whose page this is (Job.objects.visible_to the visitor), or a 404."""
    if reviews_postings(request.user):
        return get_object_or_404(Job.objects.select_related("company", "role"), slug=slug)
    found = _posting_with_page(slug=slug, now=timezone.now())
    if not found:
        raise Http404("No job has that address.")
    return found[0]


def job_page_tags(job: Job) -> set[str]:
    """What a job page shows: the posting, its company, its role with the role's guides and
    other jobs (or, without a public role, its company's other jobs), and the salary figures
    it is compared with."""
    tags = {page_tags.job(job.pk), page_tags.company(job.company_id)}
    if job.role_id:
        tags.add(page_tags.role(job.role_id))
    if job.role and job.role.is_public:
        tags |= {page_tags.role_jobs(job.role.pk), page_tags.role_guides(job.role.pk)}
    else:
        tags.add(page_tags.company_jobs(job.company_id))
    if job.has_salary:
        tags.add(page_tags.SALARIES)
    return tags


def job_page_context(request: HttpRequest, job: Job) -> dict:
    """What the job page shows; the employers' preview renders the same page."""
    role = job.role if job.role and job.role.is_public else None
    crumbs = trail(("Jobs", fixed("jobs:list")), (job.title, job.get_absolute_url()))
    json_ld = [job_posting_json_ld(job, request, settings.SITE_NAME)] if job.is_public else []
    return {
        "job": job,
        "role": role,
        "guides": role_guides(role) if role else [],
        "similar_jobs": [other for other in newest_alike(job, role) if other.pk != job.pk][
            :SIMILAR_JOBS
        ],
        "crumbs": crumbs,
        "json_ld": json_ld,
    }


# Every posting of a role shows the same guides and nearly the same similar jobs: each is read
# once per role and kept until the role's guides or jobs change (core.page_cache), so the first
# view of a posting reads only the posting.


def role_guides(role: Role) -> list[Guide]:
    return cached_fragment(
        "role-guides",
        (role.pk,),
        (page_tags.role(role.pk), page_tags.role_guides(role.pk)),
        lambda: list(
            Guide.objects.published().for_role(role).only("title", "slug")[:ROLE_GUIDES_ON_JOB]
        ),
    )


def newest_alike(job: Job, role: Role | None) -> list[Job]:
    """The newest postings of the job's role, or without a public role of its company: one
    more than a page shows, so that the job itself can be left out."""
    if role:
        parts, tags = ("role", role.pk), (page_tags.role_jobs(role.pk),)
        alike = {"role": role}
    else:
        parts, tags = ("company", job.company_id), (page_tags.company_jobs(job.company_id),)
        alike = {"company": job.company_id}

    # (The queryset is built only when the fragment is read: building it takes 0.3 ms.)
    def newest() -> list[Job]:
        return list(Job.objects.public().for_cards().filter(**alike).newest()[: SIMILAR_JOBS + 1])

    return cached_fragment("newest-alike", parts, tags, newest)


# Revealing the address changes nothing, so no CSRF token is needed; asking for it by POST keeps
# crawlers that follow links from collecting it, and a limit per network address keeps a script
# from collecting every posting's address (ratelimit.APPLY_REVEAL).
@csrf_exempt
@require_POST
def job_apply_email(request: HttpRequest, slug: str) -> HttpResponse:
    if ratelimit.hit(ratelimit.APPLY_REVEAL, ratelimit.client_network(request)):
        return ratelimit.too_many(
            request,
            ratelimit.APPLY_REVEAL,
            heading="Too many application addresses",
            message="You have asked for many application addresses in a short time.",
            back_url=reverse("jobs:detail", args=[slug]),
            back_label="Back to the job",
        )
    job = get_object_or_404(Job.objects.public().select_related("company"), slug=slug)
    if not job.apply_email:
        raise Http404("This posting takes applications on the employer's site.")
    response = render(request, "jobs/apply_email.html", {"job": job})
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response
