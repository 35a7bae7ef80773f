"""Each guide's byline becomes a credited author with a page.

A guide's author was a staff account, printed as its author profile's display name, else the
account's full name, else not at all (never the log-in name). Each account that was printed, or
that had a display name, becomes an Author with that name, linked to the account; each guide it
wrote credits that author. An account with neither name printed nothing and gets no author:
its guides keep no byline, as before.
"""

from django.db import migrations
from django.utils.text import slugify


def printed_name(user, profiles: dict) -> str:
    shown = profiles.get(user.pk, "").strip()
    return shown or f"{user.first_name} {user.last_name}".strip()


def free_slug(Author, name: str) -> str:
    base = slugify(name)[:100] or "author"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def carry_over(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    AuthorProfile = apps.get_model("roles", "AuthorProfile")
    Guide = apps.get_model("roles", "Guide")
    GuideAuthor = apps.get_model("roles", "GuideAuthor")
    profiles = dict(AuthorProfile.objects.values_list("user_id", "display_name"))
    authors: dict = {}

    def author_for(user):
        if user.pk not in authors:
            name = printed_name(user, profiles)
            authors[user.pk] = (
                Author.objects.create(name=name, slug=free_slug(Author, name), user=user)
                if name
                else None
            )
        return authors[user.pk]

    for profile in AuthorProfile.objects.select_related("user").order_by("pk"):
        author_for(profile.user)
    for guide in Guide.objects.exclude(author=None).select_related("author").order_by("pk"):
        author = author_for(guide.author)
        if author is not None:
            GuideAuthor.objects.create(guide=guide, author=author, position=1)


def carry_back(apps, schema_editor):
    """The first credited author with an account becomes the guide's author again, and each
    author with an account that account's display name; authors are then removed."""
    Author = apps.get_model("authors", "Author")
    AuthorProfile = apps.get_model("roles", "AuthorProfile")
    Guide = apps.get_model("roles", "Guide")
    GuideAuthor = apps.get_model("roles", "GuideAuthor")
    for guide in Guide.objects.order_by("pk"):
        credit = (
            GuideAuthor.objects.filter(guide=guide, author__user__isnull=False)
            .select_related("author")
            .order_by("position", "pk")
            .first()
        )
        if credit is not None:
            Guide.objects.filter(pk=guide.pk).update(author=credit.author.user_id)
    for author in Author.objects.exclude(user=None):
        AuthorProfile.objects.update_or_create(
            user_id=author.user_id, defaults={"display_name": author.name}
        )
    GuideAuthor.objects.all().delete()
    Author.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("roles", "0011_credit_authors_and_review_date")]

    operations = [migrations.RunPython(carry_over, carry_back)]
