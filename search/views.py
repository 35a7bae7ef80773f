"""/search/?q=: one search over public jobs, guides and roles, grouped and ranked."""

from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core import page_query, page_tags
from core.canonical import canonical_path
from core.page_cache import cache_public_page, do_not_store
from core.textsearch.highlight import SNIPPET_LENGTH, highlight, highlight_html
from core.textsearch.query import MAX_QUERY_LENGTH, parse
from jobs.models import RANKED_CANDIDATES, Job
from jobs.pagination import count_label
from roles.models import Guide, Role

JOBS_SHOWN = 8
GUIDES_SHOWN = 6
ROLES_SHOWN = 6


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search jobs, guides and roles",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=False,  # a trailing space tells a finished last word from one being typed
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "e.g. computer vision, “data engineer” -intern"}
        ),
    )


SEARCH_QUERY = page_query.Query(q=page_query.text(MAX_QUERY_LENGTH))


@cache_public_page(
    SEARCH_QUERY,
    tags=(page_tags.JOBS, page_tags.GUIDES, page_tags.ROLES),
)
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    typed = form.cleaned_data["q"] if form.is_valid() else ""
    query = parse(typed)
    text = typed.strip()
    context = {
        "form": form,
        "text": text,
        "query": query,
        "searched": bool(query),
        "canonical_path": canonical_path(request, SEARCH_QUERY),
    }
    if query:
        jobs, found = (
            Job.objects.public()
            .select_related("company")
            .defer("description", "company__description", "company__description_html")
            .best_matches(query, JOBS_SHOWN)
        )
        guides = list(Guide.objects.published().with_roles().best_matches(query)[:GUIDES_SHOWN])
        roles = list(Role.objects.published().best_matches(query)[:ROLES_SHOWN])
        context |= {
            "jobs": [
                (job, highlight(job.title, query), highlight_html(job.description_html, query))
                for job in jobs
            ],
            # Counting every match of a common word among a million postings takes seconds: the
            # ranked candidates give the count, "200+" past them (/jobs/ counts further).
            "job_count": found,
            "job_count_label": count_label(found, RANKED_CANDIDATES),
            "guides": [
                (
                    guide,
                    highlight(guide.title, query),
                    highlight(guide.subtitle, query),
                    # Around the first found word, wherever in the article it is.
                    highlight(guide.search_snippet_text, query, SNIPPET_LENGTH),
                )
                for guide in guides
            ],
            "roles": [
                (
                    role,
                    highlight(role.name, query),
                    highlight(role.summary, query),
                    highlight(role.search_snippet_text, query, SNIPPET_LENGTH),
                )
                for role in roles
            ],
            "all_jobs_url": f"{reverse('jobs:list')}?{urlencode({'q': text})}",
        }
        if not (found or guides or roles):
            do_not_store(request)  # a search that finds nothing: made-up words are endless
    response = render(request, "search/results.html", context)
    if text:
        # Result pages are for people, not for search engines' indexes.
        response["X-Robots-Tag"] = "noindex"
    return response
