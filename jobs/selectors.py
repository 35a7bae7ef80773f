"""Reads other apps need from postings, so they never reach into the jobs app's models."""

from django.db.models import QuerySet

from roles.models import Role


def postable_roles() -> QuerySet[Role]:
    """The roles a posting may name: the published ones."""
    return Role.objects.published()
