from django.urls import path

from demo import views

urlpatterns = [path("floor/", views.bench_floor, name="bench-floor")]
