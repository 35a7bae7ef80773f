"""The authors' pages: who writes the guides, and what each of them wrote."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from authors.models import Author
from authors.structured_data import profile_json_ld
from core import page_tags
from core.breadcrumbs import authors_trail, trail
from core.page_cache import cache_public_page, tag_page


@cache_public_page(tags=(page_tags.AUTHORS,))
def author_list(request: HttpRequest) -> HttpResponse:
    crumbs = trail(("Authors", reverse("authors:list")))
    return render(
        request,
        "authors/author_list.html",
        {"authors": Author.objects.all(), "crumbs": crumbs},
    )


@cache_public_page()
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    # The author, and their guides (any published, renamed or coming due moves `guides`).
    tag_page(request, page_tags.author(author.pk), page_tags.GUIDES)
    crumbs = authors_trail(author.name, author.get_absolute_url())
    json_ld = [profile_json_ld(author, request)]  # breadcrumbs: from their bar
    return render(
        request,
        "authors/author_detail.html",
        {"author": author, "crumbs": crumbs, "json_ld": json_ld},
    )
