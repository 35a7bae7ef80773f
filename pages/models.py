"""The pages every site has (About, Contact, Privacy, Terms, How moderation works), written by
editors in Markdown, and the messages visitors send through the contact form."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from core import page_tags
from roles.models import RendersMarkdown


class Slug(models.TextChoices):
    """The site's own pages: each has a fixed address (pages/urls.py) and a footer link."""

    ABOUT = "about", "About"
    CONTACT = "contact", "Contact"
    PRIVACY = "privacy", "Privacy"
    TERMS = "terms", "Terms"
    MODERATION = "moderation", "How moderation works"


class Page(RendersMarkdown):
    markdown_fields = ("body",)
    # The page prints the title as its h1: "#" in the text is a section below it.
    heading_levels = {"body": 2}
    refuses_unshowable_markdown = True

    slug = models.SlugField(max_length=20, unique=True, choices=Slug.choices)
    title = models.CharField(max_length=120)
    summary = models.CharField(
        max_length=200, blank=True, help_text="One sentence for search results and link previews."
    )
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"pages:{self.slug}")

    def page_tags(self) -> set[str]:
        """What an edit retires: the page itself and the sitemap listing it."""
        return {page_tags.site_page(self.slug), page_tags.SITE_PAGES}


class ContactMessage(models.Model):
    """A message sent through the contact form: kept for the editors' inbox, and e-mailed."""

    name = models.CharField(max_length=120)
    email = models.EmailField("e-mail")
    subject = models.CharField(max_length=200)
    message = models.TextField(max_length=5000)
    # Made when the form is shown: the same form sent twice stores one message.
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "contact message"

    def __str__(self) -> str:
        return f"{self.subject} — {self.name}"

    @property
    def is_handled(self) -> bool:
        return self.handled_at is not None
