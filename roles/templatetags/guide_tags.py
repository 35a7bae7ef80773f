"""Guide lists other apps' pages show (an author's page lists their guides)."""

from django import template

from roles.models import Guide

register = template.Library()


@register.simple_tag
def guides_by(author) -> list[Guide]:
    """An author's published guides, newest first; drafts and scheduled guides never."""
    return list(
        Guide.objects.published().with_roles().by_author(author).order_by("-published_at", "-pk")
    )
