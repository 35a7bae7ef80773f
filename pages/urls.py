from django.urls import path

from pages import views
from pages.models import Slug

app_name = "pages"

urlpatterns = [
    path("about/", views.site_page, {"slug": Slug.ABOUT.value}, name="about"),
    path("privacy/", views.site_page, {"slug": Slug.PRIVACY.value}, name="privacy"),
    path("terms/", views.site_page, {"slug": Slug.TERMS.value}, name="terms"),
    path("moderation/", views.site_page, {"slug": Slug.MODERATION.value}, name="moderation"),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact-sent"),
]
