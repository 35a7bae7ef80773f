from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.vary import vary_on_cookie

from core import page_query, page_tags
from core.breadcrumbs import guides_trail, roles_trail
from core.canonical import canonical_path
from core.page_cache import cache_public_page, do_not_store, tag_page
from core.pagination import page_or_404
from roles.filters import GuideFilter
from roles.models import (
    Guide,
    Role,
    previews_guides,
    published_guide,
    published_guides_of_role,
)
from roles.outline import outline
from roles.structured_data import guide_json_ld

GUIDE_LIST_QUERY = page_query.Query(
    role=page_query.slug, page=page_query.integer(1, 100_000, default=1)
)
GUIDE_LIST_TAGS = (page_tags.GUIDES, page_tags.ROLES)


@cache_public_page(GUIDE_LIST_QUERY, tags=GUIDE_LIST_TAGS)
def guide_list(request: HttpRequest) -> HttpResponse:
    guides = GuideFilter(request.GET, queryset=Guide.objects.published().with_roles())
    page = page_or_404(Paginator(guides.qs, settings.GUIDES_PER_PAGE), request)
    if not guides.is_valid():
        do_not_store(request)  # an unknown role
    role = guides.form.cleaned_data.get("role") if guides.is_valid() else None
    return render(
        request,
        "roles/guide_list.html",
        {
            "filter": guides,
            "page": page,
            "role": role,
            "canonical_path": canonical_path(request, GUIDE_LIST_QUERY),
        },
    )


@cache_public_page()
@vary_on_cookie
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = guide_for_page(request, slug)
    context = guide_page_context(request, guide)
    tag_page(request, *guide_page_tags(guide, context["related"]))
    response = render(request, "roles/guide_detail.html", context)
    if not guide.is_public:
        # A staff preview: never cached by a shared cache or indexed.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def guide_for_page(request: HttpRequest, slug: str) -> Guide:
    """The guide whose page this is (Guide.objects.visible_to the visitor), or a 404."""
    if previews_guides(request.user):
        return get_object_or_404(Guide.objects.with_roles(), slug=slug)
    found = published_guide(slug=slug, now=timezone.now())
    if not found:
        raise Http404("No guide has that address.")
    return found[0]


def guide_page_context(request: HttpRequest, guide: Guide) -> dict:
    """What the guide page shows (also the editors' preview of an unsaved form)."""
    sections = list(guide.sections.all())
    tips = list(guide.tips.all())
    return {
        "guide": guide,
        "sections": sections,
        "tips": tips,
        "toc": outline(guide, sections, tips),
        "related": guide.related(),
        "crumbs": guides_trail(guide.title, guide.get_absolute_url()),
        "json_ld": guide_json_ld(guide, request, settings.SITE_NAME),
    }


def guide_page_tags(guide: Guide, related: list[Guide]) -> set[str]:
    """What a guide page shows: the guide, its roles' records, the guides and jobs of those
    roles beside it, the related guides it names, the medians beside its salary links, its
    comparison links (which name published roles) and its authors' names."""
    tags = {page_tags.guide(guide.pk), page_tags.SALARIES}
    tags |= {page_tags.author(author.pk) for author in guide.credited_authors}
    tags.add(page_tags.ROLES)
    for role in guide.roles:
        tags |= {page_tags.role(role.pk), page_tags.role_jobs(role.pk)}
        tags.add(page_tags.role_guides(role.pk))
    tags |= {page_tags.guide(other.pk) for other in related}
    return tags


@cache_public_page(tags=(page_tags.ROLES,))
def role_list(request: HttpRequest) -> HttpResponse:
    context = {
        "roles": Role.objects.published(),
        "canonical_path": canonical_path(request, page_query.NO_PARAMETERS),
    }
    return render(request, "roles/role_list.html", context)


@cache_public_page()
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.published().with_other_roles(), slug=slug)
    # The role, its guides and jobs, its salary figures, and the other roles' names in the
    # comparison picker.
    tag_page(
        request,
        page_tags.role(role.pk),
        page_tags.role_guides(role.pk),
        page_tags.role_jobs(role.pk),
        page_tags.SALARIES,
        page_tags.ROLES,
    )
    return render(request, "roles/role_detail.html", role_page_context(role))


def role_page_context(role: Role) -> dict:
    """What the role page shows (also the editors' preview of an unsaved form)."""
    return {
        "role": role,
        "guides": (
            published_guides_of_role(role=role.pk, now=timezone.now())
            if role.pk  # (an editor's preview of a role not yet saved has none)
            else Guide.objects.none()
        ),
        "crumbs": roles_trail(role.name, role.get_absolute_url()),
    }
