from django.urls import path

from roles import views

app_name = "roles"

urlpatterns = [
    path("guides/", views.guide_list, name="guides"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide"),
    path("roles/", views.role_list, name="list"),
    path("roles/<slug:slug>/", views.role_detail, name="detail"),
]
