from django.urls import path, register_converter

from images import views


class DigestConverter:
    regex = "[0-9a-f]{32}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DigestConverter, "digest")

app_name = "images"
urlpatterns = [
    path("<digest:digest>.<int:size>.<slug:fmt>", views.variant, name="variant"),
]
