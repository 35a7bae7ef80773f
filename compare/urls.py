from django.urls import path

from compare import views

app_name = "compare"

urlpatterns = [
    path("", views.compare_index, name="index"),
    path("<slug:slug>/", views.compare_pair, name="pair"),
]
