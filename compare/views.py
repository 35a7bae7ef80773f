"""Comparison pages: every pair of published roles, and the index of pairs (which also takes
the role pages' "Compare with…" form)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse

from compare.comparison import compare
from compare.index import pair_list
from compare.pairs import find_pair, pair_slug, pair_url
from compare.structured_data import comparison_json_ld
from compare.summary import description
from core import page_query, page_tags
from core.breadcrumbs import trail
from core.canonical import canonical_path
from core.page_cache import cache_public_page, tag_page
from core.pagination import page_or_404
from roles.models import Role
from salaries.figures import min_sample

PAIRS_PER_PAGE = 60


def compare_trail(*crumbs: tuple[str, str]) -> list[tuple[str, str]]:
    return trail(("Roles", reverse("roles:list")), ("Compare", reverse("compare:index")), *crumbs)


INDEX_QUERY = page_query.Query(
    a=page_query.slug, b=page_query.slug, page=page_query.integer(1, 100_000, default=1)
)


# The pairs of published roles, ordered by their open jobs.
@cache_public_page(INDEX_QUERY, tags=(page_tags.ROLES, page_tags.JOBS))
def compare_index(request: HttpRequest) -> HttpResponse:
    """Every pair, most open jobs first; `?a=<slug>` narrows it to one role's pairs, and
    `?a=<slug>&b=<slug>` (the role page's form) goes to that pair's page."""
    first, second = request.GET.get("a", "").strip(), request.GET.get("b", "").strip()
    if first and second:
        return _to_pair(first, second)
    pairs, role, roles = pair_list(first)
    page = page_or_404(Paginator(pairs, PAIRS_PER_PAGE), request)
    default_a = role or (roles[0] if roles else None)
    default_b = next((r for r in roles if r != default_a), None)
    context: dict[str, object] = {
        "page": page,
        "role": role,
        "roles": roles,
        "default_a": default_a,
        "default_b": default_b,
        "crumbs": compare_trail(),
        "canonical_path": canonical_path(request, INDEX_QUERY, leave_out=["b"]),
    }
    if first and role is None:
        context["error"] = "There is no published role by that name; here is every pair."
    return render(request, "compare/index.html", context)


def _to_pair(first: str, second: str) -> HttpResponse:
    if first == second:
        raise Http404("A role compared with itself is the role's own page.")
    found = Role.objects.published().filter(slug__in=[first, second]).count()
    if found != 2:
        raise Http404("No published role by that name.")
    # Not permanent: the form's answer depends on what is published.
    return redirect(pair_url(first, second))


@cache_public_page()
def compare_pair(request: HttpRequest, slug: str) -> HttpResponse:
    roles = find_pair(slug)
    if roles is None:
        raise Http404("No such pair of published roles.")
    first, second = roles
    canonical = pair_slug(first.slug, second.slug)
    if slug != canonical:
        return HttpResponsePermanentRedirect(pair_url(first.slug, second.slug))
    # Both roles' text, jobs and guides, the salary figures, and the guide that may cover them.
    for role in (first, second):
        tag_page(
            request, page_tags.role(role.pk), page_tags.role_jobs(role.pk),
            page_tags.role_guides(role.pk),
        )  # fmt: skip
    tag_page(request, page_tags.SALARIES, page_tags.GUIDES)
    comparison = compare(first, second)
    summary = comparison.summary
    context = {
        "c": comparison,
        "summary": summary,
        "description": description(summary),
        "canonical": (comparison.guide or comparison.pair).get_absolute_url(),
        "noindex": not comparison.says_something,
        "min_sample": min_sample(),
        "crumbs": compare_trail((comparison.pair.title, comparison.pair.get_absolute_url())),
        "json_ld": comparison_json_ld(comparison, request, settings.SITE_NAME),
    }
    return render(request, "compare/pair.html", context)
