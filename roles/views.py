from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.vary import vary_on_cookie

from core.breadcrumbs import guides_trail, roles_trail
from core.page_cache import cache_public_page
from roles.filters import GuideFilter
from roles.models import Guide, Role
from roles.outline import outline
from roles.structured_data import guide_json_ld


@cache_public_page("role", "page")
def guide_list(request: HttpRequest) -> HttpResponse:
    guides = GuideFilter(request.GET, queryset=Guide.objects.published().with_roles())
    page = Paginator(guides.qs, settings.GUIDES_PER_PAGE).get_page(request.GET.get("page"))
    role = guides.form.cleaned_data.get("role") if guides.is_valid() else None
    return render(
        request,
        "roles/guide_list.html",
        {"filter": guides, "page": page, "role": role},
    )


@cache_public_page()
@vary_on_cookie
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = get_object_or_404(Guide.objects.visible_to(request.user).with_roles(), slug=slug)
    sections = list(guide.sections.all())
    tips = list(guide.tips.all())
    crumbs = guides_trail(guide.title, guide.get_absolute_url())
    context = {
        "guide": guide,
        "sections": sections,
        "tips": tips,
        "toc": outline(guide, sections, tips),
        "related": list(guide.related()),
        "crumbs": crumbs,
        "json_ld": guide_json_ld(guide, request, settings.SITE_NAME, crumbs),
    }
    response = render(request, "roles/guide_detail.html", context)
    if not guide.is_public:
        # A staff preview: never cached by a shared cache or indexed.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@cache_public_page()
def role_list(request: HttpRequest) -> HttpResponse:
    return render(request, "roles/role_list.html", {"roles": Role.objects.published()})


@cache_public_page()
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.published().with_other_roles(), slug=slug)
    guides = Guide.objects.published().for_role(role).with_roles()
    context = {
        "role": role,
        "guides": guides,
        "page_roles": [role],
        "crumbs": roles_trail(role.name, role.get_absolute_url()),
    }
    return render(request, "roles/role_detail.html", context)
