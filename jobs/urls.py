"""URL patterns of the jobs app, one list per namespace (jobs, salaries, employers)."""

from django.urls import path

from jobs import views
from roles import salary_views

job_patterns = [
    path("", views.job_list, name="list"),
    path("<slug:slug>/", views.job_detail, name="detail"),
    path("<slug:slug>/apply/", views.job_apply_email, name="apply-email"),
]

salary_patterns = [
    path("", salary_views.salary_list, name="list"),
    path("<slug:slug>/", salary_views.salary_detail, name="detail"),
]

employer_patterns = [path("", views.employer_home, name="home")]
