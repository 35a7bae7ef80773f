from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from jobs.salary_titles import salary_titles
from roles.breadcrumbs import trail
from roles.models import Guide, Role

HOME_GUIDES = 6


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "guides": Guide.objects.published().with_roles()[:HOME_GUIDES],
        "roles": Role.objects.published(),
    }
    return render(request, "jobs/home.html", context)


def job_list(request: HttpRequest) -> HttpResponse:
    return render(request, "jobs/job_list.html", {"roles": Role.objects.published()})


def salary_list(request: HttpRequest) -> HttpResponse:
    return render(request, "jobs/salary_list.html", {"titles": salary_titles().values()})


def salary_detail(request: HttpRequest, slug: str) -> HttpResponse:
    title = salary_titles().get(slug)
    if title is None:
        raise Http404("No salary page for this title.")
    crumbs = trail(("Salaries", reverse("salaries:list")), (title.title, request.path))
    return render(request, "jobs/salary_detail.html", {"title": title, "crumbs": crumbs})


def employer_home(request: HttpRequest) -> HttpResponse:
    return render(request, "jobs/employer_home.html")
