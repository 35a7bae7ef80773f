from django.urls import path

from salaries import views

app_name = "salaries"

urlpatterns = [
    path("", views.salary_list, name="list"),
    path("<slug:slug>/", views.salary_detail, name="detail"),
]
