from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("jobs/<slug:slug>/report/", views.report_job, name="report"),
    path("jobs/<slug:slug>/report/thanks/", views.thanks, name="thanks"),
]
