from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<slug:slug>/", views.job_detail, name="detail"),
    path("<slug:slug>/apply/", views.job_apply_email, name="apply-email"),
]
